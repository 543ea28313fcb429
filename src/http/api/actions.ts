import type { Request } from "express";
import { z } from "zod";
import { AddFollowUpInput } from "../../domain/cycles/follow-ups.ts";
import {
  ActionProgressInput,
  AdoptActionPlanInput,
  CreateActionInput,
  actionFields,
} from "../../domain/cycles/actions.ts";
import { actionStatuses } from "../../domain/cycles/vocabulary.ts";
import {
  adoptActionPlan,
  createAction,
  deleteAction,
  getAction,
  listActions,
  updateAction,
  updateActionProgress,
  withdrawActionPlanAdoption,
} from "../../services/actions/actions.ts";
import {
  CreateCommunicationItemInput,
  UpdateCommunicationItemInput,
  createCommunicationItem,
  deleteCommunicationItem,
  listCommunicationItems,
  updateCommunicationItem,
} from "../../services/actions/communication.ts";
import {
  AddCycleReportInput,
  addCycleReport,
  deleteCycleReport,
  getFollowUpReport,
} from "../../services/actions/report.ts";
import { addFollowUp } from "../../services/cycle-core/follow-ups.ts";
import { param, type RouteSpec } from "./router.ts";

const tag = "Action plans";

/**
 * `?version=3` on a DELETE: the version read (required; a stale one is refused with 409). Missing or
 * not a number gives NaN, which the service's schema refuses as 400 naming `version`.
 */
function queryVersion(req: Request): number {
  const v = req.query.version;
  return typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
}

const body = (req: Request) => req.body as Record<string, unknown>;

/** The actions endpoints under /api/v1; each declaration feeds Express and the OpenAPI document. */
export function registerActionRoutes(add: (spec: RouteSpec) => void): void {
  // Built here, not at import: router.ts extends zod with .openapi() before it registers the modules.
  const Responsible = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });
  const ActionOut = z
    .object({
      id: z.uuid(),
      cycleId: z.uuid(),
      position: z.number(),
      title: z.string(),
      status: z.enum(actionStatuses),
      responsibles: z.array(Responsible),
      daysSinceActivity: z.number(),
      version: z.number(),
    })
    .passthrough()
    .openapi("Action");
  const FollowUpOut = z.object({ id: z.uuid(), on: z.string(), kind: z.string() }).passthrough();
  const ActionDetailOut = ActionOut.extend({ followUps: z.array(FollowUpOut) })
    .passthrough()
    .openapi("ActionDetail");
  const CycleReportOut = z
    .object({ id: z.uuid(), cycleId: z.uuid(), recipient: z.string(), reportedOn: z.string(), note: z.string() })
    .passthrough()
    .openapi("CycleReport");
  const CommunicationItemOut = z
    .object({ id: z.uuid(), cycleId: z.uuid(), message: z.string(), done: z.boolean(), version: z.number() })
    .passthrough()
    .openapi("CommunicationItem");
  const Deleted = z.object({ id: z.uuid(), cycleId: z.uuid() });

  const CreateActionBody = CreateActionInput.omit({ cycleId: true });
  const UpdateActionBody = z
    .object({ version: z.number().int(), ...actionFields })
    .partial()
    .required({ version: true });
  const ProgressBody = ActionProgressInput.omit({ actionId: true });
  const FollowUpBody = AddFollowUpInput.omit({ actionId: true });
  const AdoptionBody = AdoptActionPlanInput.omit({ cycleId: true });
  const ReportBody = AddCycleReportInput.omit({ cycleId: true });
  const CommunicationBody = CreateCommunicationItemInput.omit({ cycleId: true });
  const CommunicationPatch = UpdateCommunicationItemInput.omit({ id: true });

  add({
    method: "get",
    path: "/cycles/{id}/actions",
    summary: "The cycle's action plan (åtgärdsplan): actions with focus area, cause, responsibles, last follow-up",
    tag,
    response: z.array(ActionOut),
    handle: (ctx, req) => listActions(ctx, param(req, "id")),
  });
  add({
    method: "post",
    path: "/cycles/{id}/actions",
    summary: "Add an action to the cycle's plan (editors of the agreement)",
    tag,
    body: CreateActionBody,
    response: ActionDetailOut,
    status: 201,
    handle: (ctx, req) => createAction(ctx, { ...body(req), cycleId: param(req, "id") } as never),
  });
  add({
    method: "get",
    path: "/actions/{id}",
    summary: "One action with its follow-ups (members of the agreement, and the action's owners)",
    tag,
    response: ActionDetailOut,
    handle: (ctx, req) => getAction(ctx, param(req, "id")),
  });
  add({
    method: "patch",
    path: "/actions/{id}",
    summary: "Change an action; fields left out keep their value (editors; send the version you read)",
    tag,
    body: UpdateActionBody,
    response: ActionDetailOut,
    handle: (ctx, req) => updateAction(ctx, { ...body(req), id: param(req, "id") } as never),
  });
  add({
    method: "delete",
    path: "/actions/{id}",
    summary: "Remove an action and its follow-ups (editors; ?version= the version you read)",
    tag,
    response: Deleted,
    handle: (ctx, req) => deleteAction(ctx, { id: param(req, "id"), version: queryVersion(req) }),
  });
  add({
    method: "put",
    path: "/actions/{id}/progress",
    summary: "Set an action's status, outcome and hours (the action's owners and the agreement's editors)",
    tag,
    body: ProgressBody,
    response: ActionDetailOut,
    handle: (ctx, req) => updateActionProgress(ctx, { ...body(req), actionId: param(req, "id") } as never),
  });
  add({
    method: "post",
    path: "/actions/{id}/follow-ups",
    summary: "Follow an action up (production, process or effect); a status sets the action's status",
    tag,
    body: FollowUpBody,
    response: z.object({
      action: z.object({ id: z.uuid(), version: z.number() }).passthrough(),
      followUp: FollowUpOut,
    }),
    status: 201,
    handle: (ctx, req) => addFollowUp(ctx, { ...body(req), actionId: param(req, "id") } as never, { via: "api" }),
  });
  const Adoption = z.object({
    cycleId: z.uuid(),
    planAdoptedByBodyId: z.uuid().nullable(),
    planAdoptedOn: z.string().nullable(),
    version: z.number(),
  });
  add({
    method: "put",
    path: "/cycles/{id}/action-plan/adoption",
    summary: "Record that a body of the agreement adopted the action plan (send the cycle's version)",
    tag,
    body: AdoptionBody,
    response: Adoption,
    handle: (ctx, req) => adoptActionPlan(ctx, { ...body(req), cycleId: param(req, "id") } as never),
  });
  add({
    method: "delete",
    path: "/cycles/{id}/action-plan/adoption",
    summary: "Withdraw the record of the plan's adoption (?version= the cycle's version)",
    tag,
    response: Adoption,
    handle: (ctx, req) => withdrawActionPlanAdoption(ctx, { cycleId: param(req, "id"), version: queryVersion(req) }),
  });
  add({
    method: "get",
    path: "/cycles/{id}/follow-up-report",
    summary: "The annual follow-up: status counts per focus area, goals met, indicator trends, hours, reports",
    tag,
    response: z.object({ cycle: z.object({ id: z.uuid() }).passthrough() }).passthrough(),
    handle: (ctx, req) => getFollowUpReport(ctx, param(req, "id")),
  });
  add({
    method: "post",
    path: "/cycles/{id}/reports",
    summary: "Record what was reported to whom and when (editors)",
    tag,
    body: ReportBody,
    response: CycleReportOut,
    status: 201,
    handle: (ctx, req) => addCycleReport(ctx, { ...body(req), cycleId: param(req, "id") } as never),
  });
  add({
    method: "delete",
    path: "/cycle-reports/{id}",
    summary: "Remove a report record (editors)",
    tag,
    response: Deleted,
    handle: (ctx, req) => deleteCycleReport(ctx, param(req, "id")),
  });
  add({
    method: "get",
    path: "/cycles/{id}/communication",
    summary: "The cycle's kommunikationsplan",
    tag,
    response: z.array(CommunicationItemOut),
    handle: async (ctx, req) => (await listCommunicationItems(ctx, param(req, "id"))).items,
  });
  add({
    method: "post",
    path: "/cycles/{id}/communication",
    summary: "Add an item to the kommunikationsplan (editors)",
    tag,
    body: CommunicationBody,
    response: CommunicationItemOut,
    status: 201,
    handle: (ctx, req) => createCommunicationItem(ctx, { ...body(req), cycleId: param(req, "id") } as never),
  });
  add({
    method: "patch",
    path: "/communication-items/{id}",
    summary: "Change an item of the kommunikationsplan (editors; send the version you read)",
    tag,
    body: CommunicationPatch,
    response: CommunicationItemOut,
    handle: (ctx, req) => updateCommunicationItem(ctx, { ...body(req), id: param(req, "id") } as never),
  });
  add({
    method: "delete",
    path: "/communication-items/{id}",
    summary: "Remove an item of the kommunikationsplan (editors; ?version= the version you read)",
    tag,
    response: Deleted,
    handle: (ctx, req) => deleteCommunicationItem(ctx, { id: param(req, "id"), version: queryVersion(req) }),
  });
}
