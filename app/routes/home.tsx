import type { Route } from "./+types/home";
import { AgreementTable } from "../components/agreement-table.tsx";
import { t } from "../lib/context.ts";
import { requireSignedIn } from "../lib/http.ts";
import { listAgreements } from "../../src/services/agreements/agreements.ts";
import { buildTodoList } from "../../src/services/tasks/todo.ts";
import { summariseTodo } from "../../src/domain/cycles/stale.ts";
import { TODO_LINES_SHOWN, TodoPanel } from "./tasks/todo-list.tsx";

export function meta() {
  return [{ title: "Start – Samverkan" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireSignedIn(context.ctx, request);
  const [agreements, todo] = await Promise.all([listAgreements(context.ctx), buildTodoList(context.ctx)]);
  // The first lines of each section; the rest is on /att-gora.
  return { locale: context.locale, name: actor.name, agreements, todo: summariseTodo(todo, TODO_LINES_SHOWN) };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { locale, name, agreements, todo } = loaderData;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "home.welcome", { name })}
      </h1>
      <TodoPanel list={todo} locale={locale} />
      {agreements.length ? (
        <AgreementTable agreements={agreements} locale={locale} caption={t(locale, "home.myAgreements")} />
      ) : (
        <p className="ds-paragraph">{t(locale, "home.noAgreements")}</p>
      )}
      <p className="ds-paragraph">
        <a className="ds-button" data-variant="secondary" href="/overenskommelser/ny">
          {t(locale, "agreement.list.new")}
        </a>
      </p>
    </div>
  );
}
