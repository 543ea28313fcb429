import { Form, redirect } from "react-router";
import { postedVersion } from "../../components/agreement-access.ts";
import type { Route } from "./+types/promise";
import { PromiseForm, readPromiseForm } from "./promise-form.tsx";
import { groupActionErrors, loadPromiseOf, promisesPath } from "./shared.ts";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { postedValues } from "../../components/form-rows.ts";
import { SavedNotice, savedFlag } from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, formString, requireSignedIn } from "../../lib/http.ts";
import {
  defaultPeriodFor,
  deletePromise,
  listLinkableActions,
  listPromiseCycles,
  publishPromise,
  reopenPromise,
  unpublishPromise,
  updatePromise,
} from "../../../src/services/promises/promises.ts";

export function meta() {
  return [{ title: "Medborgarlöfte – Samverkan" }];
}

const notices = ["published", "unpublished", "closed", "reopened"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const promise = await loadPromiseOf(context, params.id, params.promiseId);
  const url = new URL(request.url);
  const notice = url.searchParams.get("klart");
  return {
    locale: context.locale,
    promise,
    saved: savedFlag(request),
    notice: notices.find((n) => n === notice) ?? null,
    period: await defaultPeriodFor(context.ctx, params.id, promise.cycleId),
    cycles: await listPromiseCycles(context.ctx, params.id),
    linkable: promise.canEdit ? await listLinkableActions(context.ctx, params.id) : [],
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const promise = await loadPromiseOf(context, params.id, params.promiseId);
  const form = await request.formData();
  const intent = formString(form, "intent");
  const ref = { id: promise.id, version: postedVersion(form) };
  const here = `${promisesPath(params.id)}/${promise.id}`;
  if (intent === "save") {
    const input = readPromiseForm(form);
    const result = await act(() => updatePromise(context.ctx, { ...ref, ...input }), {
      ...postedValues(form),
      actionIds: input.actionIds,
    });
    if (!result.ok) {
      result.response.data.errors = groupActionErrors(result.response.data.errors);
      return result.response;
    }
    return redirect(`${here}?sparad=1`);
  }
  if (intent === "delete") {
    const result = await act(() => deletePromise(context.ctx, ref));
    if (!result.ok) return result.response;
    return redirect(`${promisesPath(params.id)}?klart=deleted`);
  }
  const run = { publish: publishPromise, unpublish: unpublishPromise, reopen: reopenPromise }[intent];
  if (!run) return redirect(here);
  const result = await act(() => run(context.ctx, ref));
  if (!result.ok) return result.response;
  return redirect(
    `${here}?klart=${intent === "publish" ? "published" : intent === "unpublish" ? "unpublished" : "reopened"}`,
  );
}

function LifecycleButton({
  intent,
  version,
  label,
  variant = "secondary",
}: {
  intent: string;
  version: number;
  label: string;
  variant?: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="ds-button" data-variant={variant}>
        {label}
      </button>
    </Form>
  );
}

export default function PromisePage({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, promise: p, saved, notice, period, cycles, linkable } = loaderData;
  const errors = actionData?.errors;
  const base = promisesPath(p.agreementId);
  const state =
    p.status === "draft"
      ? "promise.publishing.draft"
      : p.status === "published"
        ? "promise.publishing.published"
        : p.isPublic
          ? "promise.publishing.closedPublic"
          : "promise.publishing.closedHidden";
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <a className="ds-link" href={base}>
          {t(locale, "common.backTo", { title: t(locale, "promise.list.title") })}
        </a>
      </p>
      <AgreementSubpageHeader
        agreement={p.agreement}
        heading={t(locale, "promise.edit.title")}
        locale={locale}
        errors={errors}
      >
        <SavedNotice show={saved} locale={locale} />
        <SavedNotice show={notice !== null} locale={locale} messageKey={`promise.saved.${notice ?? "published"}`} />
        <p className="ds-paragraph">
          <span className="status">{t(locale, `promiseStatus.${p.status}`)}</span> {t(locale, `promiser.${p.promiser}`)}
        </p>
      </AgreementSubpageHeader>

      <section aria-labelledby="publishing" className="stack">
        <h2 id="publishing" className="ds-heading" data-size="md">
          {t(locale, "promise.publishing.title")}
        </h2>
        <p className="ds-paragraph">{t(locale, state)}</p>
        {p.canEdit && (
          <div className="actions">
            {!p.isPublic && (
              <LifecycleButton
                intent="publish"
                version={p.version}
                label={t(locale, "promise.publish")}
                variant="primary"
              />
            )}
            {p.isPublic && (
              <LifecycleButton intent="unpublish" version={p.version} label={t(locale, "promise.unpublish")} />
            )}
            {p.status === "published" && (
              <a className="ds-link" href={`${base}/${p.id}/avsluta`}>
                {t(locale, "promise.close.link")}
              </a>
            )}
            {p.status === "closed" && (
              <LifecycleButton intent="reopen" version={p.version} label={t(locale, "promise.reopen")} />
            )}
          </div>
        )}
        <p className="ds-paragraph">
          <a className="ds-link" href={`${base}/forhandsvisning`}>
            {t(locale, "promise.list.preview")}
          </a>
        </p>
      </section>

      {p.canEdit ? (
        <section aria-labelledby="edit" className="stack">
          <h2 id="edit" className="ds-heading" data-size="md">
            {t(locale, "common.details")}
          </h2>
          <PromiseForm
            locale={locale}
            errors={errors}
            values={{ ...p, version: p.version, actionIds: p.actions.map((a) => a.id) }}
            periodHint={t(locale, `promise.field.periodHint.${period.kind}`, { start: period.start, end: period.end })}
            cycles={cycles}
            linkable={linkable}
            submitLabel={t(locale, "promise.edit.submit")}
          />
          <LifecycleButton intent="delete" version={p.version} label={t(locale, "promise.delete")} />
        </section>
      ) : (
        <section aria-labelledby="details" className="stack">
          <h2 id="details" className="ds-heading" data-size="md">
            {t(locale, "common.details")}
          </h2>
          <p className="ds-paragraph pre-line">{p.text}</p>
          <p className="ds-paragraph">
            {p.periodStart && p.periodEnd ? t(locale, "public.period", { start: p.periodStart, end: p.periodEnd }) : ""}
          </p>
          <h3 className="ds-heading" data-size="sm">
            {t(locale, "promise.linkedActions")}
          </h3>
          <ul className="ds-list">
            {p.actions.map((a) => (
              <li key={a.id}>{a.title}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
