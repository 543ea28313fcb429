import type { Route } from "./+types/public-index";
import { t } from "../../lib/context.ts";
import { listPublicKommuner } from "../../../src/services/promises/public.ts";

export function meta() {
  return [{ title: "Medborgarlöften – Samverkan" }];
}

/** Public: the kommuner that have published medborgarlöften. */
export async function loader({ context }: Route.LoaderArgs) {
  return { locale: context.locale, kommuner: await listPublicKommuner(context.ctx) };
}

export default function PublicIndex({ loaderData }: Route.ComponentProps) {
  const { locale, kommuner } = loaderData;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "public.index.title")}
      </h1>
      <p className="ds-paragraph">{t(locale, "public.index.intro")}</p>
      {kommuner.length === 0 ? (
        <p className="ds-paragraph">{t(locale, "public.index.none")}</p>
      ) : (
        <ul className="ds-list">
          {kommuner.map((k) => (
            <li key={k.slug}>
              <a className="ds-link" href={`/kommun/${k.slug}`}>
                {k.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
