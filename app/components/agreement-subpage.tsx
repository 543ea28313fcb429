import type { FormErrors } from "../lib/http.ts";
import { t } from "../lib/context.ts";
import type { Locale } from "../i18n/index.ts";
import { ErrorSummary } from "./forms.tsx";

/** The top of every page that edits one part of an agreement: the way back, the heading, the errors. */
export function AgreementSubpageHeader({
  agreement,
  heading,
  locale,
  errors,
  children,
}: {
  agreement: { id: string; title: string };
  heading: string;
  locale: Locale;
  errors: FormErrors | undefined;
  /** Shown between the heading and the error summary: an introduction, a "saved" notice. */
  children?: React.ReactNode;
}) {
  return (
    <>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/overenskommelser/${agreement.id}`}>
          {t(locale, "common.backTo", { title: agreement.title })}
        </a>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {heading}
      </h1>
      {children}
      <ErrorSummary errors={errors} locale={locale} />
    </>
  );
}
