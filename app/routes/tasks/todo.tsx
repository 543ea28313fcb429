import type { Route } from "./+types/todo";
import { t } from "../../lib/context.ts";
import { requireSignedIn } from "../../lib/http.ts";
import { buildTodoList } from "../../../src/services/tasks/todo.ts";
import { TodoPanel } from "./todo-list.tsx";

export function meta() {
  return [{ title: "Att göra – Samverkan" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  return { locale: context.locale, todo: await buildTodoList(context.ctx) };
}

/** The whole "Att göra" list; the start page shows the first lines of each section. */
export default function Todo({ loaderData }: Route.ComponentProps) {
  const { locale, todo } = loaderData;
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <a className="ds-link" href="/">
          {t(locale, "nav.start")}
        </a>
      </p>
      <TodoPanel list={todo} locale={locale} headingLevel={1} />
    </div>
  );
}
