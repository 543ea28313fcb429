import { Form, redirect } from "react-router";
import type { Route } from "./+types/users";
import { postedValues, shown, shownChecked } from "../components/form-rows.ts";
import {
  CheckboxField,
  ErrorSummary,
  SavedNotice,
  savedFlag,
  SelectField,
  SubmitButton,
  TextField,
} from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { act, formBool, formString, load, requireSignedIn } from "../lib/http.ts";
import { roles } from "../../src/domain/accounts/schemas.ts";
import { createUser, listUsers, setMembership } from "../../src/services/auth/users.ts";
import type { Role } from "../../src/services/core/context.ts";
import { listOrganisations } from "../../src/services/organisations/organisations.ts";

export function meta() {
  return [{ title: "Användare – Samverkan" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const users = await load(() => listUsers(context.ctx));
  return {
    locale: context.locale,
    users,
    organisations: await listOrganisations(context.ctx),
    saved: savedFlag(request),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  if (formString(form, "intent") === "membership") {
    const result = await act(
      () =>
        setMembership(context.ctx, {
          userId: formString(form, "userId"),
          organisationId: formString(form, "organisationId"),
          role: formString(form, "role") as Role,
        }),
      postedValues(form),
    );
    return result.ok ? redirect("/anvandare?sparad=1") : result.response;
  }
  const password = formString(form, "password");
  const result = await act(
    () =>
      createUser(context.ctx, {
        email: formString(form, "email"),
        name: formString(form, "name"),
        password: password || undefined,
        isPlatformAdmin: formBool(form, "isPlatformAdmin"),
      }),
    postedValues(form, ["password"]),
  );
  return result.ok ? redirect("/anvandare?sparad=1") : result.response;
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, users, organisations, saved } = loaderData;
  const errors = actionData?.errors;
  const common = { locale, errors };
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "user.list.title")}
      </h1>
      <SavedNotice show={saved && !errors} locale={locale} />
      <ErrorSummary errors={errors} locale={locale} />
      <table className="data-table">
        <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
          {t(locale, "user.list.title")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(locale, "user.field.name")}</th>
            <th scope="col">{t(locale, "user.field.email")}</th>
            <th scope="col">{t(locale, "user.field.memberships")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name}
                {u.isPlatformAdmin && ` (${t(locale, "user.field.isPlatformAdmin")})`}
              </td>
              <td>{u.email}</td>
              <td>
                {u.memberships.length ? (
                  <ul className="ds-list">
                    {u.memberships.map((m) => (
                      <li key={m.organisationId}>
                        {m.organisationName}: {t(locale, `membership.role.${m.role}`)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t(locale, "common.none")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="h-create" className="stack">
        <h2 id="h-create" className="ds-heading" data-size="md">
          {t(locale, "user.create.title")}
        </h2>
        <Form method="post" className="form-grid" noValidate>
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="name"
            label={t(locale, "user.field.name")}
            defaultValue={shown(errors, "name", "")}
            required
            {...common}
          />
          <TextField
            name="email"
            type="email"
            autoComplete="off"
            label={t(locale, "user.field.email")}
            defaultValue={shown(errors, "email", "")}
            required
            {...common}
          />
          <TextField
            name="password"
            type="password"
            autoComplete="new-password"
            label={t(locale, "user.field.password")}
            description={t(locale, "user.field.passwordHint")}
            {...common}
          />
          <CheckboxField
            name="isPlatformAdmin"
            label={t(locale, "user.field.isPlatformAdmin")}
            defaultChecked={shownChecked(errors, "isPlatformAdmin", false)}
            {...common}
          />
          <div>
            <SubmitButton>{t(locale, "user.create.submit")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="h-membership" className="stack">
        <h2 id="h-membership" className="ds-heading" data-size="md">
          {t(locale, "membership.add.title")}
        </h2>
        <Form method="post" className="form-grid" noValidate>
          <input type="hidden" name="intent" value="membership" />
          <SelectField
            name="userId"
            label={t(locale, "membership.field.user")}
            options={users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
            emptyLabel={t(locale, "common.choose")}
            defaultValue={shown(errors, "userId", "")}
            {...common}
          />
          <SelectField
            name="organisationId"
            label={t(locale, "membership.field.organisation")}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            emptyLabel={t(locale, "common.choose")}
            defaultValue={shown(errors, "organisationId", "")}
            {...common}
          />
          <SelectField
            name="role"
            label={t(locale, "membership.field.role")}
            options={roles.map((r) => ({ value: r, label: t(locale, `membership.role.${r}`) }))}
            defaultValue={shown(errors, "role", "editor")}
            {...common}
          />
          <div>
            <SubmitButton>{t(locale, "membership.add.submit")}</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
