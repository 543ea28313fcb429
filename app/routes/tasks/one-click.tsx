import { Form, data } from "react-router";
import type { Route } from "./+types/one-click";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "../../components/forms.tsx";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import { act, formString } from "../../lib/http.ts";
import { actionStatuses } from "../../../src/domain/cycles/vocabulary.ts";
import {
  applyOneClick,
  oneClickRefusalOf,
  oneClickRefusalStatus,
  readOneClick,
  type OneClickRefusal,
} from "../../../src/services/tasks/one-click.ts";

export function meta() {
  // No "no-referrer" here: browsers would then post with `Origin: null`, which React Router refuses.
  return [{ title: "Uppdatera åtgärden – Samverkan" }];
}

/**
 * `/atgard-lank/<token>`: the one-click link of the weekly digest, without sign-in. The token is
 * checked on GET and again on POST; a refused link shows why (400 invalid, 410 expired, 409 used,
 * 403 no longer allowed) and changes nothing.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  try {
    return { locale: context.locale, view: await readOneClick(context.ctx, params.token), refusal: null };
  } catch (e) {
    const refusal = oneClickRefusalOf(e);
    if (!refusal) throw e;
    return data({ locale: context.locale, view: null, refusal }, { status: oneClickRefusalStatus[refusal] });
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const input = { status: formString(form, "status"), note: formString(form, "note") };
  const refused: { reason?: OneClickRefusal } = {};
  const result = await act(async () => {
    try {
      return await applyOneClick(context.ctx, params.token, input as never);
    } catch (e) {
      refused.reason = oneClickRefusalOf(e) ?? undefined;
      throw e;
    }
  }, input);
  if (refused.reason) return data({ refusal: refused.reason }, { status: oneClickRefusalStatus[refused.reason] });
  if (!result.ok) return result.response;
  return { done: { title: result.value.action.title, status: result.value.action.status } };
}

function Refused({ locale, refusal }: { locale: Locale; refusal: OneClickRefusal }) {
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, `oneClick.${refusal}`)}
      </h1>
      <p className="ds-paragraph">{t(locale, `oneClick.${refusal}Text`)}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href="/logga-in">
          {t(locale, "oneClick.signIn")}
        </a>
      </p>
    </div>
  );
}

export default function OneClick({ loaderData, actionData }: Route.ComponentProps) {
  const { locale } = loaderData;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  // A refused post (the link was used meanwhile, it expired while the page was open …).
  if (actionData && "refusal" in actionData) return <Refused locale={locale} refusal={actionData.refusal} />;
  if (actionData && "done" in actionData && actionData.done) {
    return (
      <div className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t(locale, "oneClick.doneTitle")}
        </h1>
        <p className="ds-paragraph" role="status">
          {t(locale, "oneClick.doneText", {
            title: actionData.done.title,
            status: t(locale, `actionStatus.${actionData.done.status}`),
          })}
        </p>
      </div>
    );
  }
  if (loaderData.refusal || !loaderData.view)
    return <Refused locale={locale} refusal={loaderData.refusal ?? "invalid"} />;
  const { view } = loaderData;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "oneClick.title")}
      </h1>
      <ErrorSummary errors={errors} locale={locale} />
      <p className="ds-paragraph">{t(locale, "oneClick.intro", { name: view.userName })}</p>
      <h2 className="ds-heading" data-size="md">
        {view.action.title}
      </h2>
      <dl className="ds-paragraph">
        <dt>{t(locale, "oneClick.agreement")}</dt>
        <dd>{view.agreementTitle}</dd>
        <dt>{t(locale, "oneClick.currentStatus")}</dt>
        <dd>{t(locale, `actionStatus.${view.action.status}`)}</dd>
        {view.action.deadline && (
          <>
            <dt>{t(locale, "oneClick.deadline")}</dt>
            <dd>{view.action.deadline}</dd>
          </>
        )}
      </dl>
      <Form method="post" className="form-grid" noValidate>
        <SelectField
          name="status"
          label={t(locale, "oneClick.status")}
          emptyLabel={t(locale, "oneClick.keepStatus")}
          options={actionStatuses.map((s) => ({ value: s, label: t(locale, `actionStatus.${s}`) }))}
          defaultValue={typeof errors?.values?.status === "string" ? errors.values.status : ""}
          locale={locale}
          errors={errors}
        />
        <TextField
          name="note"
          label={t(locale, "oneClick.note")}
          description={t(locale, "oneClick.noteHint")}
          multiline
          defaultValue={typeof errors?.values?.note === "string" ? errors.values.note : ""}
          locale={locale}
          errors={errors}
        />
        <div>
          <SubmitButton>{t(locale, "oneClick.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
