import { Form, redirect } from "react-router";
import { postedVersion } from "../../components/agreement-access.ts";
import type { Route } from "./+types/list";
import { asFormError, promisesPath } from "./shared.ts";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { SavedNotice } from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, formString, load, requireSignedIn } from "../../lib/http.ts";
import { promisers } from "../../../src/domain/cycles/vocabulary.ts";
import { listPromises, publishPromise, unpublishPromise } from "../../../src/services/promises/promises.ts";
import { getPromisePreview } from "../../../src/services/promises/public.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Medborgarlöften – ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

const notices = ["published", "unpublished", "deleted"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const list = await load(() => listPromises(context.ctx, params.id));
  const { pages } = await getPromisePreview(context.ctx, params.id);
  const notice = new URL(request.url).searchParams.get("klart");
  return {
    locale: context.locale,
    ...list,
    pages,
    notice: notices.find((n) => n === notice) ?? null,
  };
}

/** Publish and unpublish straight from the list (forms: work without JavaScript). */
export async function action({ context, request, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  const input = { id: formString(form, "promiseId"), version: postedVersion(form) };
  const result = await act(() =>
    intent === "unpublish" ? unpublishPromise(context.ctx, input) : publishPromise(context.ctx, input),
  );
  if (!result.ok) {
    result.response.data.errors = asFormError(result.response.data.errors);
    return result.response;
  }
  return redirect(`${promisesPath(params.id)}?klart=${intent === "unpublish" ? "unpublished" : "published"}`);
}

export default function PromiseList({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement, promises, canEdit, pages, notice } = loaderData;
  const base = promisesPath(agreement.id);
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={agreement}
        heading={t(locale, "promise.list.title")}
        locale={locale}
        errors={actionData?.errors}
      >
        <SavedNotice show={notice !== null} locale={locale} messageKey={`promise.saved.${notice ?? "published"}`} />
        <p className="ds-paragraph">{t(locale, "promise.list.intro")}</p>
      </AgreementSubpageHeader>
      <nav aria-label={t(locale, "promise.list.title")}>
        <ul className="actions">
          {canEdit && (
            <li>
              <a className="ds-link" href={`${base}/nytt`}>
                {t(locale, "promise.list.new")}
              </a>
            </li>
          )}
          <li>
            <a className="ds-link" href={`${base}/forhandsvisning`}>
              {t(locale, "promise.list.preview")}
            </a>
          </li>
          {pages.map((p) => (
            <li key={p.slug}>
              <a className="ds-link" href={`/kommun/${p.slug}`}>
                {t(locale, "promise.list.publicPage", { name: p.name })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {promises.length === 0 && <p className="ds-paragraph">{t(locale, "promise.list.empty")}</p>}
      {promisers.map((promiser) => {
        const mine = promises.filter((p) => p.promiser === promiser);
        if (mine.length === 0) return null;
        return (
          <section key={promiser} aria-labelledby={`group-${promiser}`} className="stack">
            <h2 id={`group-${promiser}`} className="ds-heading" data-size="md">
              {t(locale, `promiser.${promiser}`)}
            </h2>
            <table className="ds-table">
              <caption className="promise-vh">
                {t(locale, "promise.list.caption", { promiser: t(locale, `promiser.${promiser}`) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t(locale, "promise.field.text")}</th>
                  <th scope="col">{t(locale, "promise.field.period")}</th>
                  <th scope="col">{t(locale, "promise.field.status")}</th>
                  <th scope="col">{t(locale, "promise.field.progress")}</th>
                  <th scope="col">{t(locale, "promise.list.publicState")}</th>
                </tr>
              </thead>
              <tbody>
                {mine.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a className="ds-link" href={`${base}/${p.id}`}>
                        {p.text || t(locale, "promise.list.noText")}
                      </a>
                    </th>
                    <td>{p.periodStart && p.periodEnd ? `${p.periodStart} – ${p.periodEnd}` : "–"}</td>
                    <td>
                      <span className="status">{t(locale, `promiseStatus.${p.status}`)}</span>
                    </td>
                    <td>
                      {p.progress.total
                        ? t(locale, "promise.progress", p.progress)
                        : t(locale, "promise.progress.none")}
                    </td>
                    <td>
                      {t(locale, p.isPublic ? "promise.list.isPublic" : "promise.list.notPublic")}
                      {canEdit && (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="promiseId" value={p.id} />
                          <input type="hidden" name="version" value={p.version} />
                          <input type="hidden" name="intent" value={p.isPublic ? "unpublish" : "publish"} />{" "}
                          <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                            {t(locale, p.isPublic ? "promise.unpublish" : "promise.publish")}
                            <span className="promise-vh">: {p.text.slice(0, 60)}</span>
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
