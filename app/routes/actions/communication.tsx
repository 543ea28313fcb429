import { Form, redirect } from "react-router";
import { postedVersion } from "../../components/agreement-access.ts";
import type { Route } from "./+types/communication";
import {
  createCommunicationItem,
  deleteCommunicationItem,
  listCommunicationItems,
  updateCommunicationItem,
} from "../../../src/services/actions/communication.ts";
import {
  CheckboxField,
  SavedNotice,
  SelectField,
  SubmitButton,
  TextField,
  savedFlag,
} from "../../components/forms.tsx";
import { postedValues, shown, shownChecked } from "../../components/form-rows.ts";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";
import { act, formBool, formString, load, requireSignedIn, type FormErrors } from "../../lib/http.ts";
import { ActionPlanNav, CycleSubpageHeader, cycleBase, errorsFor, requireSameAgreement } from "./shared.tsx";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Kommunikationsplan – ${data?.plan.cycle.label ?? ""} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const plan = await load(() => listCommunicationItems(context.ctx, params.cycleId));
  requireSameAgreement(plan.cycle, params.id);
  const editing = new URL(request.url).searchParams.get("andra");
  return {
    locale: context.locale,
    plan,
    editing: plan.canEdit && plan.items.some((i) => i.id === editing) ? editing : null,
    saved: savedFlag(request),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  const intent = formString(form, "intent");
  const fields = () => ({
    message: formString(form, "message"),
    audience: formString(form, "audience"),
    channel: formString(form, "channel"),
    owner: formString(form, "owner"),
    plannedOn: formString(form, "plannedOn"),
    promiseId: formString(form, "promiseId"),
    milestone: formString(form, "milestone"),
    done: formBool(form, "done"),
  });
  const id = formString(form, "itemId");
  const version = postedVersion(form, "version");
  const result = await act(
    () =>
      intent === "delete"
        ? deleteCommunicationItem(context.ctx, { id, version })
        : intent === "update"
          ? updateCommunicationItem(context.ctx, { id, version, ...fields() })
          : createCommunicationItem(context.ctx, { cycleId: params.cycleId, ...fields() }),
    postedValues(form),
  );
  if (!result.ok) return result.response;
  return redirect(`${cycleBase(params.id, params.cycleId)}/kommunikation?sparad=1`);
}

type Plan = Awaited<ReturnType<typeof listCommunicationItems>>;

function ItemFields({
  plan,
  item,
  errors,
  locale,
}: {
  plan: Plan;
  item?: Plan["items"][number] | undefined;
  errors: FormErrors | undefined;
  locale: Locale;
}) {
  const common = { locale, errors };
  return (
    <>
      <TextField
        name="message"
        label={t(locale, "communication.field.message")}
        multiline
        defaultValue={shown(errors, "message", item?.message)}
        {...common}
      />
      <TextField
        name="audience"
        label={t(locale, "communication.field.audience")}
        defaultValue={shown(errors, "audience", item?.audience)}
        {...common}
      />
      <TextField
        name="channel"
        label={t(locale, "communication.field.channel")}
        description={t(locale, "communication.field.channelHint")}
        defaultValue={shown(errors, "channel", item?.channel)}
        {...common}
      />
      <TextField
        name="owner"
        label={t(locale, "communication.field.owner")}
        defaultValue={shown(errors, "owner", item?.owner)}
        {...common}
      />
      <TextField
        name="plannedOn"
        type="date"
        label={t(locale, "communication.field.plannedOn")}
        defaultValue={shown(errors, "plannedOn", item?.plannedOn)}
        {...common}
      />
      <SelectField
        name="promiseId"
        label={t(locale, "communication.field.promise")}
        emptyLabel={t(locale, "communication.field.noPromise")}
        options={plan.promises.map((p) => ({
          value: p.id,
          label: p.text.length > 80 ? `${p.text.slice(0, 80)}…` : p.text || t(locale, "communication.untitledPromise"),
        }))}
        defaultValue={shown(errors, "promiseId", item?.promiseId)}
        {...common}
      />
      <TextField
        name="milestone"
        label={t(locale, "communication.field.milestone")}
        description={t(locale, "communication.field.milestoneHint")}
        defaultValue={shown(errors, "milestone", item?.milestone)}
        {...common}
      />
      <CheckboxField
        name="done"
        label={t(locale, "communication.field.done")}
        defaultChecked={shownChecked(errors, "done", item?.done ?? false)}
        {...common}
      />
    </>
  );
}

export default function CommunicationPlan({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, plan, editing, saved } = loaderData;
  const errors = actionData?.errors;
  const base = cycleBase(plan.agreement.id, plan.cycle.id);
  const editingItem = plan.items.find((i) => i.id === editing);
  const createErrors = errorsFor(errors, "create");
  const updateErrors = errorsFor(errors, "update");
  return (
    <div className="stack">
      <CycleSubpageHeader
        agreement={plan.agreement}
        cycle={plan.cycle}
        heading={t(locale, "communication.heading", { label: plan.cycle.label })}
        locale={locale}
        errors={errors}
      >
        <SavedNotice show={saved} locale={locale} />
      </CycleSubpageHeader>
      <ActionPlanNav agreementId={plan.agreement.id} cycleId={plan.cycle.id} locale={locale} current="communication" />
      <p className="ds-paragraph">{t(locale, "communication.intro")}</p>
      {plan.items.length === 0 ? (
        <p className="ds-paragraph">{t(locale, "communication.empty")}</p>
      ) : (
        <table className="data-table">
          <caption className="ds-heading" data-size="sm" style={{ textAlign: "left" }}>
            {t(locale, "communication.caption", { label: plan.cycle.label })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, "communication.field.message")}</th>
              <th scope="col">{t(locale, "communication.field.audience")}</th>
              <th scope="col">{t(locale, "communication.field.channel")}</th>
              <th scope="col">{t(locale, "communication.field.owner")}</th>
              <th scope="col">{t(locale, "communication.field.plannedOn")}</th>
              <th scope="col">{t(locale, "communication.field.link")}</th>
              <th scope="col">{t(locale, "communication.field.done")}</th>
              {plan.canEdit && <th scope="col">{t(locale, "communication.change")}</th>}
            </tr>
          </thead>
          <tbody>
            {plan.items.map((i) => (
              <tr key={i.id}>
                <th scope="row" style={{ whiteSpace: "pre-line", fontWeight: "normal" }}>
                  {i.message}
                </th>
                <td>{i.audience}</td>
                <td>{i.channel}</td>
                <td>{i.owner}</td>
                <td>{i.plannedOn ?? ""}</td>
                <td>
                  {i.promiseId ? (
                    <a
                      className="ds-link"
                      href={`/overenskommelser/${plan.agreement.id}/medborgarloften/${i.promiseId}`}
                    >
                      {t(locale, "communication.promiseLink")}
                    </a>
                  ) : (
                    i.milestone
                  )}
                </td>
                <td>{t(locale, i.done ? "common.yes" : "common.no")}</td>
                {plan.canEdit && (
                  <td>
                    <a className="ds-link" href={`${base}/kommunikation?andra=${i.id}#h-edit`}>
                      {t(locale, "communication.editLink", { n: i.position })}
                    </a>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="itemId" value={i.id} />
                      <input type="hidden" name="version" value={i.version} />{" "}
                      <button type="submit" className="ds-button" data-variant="tertiary">
                        {t(locale, "communication.delete", { n: i.position })}
                      </button>
                    </Form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editingItem && (
        <section aria-labelledby="h-edit">
          <h2 id="h-edit" className="ds-heading" data-size="md">
            {t(locale, "communication.editTitle")}
          </h2>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="itemId" value={editingItem.id} />
            <input type="hidden" name="version" value={editingItem.version} />
            <ItemFields plan={plan} item={editingItem} errors={updateErrors} locale={locale} />
            <div>
              <SubmitButton>{t(locale, "common.save")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
      {plan.canEdit && !editingItem && (
        <section aria-labelledby="h-add">
          <h2 id="h-add" className="ds-heading" data-size="md">
            {t(locale, "communication.addTitle")}
          </h2>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="create" />
            <ItemFields plan={plan} errors={createErrors} locale={locale} />
            <div>
              <SubmitButton>{t(locale, "communication.add")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
