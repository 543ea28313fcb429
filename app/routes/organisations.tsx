import type { Route } from "./+types/organisations";
import { t } from "../lib/context.ts";
import { requireSignedIn } from "../lib/http.ts";
import { organisationKinds } from "../../src/domain/organisations/schemas.ts";
import { listOrganisations } from "../../src/services/organisations/organisations.ts";

export function meta() {
  return [{ title: "Organisationer – Samverkan" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireSignedIn(context.ctx, request);
  return {
    locale: context.locale,
    organisations: await listOrganisations(context.ctx),
    canCreate: actor.isPlatformAdmin || [...actor.memberships.values()].includes("admin"),
  };
}

export default function Organisations({ loaderData }: Route.ComponentProps) {
  const { locale, organisations, canCreate } = loaderData;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "organisation.list.title")}
      </h1>
      {canCreate && (
        <p className="ds-paragraph">
          <a className="ds-button" data-variant="primary" href="/organisationer/ny">
            {t(locale, "organisation.list.new")}
          </a>
        </p>
      )}
      {organisationKinds.map((kind) => {
        const group = organisations.filter((o) => o.kind === kind);
        if (!group.length) return null;
        return (
          <section key={kind} aria-labelledby={`h-${kind}`}>
            <h2 id={`h-${kind}`} className="ds-heading" data-size="md">
              {t(locale, `organisation.kind.${kind}`)}
            </h2>
            <ul className="ds-list">
              {group.map((o) => (
                <li key={o.id}>
                  <a className="ds-link" href={`/organisationer/${o.id}`}>
                    {o.name}
                  </a>
                  {o.municipalityCode && ` (${o.municipalityCode})`}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
