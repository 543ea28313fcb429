import { Form, redirect } from "react-router";
import type { Route } from "./+types/agreement-bodies";
import { loadEditableAgreement, postedVersion } from "../components/agreement-access.ts";
import { indexedRows, lines, postedValues, shown, withRowPaths } from "../components/form-rows.ts";
import { CheckboxField, Fieldset, SelectField, SubmitButton, TextField } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { AgreementSubpageHeader } from "../components/agreement-subpage.tsx";
import { act } from "../lib/http.ts";
import { bodyKinds } from "../../src/domain/agreements/schemas.ts";
import { setBodies } from "../../src/services/agreements/agreements.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Grupper – ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return { locale: context.locale, agreement: await loadEditableAgreement(context, request, params.id) };
}

/** "Name; Role" per line. Member organisations are kept when a member's name is unchanged. */
function parseMembers(text: string, previous: { name: string; organisationId: string | null }[]) {
  return lines(text).map((line) => {
    const [name = "", ...role] = line.split(";");
    const kept = previous.find((m) => m.name === name.trim());
    return { name: name.trim(), role: role.join(";").trim(), organisationId: kept?.organisationId ?? null };
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const agreement = await loadEditableAgreement(context, request, params.id);
  const form = await request.formData();
  const { rows, indices } = indexedRows(form, "bodies");
  const previousMembers = agreement.bodies.flatMap((b) => b.members);
  const bodies = rows.map((r) => ({
    name: r.name ?? "",
    kind: r.kind ?? "",
    mandate: r.mandate ?? "",
    members: parseMembers(r.members ?? "", previousMembers),
  }));
  const result = await act(
    () =>
      withRowPaths(
        () => setBodies(context.ctx, { agreementId: params.id, version: postedVersion(form), bodies }),
        {
          bodies: indices,
        },
        (path) => path.replace(/^(bodies\.\d+\.members)\..*$/, "$1"),
      ),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`/overenskommelser/${params.id}?sparad=1`);
}

export default function Bodies({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement: a } = loaderData;
  const errors = actionData?.errors;
  const common = { locale, errors };
  const rows = [...a.bodies, undefined];
  const kinds = bodyKinds.map((k) => ({ value: k, label: t(locale, `body.kind.${k}`) }));
  return (
    <div className="stack">
      <AgreementSubpageHeader agreement={a} heading={t(locale, "body.title")} locale={locale} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={a.version} />
        {rows.map((b, i) => {
          const n = (f: string) => `bodies.${i}.${f}`;
          const members = b?.members.map((m) => (m.role ? `${m.name}; ${m.role}` : m.name)).join("\n");
          return (
            <Fieldset key={b?.id ?? "new"} legend={t(locale, "body.row", { n: i + 1 })}>
              <TextField
                name={n("name")}
                label={t(locale, "body.name")}
                defaultValue={shown(errors, n("name"), b?.name)}
                {...common}
              />
              <SelectField
                name={n("kind")}
                label={t(locale, "body.kind")}
                options={kinds}
                emptyLabel={t(locale, "common.choose")}
                defaultValue={shown(errors, n("kind"), b?.kind)}
                {...common}
              />
              <TextField
                name={n("mandate")}
                label={t(locale, "body.mandate")}
                multiline
                defaultValue={shown(errors, n("mandate"), b?.mandate)}
                {...common}
              />
              <TextField
                name={n("members")}
                label={t(locale, "body.members")}
                description={t(locale, "body.membersHint")}
                multiline
                defaultValue={shown(errors, n("members"), members)}
                {...common}
              />
              {b && <CheckboxField name={n("remove")} label={t(locale, "common.removeRow")} {...common} />}
            </Fieldset>
          );
        })}
        <div>
          <SubmitButton>{t(locale, "common.save")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
