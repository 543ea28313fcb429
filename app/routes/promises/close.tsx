import { Form, redirect } from "react-router";
import { postedVersion } from "../../components/agreement-access.ts";
import type { Route } from "./+types/close";
import { loadPromiseOf, promisesPath, requireEditor } from "./shared.ts";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { postedValues, shown } from "../../components/form-rows.ts";
import { fieldId, SubmitButton, TextField } from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, formString, requireSignedIn } from "../../lib/http.ts";
import { promiseVerdicts } from "../../../src/domain/cycles/vocabulary.ts";
import { closePromise } from "../../../src/services/promises/promises.ts";
import { EffectTable } from "./public-view.tsx";

export function meta() {
  return [{ title: "Avsluta medborgarlöfte – Samverkan" }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const promise = await loadPromiseOf(context, params.id, params.promiseId);
  requireEditor(promise.canEdit);
  return { locale: context.locale, promise };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const promise = await loadPromiseOf(context, params.id, params.promiseId);
  const form = await request.formData();
  const result = await act(
    () =>
      closePromise(context.ctx, {
        id: promise.id,
        version: postedVersion(form),
        verdict: formString(form, "verdict"),
        verdictText: formString(form, "verdictText"),
        effectText: formString(form, "effectText"),
      }),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`${promisesPath(params.id)}/${promise.id}?klart=closed`);
}

export default function ClosePromise({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, promise: p } = loaderData;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const chosen = shown(errors, "verdict", p.verdict ?? p.proposedVerdict ?? "");
  const verdictError = errors?.fields.verdict;
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={p.agreement}
        heading={t(locale, "promise.close.title")}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "promise.close.intro")}</p>
        <blockquote className="ds-paragraph pre-line">
          <strong>{t(locale, `promiser.${p.promiser}`)}:</strong> {p.text}
        </blockquote>
      </AgreementSubpageHeader>
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={p.version} />
        <section aria-labelledby="did" className="stack">
          <h2 id="did" className="ds-heading" data-size="md">
            {t(locale, "promise.close.did")}
          </h2>
          <fieldset
            className="ds-fieldset row-fieldset"
            id={fieldId("verdict")}
            tabIndex={-1}
            aria-describedby="verdict-hint"
          >
            <legend className="ds-label">{t(locale, "promise.close.did")}</legend>
            <p className="ds-paragraph" id="verdict-hint" data-size="sm">
              {p.proposedVerdict
                ? t(locale, "promise.close.proposed", p.progress)
                : t(locale, "promise.close.noProposal")}
            </p>
            {verdictError && (
              <div className="ds-validation-message" data-field="validation">
                {t(locale, verdictError)}
              </div>
            )}
            {promiseVerdicts.map((v) => (
              <div className="ds-field" key={v}>
                <input
                  className="ds-input"
                  type="radio"
                  id={`verdict-${v}`}
                  name="verdict"
                  value={v}
                  defaultChecked={chosen === v}
                />
                <label className="ds-label" htmlFor={`verdict-${v}`}>
                  {t(locale, `verdict.${v}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField
            name="verdictText"
            label={t(locale, "promise.close.verdictText")}
            multiline
            defaultValue={shown(errors, "verdictText", p.verdictText)}
            {...common}
          />
        </section>
        <section aria-labelledby="effect" className="stack">
          <h2 id="effect" className="ds-heading" data-size="md">
            {t(locale, "promise.close.effect")}
          </h2>
          {p.effects.length ? (
            <EffectTable effects={p.effects} locale={locale} id={p.id} />
          ) : (
            <p className="ds-paragraph">{t(locale, "promise.close.noEffects")}</p>
          )}
          <TextField
            name="effectText"
            label={t(locale, "promise.close.effectText")}
            multiline
            defaultValue={shown(errors, "effectText", p.effectText)}
            {...common}
          />
        </section>
        <div>
          <SubmitButton>{t(locale, "promise.close.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
