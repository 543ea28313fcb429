import { redirect } from "react-router";
import type { Route } from "./+types/new";
import { PromiseForm, readPromiseForm } from "./promise-form.tsx";
import { groupActionErrors, promisesPath, requireEditor } from "./shared.ts";
import { AgreementSubpageHeader } from "../../components/agreement-subpage.tsx";
import { postedValues } from "../../components/form-rows.ts";
import { t } from "../../lib/context.ts";
import { act, load, requireSignedIn } from "../../lib/http.ts";
import {
  createPromise,
  defaultPeriodFor,
  listLinkableActions,
  listPromiseCycles,
  listPromises,
} from "../../../src/services/promises/promises.ts";

export function meta() {
  return [{ title: "Nytt medborgarlöfte – Samverkan" }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const list = await load(() => listPromises(context.ctx, params.id));
  requireEditor(list.canEdit);
  const cycleId = new URL(request.url).searchParams.get("cykel");
  return {
    locale: context.locale,
    agreement: list.agreement,
    cycleId,
    period: await defaultPeriodFor(context.ctx, params.id, cycleId),
    cycles: await listPromiseCycles(context.ctx, params.id),
    linkable: await listLinkableActions(context.ctx, params.id),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const input = readPromiseForm(form);
  const result = await act(() => createPromise(context.ctx, { agreementId: params.id, ...input }), {
    ...postedValues(form),
    actionIds: input.actionIds,
  });
  if (!result.ok) {
    result.response.data.errors = groupActionErrors(result.response.data.errors);
    return result.response;
  }
  return redirect(`${promisesPath(params.id)}/${result.value.id}?sparad=1`);
}

export default function NewPromise({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement, period, cycles, linkable, cycleId } = loaderData;
  const errors = actionData?.errors;
  return (
    <div className="stack">
      <AgreementSubpageHeader
        agreement={agreement}
        heading={t(locale, "promise.new.title")}
        locale={locale}
        errors={errors}
      />
      <PromiseForm
        locale={locale}
        errors={errors}
        values={{
          promiser: "",
          text: "",
          cycleId,
          periodStart: period.start,
          periodEnd: period.end,
          actionIds: [],
        }}
        periodHint={t(locale, `promise.field.periodHint.${period.kind}`, { start: period.start, end: period.end })}
        cycles={cycles}
        linkable={linkable}
        submitLabel={t(locale, "promise.new.submit")}
      />
    </div>
  );
}
