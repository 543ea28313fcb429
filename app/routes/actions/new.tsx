import { Form, redirect } from "react-router";
import type { Route } from "./+types/new";
import { actionFormOptions, createAction } from "../../../src/services/actions/actions.ts";
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
import { requireCycle } from "../../../src/services/cycle-core/access.ts";

export function meta() {
  return [{ title: "Ny åtgärd – Samverkan" }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  // Only the agreement's editors add actions: others get 403 (or 404 when they cannot read it).
  const { cycle } = await load(() => requireCycle(context.ctx, params.cycleId, "edit"));
  requireSameAgreement(cycle, params.id);
  const options = await load(() => actionFormOptions(context.ctx, params.cycleId));
  return { locale: context.locale, options };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const result = await act(
    () => createAction(context.ctx, { cycleId: params.cycleId, ...actionInputFrom(form) }),
    postedActionValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`${cycleBase(params.id, params.cycleId)}/atgarder/${result.value.id}?sparad=1`);
}

export default function NewAction({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, options } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <CycleSubpageHeader
        agreement={options.agreement}
        cycle={options.cycle}
        heading={t(locale, "action.new.title")}
        locale={locale}
        errors={errors}
      >
        <p className="ds-paragraph">{t(locale, "action.new.intro")}</p>
      </CycleSubpageHeader>
      <Form method="post" className="form-grid" noValidate>
        <ActionFormFields options={options} errors={errors} locale={locale} />
        <div>
          <SubmitButton>{t(locale, "action.new.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
