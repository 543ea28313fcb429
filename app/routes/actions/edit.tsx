import { Form, data, redirect } from "react-router";
import { postedVersion } from "../../components/agreement-access.ts";
import type { Route } from "./+types/edit";
import { actionFormOptions, getAction, updateAction } from "../../../src/services/actions/actions.ts";
import { SubmitButton } from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { act, load, requireSignedIn } from "../../lib/http.ts";
import {
  ActionFormFields,
  CycleSubpageHeader,
  actionInputFrom,
  cycleBase,
  postedActionValues,
  requireSameAgreement,
} from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Ändra ${data?.action.title ?? "åtgärd"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const action = await load(() => getAction(context.ctx, params.actionId));
  if (action.cycle.id !== params.cycleId) throw data({ messageKey: "action.notFound" }, { status: 404 });
  requireSameAgreement(action.cycle, params.id);
  if (!action.canEdit) throw data({ messageKey: "action.editForbidden" }, { status: 403 });
  const options = await load(() => actionFormOptions(context.ctx, params.cycleId));
  return { locale: context.locale, action, options };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const result = await act(
    () =>
      updateAction(context.ctx, {
        id: params.actionId,
        version: postedVersion(form, "version"),
        ...actionInputFrom(form),
      }),
    postedActionValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`${cycleBase(params.id, params.cycleId)}/atgarder/${params.actionId}?sparad=1`);
}

export default function EditAction({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, action, options } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <CycleSubpageHeader
        agreement={options.agreement}
        cycle={options.cycle}
        heading={t(locale, "action.edit.title", { title: action.title })}
        locale={locale}
        errors={errors}
      />
      <p className="ds-paragraph">
        <a className="ds-link" href={`${cycleBase(options.agreement.id, options.cycle.id)}/atgarder/${action.id}`}>
          {t(locale, "action.backToAction")}
        </a>
      </p>
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={action.version} />
        <ActionFormFields options={options} action={action} errors={errors} locale={locale} />
        <div>
          <SubmitButton>{t(locale, "common.save")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
