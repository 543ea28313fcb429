import type { Route } from "./+types/public-kommun";
import { PublicPromises } from "./public-view.tsx";
import { t } from "../../lib/context.ts";
import { load } from "../../lib/http.ts";
import { getPublicPromises } from "../../../src/services/promises/public.ts";

export function meta({ data }: Route.MetaArgs) {
  const name = data?.view.kommun?.name;
  return [{ title: name ? `Medborgarlöften i ${name} – Samverkan` : "Medborgarlöften – Samverkan" }];
}

/** Public: no sign-in. Only published promises of agreements the kommun is a party to. */
export async function loader({ context, params }: Route.LoaderArgs) {
  return { locale: context.locale, view: await load(() => getPublicPromises(context.ctx, params.slug)) };
}

export default function PublicKommun({ loaderData }: Route.ComponentProps) {
  const { locale, view } = loaderData;
  const name = view.kommun?.name ?? "";
  return (
    <article className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "public.title", { name })}
      </h1>
      <p className="ds-paragraph">{t(locale, "public.intro", { name })}</p>
      <PublicPromises view={view} locale={locale} />
    </article>
  );
}
