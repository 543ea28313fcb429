import { Form, redirect } from "react-router";
import type { Route } from "./+types/api-tokens";
import { postedValues, shown } from "../components/form-rows.ts";
import { ErrorSummary, SavedNotice, savedFlag, SelectField, SubmitButton, TextField } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { act, formString, requireSignedIn } from "../lib/http.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "../../src/services/auth/users.ts";

export function meta() {
  return [{ title: "API-nycklar – Samverkan" }];
}

const expiryChoices = ["30", "90", "365", "730", "never"] as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  return { locale: context.locale, tokens: await listApiTokens(context.ctx), revoked: savedFlag(request) };
}

export async function action({ request, context }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  if (formString(form, "intent") === "revoke") {
    const result = await act(() => revokeApiToken(context.ctx, { id: formString(form, "id") }));
    return result.ok ? redirect("/api-nycklar?sparad=1") : result.response;
  }
  const expires = formString(form, "expiresInDays");
  const result = await act(
    () =>
      createApiToken(context.ctx, {
        name: formString(form, "name"),
        expiresInDays: expires === "never" ? null : Number(expires) || 365,
      }),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  // Shown once, in this response only: the database keeps just a hash of it.
  return { created: { name: result.value.name, token: result.value.token } };
}

function when(value: Date | string | null, fallback: string) {
  return value ? new Date(value).toISOString().slice(0, 10) : fallback;
}

export default function ApiTokens({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, tokens, revoked } = loaderData;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const created = actionData && "created" in actionData ? actionData.created : undefined;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "apiToken.list.title")}
      </h1>
      <p className="ds-paragraph">{t(locale, "apiToken.list.intro")}</p>
      <SavedNotice show={revoked && !actionData} locale={locale} messageKey="apiToken.revoked" />
      <ErrorSummary errors={errors} locale={locale} />
      {created && (
        <div className="ds-alert" data-color="warning" role="status">
          <h2 className="ds-heading" data-size="xs">
            {t(locale, "apiToken.created.title")}: {created.name}
          </h2>
          <p className="ds-paragraph">{t(locale, "apiToken.created.warning")}</p>
          <p className="token">
            <code>{created.token}</code>
          </p>
        </div>
      )}
      {tokens.length ? (
        <table className="data-table">
          <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
            {t(locale, "apiToken.list.title")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, "apiToken.field.name")}</th>
              <th scope="col">{t(locale, "apiToken.field.prefix")}</th>
              <th scope="col">{t(locale, "apiToken.field.createdAt")}</th>
              <th scope="col">{t(locale, "apiToken.field.lastUsedAt")}</th>
              <th scope="col">{t(locale, "apiToken.field.expiresAt")}</th>
              <th scope="col">{t(locale, "apiToken.field.revokedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{when(k.createdAt, "")}</td>
                <td>{when(k.lastUsedAt, t(locale, "apiToken.never"))}</td>
                <td>{when(k.expiresAt, t(locale, "apiToken.expires.never"))}</td>
                <td>
                  {k.revokedAt ? (
                    when(k.revokedAt, "")
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={k.id} />
                      <button
                        type="submit"
                        className="ds-button"
                        data-variant="secondary"
                        data-size="sm"
                        aria-label={t(locale, "apiToken.revokeNamed", { name: k.name })}
                      >
                        {t(locale, "apiToken.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ds-paragraph">{t(locale, "apiToken.list.empty")}</p>
      )}
      <section aria-labelledby="h-create" className="stack">
        <h2 id="h-create" className="ds-heading" data-size="md">
          {t(locale, "apiToken.create.title")}
        </h2>
        <Form method="post" className="form-grid" noValidate>
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="name"
            label={t(locale, "apiToken.field.name")}
            defaultValue={created ? "" : shown(errors, "name", "")}
            required
            locale={locale}
            errors={errors}
          />
          <SelectField
            name="expiresInDays"
            label={t(locale, "apiToken.field.expiresInDays")}
            options={expiryChoices.map((d) => ({
              value: d,
              label:
                d === "never" ? t(locale, "apiToken.expires.never") : t(locale, "apiToken.expires.days", { days: d }),
            }))}
            defaultValue={shown(errors, "expiresInDays", "365")}
            locale={locale}
            errors={errors}
          />
          <div>
            <SubmitButton>{t(locale, "apiToken.create.submit")}</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
