import type { Route } from "./+types/agreements";
import { AgreementTable } from "../components/agreement-table.tsx";
import { t } from "../lib/context.ts";
import { requireSignedIn } from "../lib/http.ts";
import { listAgreements } from "../../src/services/agreements/agreements.ts";

export function meta() {
  return [{ title: "Överenskommelser – Samverkan" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  return { locale: context.locale, agreements: await listAgreements(context.ctx) };
}

export default function Agreements({ loaderData }: Route.ComponentProps) {
  const { locale, agreements } = loaderData;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "agreement.list.title")}
      </h1>
      <p className="ds-paragraph">
        <a className="ds-button" data-variant="primary" href="/overenskommelser/ny">
          {t(locale, "agreement.list.new")}
        </a>{" "}
        <a className="ds-button" data-variant="secondary" href="/importera">
          {t(locale, "import.list.link")}
        </a>
      </p>
      {agreements.length ? (
        <AgreementTable agreements={agreements} locale={locale} caption={t(locale, "agreement.list.title")} />
      ) : (
        <p className="ds-paragraph">{t(locale, "home.noAgreements")}</p>
      )}
    </div>
  );
}
