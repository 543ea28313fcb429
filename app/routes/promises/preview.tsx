import type { Route } from "./+types/preview";
import { PublicPromises } from "./public-view.tsx";
import { promisesPath } from "./shared.ts";
import { t } from "../../lib/context.ts";
import { load, requireSignedIn } from "../../lib/http.ts";
import { getPromisePreview } from "../../../src/services/promises/public.ts";

export function meta() {
  return [{ title: "Förhandsvisning av medborgarlöften – Samverkan" }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  return { locale: context.locale, ...(await load(() => getPromisePreview(context.ctx, params.id))) };
}

/** The public view including drafts, clearly marked, for the agreement's members. */
export default function Preview({ loaderData }: Route.ComponentProps) {
  const { locale, agreement, view, pages } = loaderData;
  const name = pages.map((p) => p.name).join(", ");
  return (
    <article className="stack">
      <p className="ds-paragraph">
        <a className="ds-link" href={promisesPath(agreement.id)}>
          {t(locale, "common.backTo", { title: t(locale, "promise.list.title") })}
        </a>
      </p>
      <div className="ds-alert" data-color="warning" role="note">
        <strong>{t(locale, "promise.preview.notice")}</strong>
      </div>
      <h1 className="ds-heading" data-size="lg">
        {name ? t(locale, "public.title", { name }) : t(locale, "promise.preview.title")}
      </h1>
      {name && <p className="ds-paragraph">{t(locale, "public.intro", { name })}</p>}
      <PublicPromises view={view} locale={locale} preview />
    </article>
  );
}
