import { z } from "zod";
import type { CreateProblemInput } from "../../domain/cycles/cycle-schemas.ts";
import { ProblemPlaceInput, SituationSourceInput, IndicatorValueInput } from "../../domain/cycles/cycle-schemas.ts";
import { causeAxes, cycleStatuses, indicatorDirections, promisePeriodKinds } from "../../domain/cycles/vocabulary.ts";
import {
  adoptSituationReport,
  createCycle,
  getCycle,
  listCycles,
  setCycleFocusAreas,
  setCycleStatus,
  setHandbookTick,
  setPrioritisation,
  startNextCycle,
  updateSituationReport,
  withdrawSituationAdoption,
} from "../../services/cycles/cycles.ts";
import {
  createIndicator,
  deleteIndicator,
  getIndicator,
  listIndicators,
  updateIndicator,
} from "../../services/cycles/indicators.ts";
import { createProblem, deleteProblem, getProblem, setCauses, updateProblem } from "../../services/cycles/problems.ts";
import { getCycleSettings, updateCycleSettings } from "../../services/cycles/settings.ts";
import { param, type RouteSpec } from "./router.ts";

const version = z.number().int();
const Any = z.object({}).passthrough();
const CycleOut = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    label: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    status: z.enum(cycleStatuses),
    version: z.number(),
  })
  .passthrough();
const SettingsOut = z.object({
  agreementId: z.uuid(),
  cycleStartMonth: z.number(),
  promisePeriod: z.enum(promisePeriodKinds),
  reviewIntervalMonths: z.number(),
  staleAfterDays: z.number(),
  situationSources: z.array(z.object({ key: z.string(), label: z.string(), mandatory: z.boolean() })),
  version: z.number(),
});
const CauseOut = z.object({ id: z.uuid(), axis: z.enum(causeAxes), text: z.string(), position: z.number() });
const ProblemOut = z
  .object({ id: z.uuid(), cycleId: z.uuid(), title: z.string(), version: z.number(), causes: z.array(CauseOut) })
  .passthrough();
const IndicatorOut = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    name: z.string(),
    source: z.string(),
    unit: z.string(),
    direction: z.enum(indicatorDirections),
    values: z.array(
      z.object({ year: z.number(), value: z.number().nullable(), suppressed: z.boolean(), note: z.string() }),
    ),
    version: z.number(),
  })
  .passthrough();
const problemBody = z.object({
  title: z.string(),
  description: z.string().optional(),
  places: z.array(ProblemPlaceInput).optional(),
  times: z.string().optional(),
});
const indicatorBody = z.object({
  name: z.string(),
  source: z.string().optional(),
  unit: z.string().optional(),
  direction: z.enum(indicatorDirections).optional(),
  values: z.array(IndicatorValueInput).optional(),
});
const body = (req: { body: unknown }) => req.body as Record<string, unknown>;
const TAG = "Yearly cycle";

/** The cycles endpoints under /api/v1; each declaration feeds Express and the OpenAPI document. */
export function registerCycleRoutes(add: (spec: RouteSpec) => void): void {
  add({
    method: "get",
    path: "/agreements/{id}/cycle-settings",
    summary: "How the agreement runs its yearly cycle (the defaults, version 0, until saved)",
    tag: TAG,
    response: SettingsOut,
    handle: (ctx, req) => getCycleSettings(ctx, param(req, "id")),
  });
  add({
    method: "put",
    path: "/agreements/{id}/cycle-settings",
    summary: "Save the cycle settings and the lägesbild source checklist (version 0 for the first save)",
    tag: TAG,
    body: z.object({
      version,
      cycleStartMonth: z.number().int(),
      promisePeriod: z.enum(promisePeriodKinds),
      reviewIntervalMonths: z.number().int(),
      staleAfterDays: z.number().int(),
      situationSources: z.array(SituationSourceInput),
    }),
    response: SettingsOut,
    handle: (ctx, req) => updateCycleSettings(ctx, { ...body(req), agreementId: param(req, "id") } as never),
  });
  add({
    method: "get",
    path: "/agreements/{id}/cycles",
    summary: "The agreement's cycles, newest first",
    tag: TAG,
    response: z.array(CycleOut),
    handle: (ctx, req) => listCycles(ctx, param(req, "id")),
  });
  add({
    method: "post",
    path: "/agreements/{id}/cycles",
    summary: "Start a cycle for a year (by the agreement's start month); copies the agreement's focus areas",
    tag: TAG,
    body: z.object({ year: z.number().int() }),
    response: CycleOut,
    status: 201,
    handle: (ctx, req) => createCycle(ctx, { ...body(req), agreementId: param(req, "id") } as never),
  });
  add({
    method: "get",
    path: "/cycles/{id}",
    summary: "A cycle with its lägesbild, focus areas, problems and causes, indicators, handbook and completeness",
    tag: TAG,
    response: Any,
    handle: (ctx, req) => getCycle(ctx, param(req, "id")),
  });
  add({
    method: "put",
    path: "/cycles/{id}/status",
    summary: "Set the cycle's status (draft, active, closed)",
    tag: TAG,
    body: z.object({ version, status: z.enum(cycleStatuses) }),
    response: CycleOut,
    handle: (ctx, req) => setCycleStatus(ctx, { ...body(req), cycleId: param(req, "id") }),
  });
  add({
    method: "post",
    path: "/cycles/{id}/next",
    summary: "Start the next cycle: focus areas and open actions are carried over",
    tag: TAG,
    body: z.object({ version }),
    response: CycleOut,
    status: 201,
    handle: (ctx, req) => startNextCycle(ctx, { ...body(req), cycleId: param(req, "id") }),
  });
  add({
    method: "put",
    path: "/cycles/{id}/situation-report",
    summary: "Save the lägesbild's three sections and its source checklist",
    tag: TAG,
    body: z.object({
      version,
      crimeMapping: z.string().optional(),
      otherInformation: z.string().optional(),
      analysis: z.string().optional(),
      sources: z
        .array(
          z.object({ key: z.string(), used: z.boolean(), note: z.string().optional(), link: z.string().optional() }),
        )
        .optional(),
    }),
    response: CycleOut,
    handle: (ctx, req) => updateSituationReport(ctx, { ...body(req), cycleId: param(req, "id") } as never),
  });
  add({
    method: "put",
    path: "/cycles/{id}/situation-report/adoption",
    summary: "Record who adopted the lägesbild and when (one of the agreement's bodies); adopted: false withdraws",
    tag: TAG,
    body: z.object({
      version,
      adopted: z.boolean().optional(),
      bodyId: z.uuid().optional(),
      adoptedOn: z.string().optional(),
    }),
    response: CycleOut,
    handle: (ctx, req) => {
      const { adopted, ...rest } = body(req);
      const input = { ...rest, cycleId: param(req, "id") };
      return adopted === false ? withdrawSituationAdoption(ctx, input) : adoptSituationReport(ctx, input);
    },
  });
  add({
    method: "put",
    path: "/cycles/{id}/focus-areas",
    summary:
      "Replace the cycle's ordered focus areas (existing ones keep their id; one an action points at may not be removed)",
    tag: TAG,
    body: z.object({
      version,
      focusAreas: z.array(z.object({ id: z.uuid().optional(), title: z.string(), description: z.string().optional() })),
    }),
    response: CycleOut,
    handle: (ctx, req) => setCycleFocusAreas(ctx, { ...body(req), cycleId: param(req, "id") }),
  });
  add({
    method: "put",
    path: "/cycles/{id}/prioritisation",
    summary: "Mark problems prioritised, with rationale and focus area, and the cycle's overall rationale",
    tag: TAG,
    body: z.object({
      version,
      prioritisationRationale: z.string().optional(),
      problems: z.array(
        z.object({
          id: z.uuid(),
          prioritised: z.boolean(),
          rationale: z.string().optional(),
          cycleFocusAreaId: z.uuid().nullable().optional(),
        }),
      ),
    }),
    response: CycleOut,
    handle: (ctx, req) => setPrioritisation(ctx, { ...body(req), cycleId: param(req, "id") }),
  });
  add({
    method: "put",
    path: "/cycles/{id}/handbook",
    summary: "Tick a Samverkanshandboken item that the data cannot tell",
    tag: TAG,
    body: z.object({
      version,
      step: z.number().int(),
      item: z.string(),
      done: z.boolean(),
      note: z.string().optional(),
    }),
    response: CycleOut,
    handle: (ctx, req) => setHandbookTick(ctx, { ...body(req), cycleId: param(req, "id") }),
  });
  add({
    method: "post",
    path: "/cycles/{id}/problems",
    summary: "Describe a problem (problembild) of the lägesbild",
    tag: TAG,
    body: problemBody,
    response: ProblemOut,
    status: 201,
    handle: (ctx, req) => createProblem(ctx, { ...body(req), cycleId: param(req, "id") } as CreateProblemInput),
  });
  add({
    method: "get",
    path: "/problems/{id}",
    summary: "A problem with its orsaksanalys",
    tag: TAG,
    response: Any,
    handle: (ctx, req) => getProblem(ctx, param(req, "id")),
  });
  add({
    method: "patch",
    path: "/problems/{id}",
    summary: "Update a problem (send the version you read); fields left out keep their value",
    tag: TAG,
    body: problemBody.partial().extend({ version }),
    response: ProblemOut,
    handle: (ctx, req) => updateProblem(ctx, { ...body(req), id: param(req, "id") }),
  });
  add({
    method: "delete",
    path: "/problems/{id}",
    summary: "Remove a problem and its causes (?version=N); refused while an action points at one of its causes",
    tag: TAG,
    response: z.object({ id: z.uuid() }),
    handle: (ctx, req) => deleteProblem(ctx, { id: param(req, "id"), version: Number(req.query.version) }),
  });
  add({
    method: "put",
    path: "/problems/{id}/causes",
    summary:
      "The orsaksanalys: causes on the three axes and the chains of events (existing causes keep their id; one an action points at may not be removed)",
    tag: TAG,
    body: z.object({
      version,
      causes: z.array(z.object({ id: z.uuid().optional(), axis: z.enum(causeAxes), text: z.string() })),
      eventChains: z.string().optional(),
    }),
    response: ProblemOut,
    handle: (ctx, req) => setCauses(ctx, { ...body(req), problemId: param(req, "id") }),
  });
  add({
    method: "get",
    path: "/agreements/{id}/indicators",
    summary: "The agreement's indicators with their values per year",
    tag: TAG,
    response: z.array(IndicatorOut),
    handle: (ctx, req) => listIndicators(ctx, param(req, "id")),
  });
  add({
    method: "post",
    path: "/agreements/{id}/indicators",
    summary: 'Add an indicator; a value may be a number or a suppression marker ("XX", "..", "-")',
    tag: TAG,
    body: indicatorBody,
    response: IndicatorOut,
    status: 201,
    handle: (ctx, req) => createIndicator(ctx, { ...body(req), agreementId: param(req, "id") } as never),
  });
  add({
    method: "get",
    path: "/indicators/{id}",
    summary: "One indicator with its values per year",
    tag: TAG,
    response: IndicatorOut,
    handle: (ctx, req) => getIndicator(ctx, param(req, "id")),
  });
  add({
    method: "patch",
    path: "/indicators/{id}",
    summary: "Update an indicator (send the version you read); fields left out keep their value",
    tag: TAG,
    body: indicatorBody.partial().extend({ version }),
    response: IndicatorOut,
    handle: (ctx, req) => updateIndicator(ctx, { ...body(req), id: param(req, "id") }),
  });
  add({
    method: "delete",
    path: "/indicators/{id}",
    summary: "Remove an indicator (?version=N)",
    tag: TAG,
    response: z.object({ id: z.uuid() }),
    handle: (ctx, req) => deleteIndicator(ctx, { id: param(req, "id"), version: Number(req.query.version) }),
  });
}
