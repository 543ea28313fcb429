import { eq } from "drizzle-orm";
import { manualHandbookItems } from "../../domain/cycles/handbook.ts";
import { todayInSweden } from "../../domain/shared/dates.ts";
import { actions } from "../../db/schema.ts";
import { addFollowUp } from "../cycle-core/follow-ups.ts";
import { createAction, adoptActionPlan } from "../actions/actions.ts";
import { createCommunicationItem } from "../actions/communication.ts";
import { addCycleReport } from "../actions/report.ts";
import type { ServiceContext } from "../core/context.ts";
import {
  adoptSituationReport,
  createCycle,
  getCycle,
  setCycleFocusAreas,
  setCycleStatus,
  setHandbookTick,
  setPrioritisation,
  updateSituationReport,
} from "../cycles/cycles.ts";
import { createIndicator } from "../cycles/indicators.ts";
import { createProblem, setCauses } from "../cycles/problems.ts";
import { getCycleSettings, updateCycleSettings } from "../cycles/settings.ts";
import { closePromise, createPromise, publishPromise } from "../promises/promises.ts";
import { ensureDefaultRules, generateTasks } from "../tasks/calendar.ts";
import type { DemoCycle } from "./cycle-data.ts";

const DAY = 86_400_000;

/** The same caller, with the clock moved back: the demo's history happened on its own dates. */
function at(ctx: ServiceContext, when: Date): ServiceContext {
  return { ...ctx, now: () => when };
}

/**
 * Writes one demo cycle through the services, so it is validated and audited like a user's work:
 * settings, cycle, lägesbild, indicators, problems with their orsaksanalys, prioritisation, actions
 * with follow-ups, adoption, promises (published, closed with their evaluation), communication plan,
 * reports, and the årshjul with its tasks.
 */
export async function seedDemoCycle(
  ctx: ServiceContext,
  c: DemoCycle,
  ids: { agreementId: string; org: (name: string) => string },
) {
  const { agreementId, org } = ids;
  const settings = await getCycleSettings(ctx, agreementId);
  if (c.settings)
    await updateCycleSettings(ctx, {
      agreementId,
      version: settings.version,
      cycleStartMonth: c.settings.cycleStartMonth ?? settings.cycleStartMonth,
      promisePeriod: c.settings.promisePeriod,
      reviewIntervalMonths: settings.reviewIntervalMonths,
      staleAfterDays: c.settings.staleAfterDays ?? settings.staleAfterDays,
      situationSources: settings.situationSources,
    });

  const created = await createCycle(ctx, { agreementId, year: c.year });
  const cycleId = created.id;
  let view = await getCycle(ctx, cycleId);
  const version = () => view.cycle.version;
  const refresh = async () => {
    view = await getCycle(ctx, cycleId);
  };

  if (c.focusAreas) {
    await setCycleFocusAreas(ctx, { cycleId, version: version(), focusAreas: c.focusAreas });
    await refresh();
  }
  const bodyId = (name: string) => view.agreement.bodies.find((b) => b.name === name)!.id;

  await updateSituationReport(ctx, {
    cycleId,
    version: version(),
    crimeMapping: c.situation.crimeMapping,
    otherInformation: c.situation.otherInformation,
    analysis: c.situation.analysis,
    sources: view.cycle.sources.map((s) => {
      const used = c.situation.sourcesUsed.find((u) => u.key === s.key);
      return { key: s.key, used: Boolean(used), note: used?.note ?? "", link: "" };
    }),
  });
  await refresh();

  const indicatorIds: string[] = [];
  for (const ind of c.indicators) {
    const row = await createIndicator(ctx, {
      agreementId,
      name: ind.name,
      source: ind.source,
      unit: ind.unit,
      direction: ind.direction,
      values: ind.values.map((v) => ({ year: v.year, value: v.value, note: v.note ?? "" })),
    });
    indicatorIds.push(row.id);
  }

  const problemIds: string[] = [];
  const causeIds: string[][] = [];
  for (const p of c.problems) {
    const problem = await createProblem(ctx, {
      cycleId,
      title: p.title,
      description: p.description,
      places: (p.places ?? []).map((pl) => ({
        name: pl.name,
        lat: pl.lat ?? null,
        lng: pl.lng ?? null,
        area: pl.area ?? "",
      })),
      times: p.times ?? "",
    });
    const withCauses = await setCauses(ctx, {
      problemId: problem.id,
      version: problem.version,
      causes: p.causes.map((x) => ({ axis: x.axis, text: x.text })),
      eventChains: p.eventChains ?? "",
    });
    problemIds.push(problem.id);
    causeIds.push(withCauses.causes.map((x) => x.id));
  }
  await refresh();
  await setPrioritisation(ctx, {
    cycleId,
    version: version(),
    prioritisationRationale: c.prioritisationRationale,
    problems: c.problems.map((p, i) => ({
      id: problemIds[i]!,
      prioritised: p.focusArea !== undefined,
      rationale: p.rationale ?? "",
      cycleFocusAreaId: p.focusArea !== undefined ? view.focusAreas[p.focusArea]!.id : null,
    })),
  });
  await refresh();
  if (c.situation.adopted) {
    await adoptSituationReport(ctx, {
      cycleId,
      version: version(),
      bodyId: bodyId(c.situation.adopted.body),
      adoptedOn: c.situation.adopted.on,
    });
    await refresh();
  }

  const now = ctx.now();
  const actionIds: string[] = [];
  for (const a of c.actions) {
    // An idle action was last touched `idleDays` ago: it waits on somebody's "Att göra" list.
    const when = a.idleDays ? at(ctx, new Date(now.getTime() - a.idleDays * DAY)) : ctx;
    const action = await createAction(when, {
      cycleId,
      cycleFocusAreaId: view.focusAreas[a.focusArea]!.id,
      causeId: a.cause ? causeIds[a.cause[0]]![a.cause[1]]! : null,
      title: a.title,
      description: a.description ?? "",
      kind: a.kind ?? "situational",
      horizon: a.horizon ?? "short",
      responsibleIds: a.responsible.map(org),
      contactPerson: a.contactPerson ?? "",
      participants: a.participants ?? "",
      startsOn: a.startsOn ?? null,
      deadline: a.deadline ?? null,
      quantityTarget: a.quantityTarget ?? "",
      followUpMethod: a.followUpMethod ?? "",
      followUpFrequency: a.followUpFrequency ?? "",
      goal: a.goal ?? "",
      indicatorId: a.indicator ? indicatorIds[a.indicator.index]! : null,
      baselineYear: a.indicator?.baselineYear ?? null,
      baselineValue: a.indicator?.baselineValue ?? null,
      targetValue: a.indicator?.targetValue ?? null,
      targetYear: a.indicator?.targetYear ?? null,
    });
    let actionVersion = action.version;
    for (const f of a.followUps ?? []) {
      // A follow-up of the past was entered on its own date (so "last updated" tells the truth).
      const entered = a.idleDays || f.on >= todayInSweden(now) ? when : at(ctx, new Date(`${f.on}T12:00:00Z`));
      const result = await addFollowUp(entered, {
        actionId: action.id,
        version: actionVersion,
        on: f.on,
        kind: f.kind,
        status: f.status ?? null,
        note: f.note,
        quantity: f.quantity ?? null,
        hours: f.hours ?? null,
      });
      actionVersion = result.action.version;
    }
    actionIds.push(action.id);
  }
  if (c.planAdopted) {
    await refresh();
    await adoptActionPlan(ctx, {
      cycleId,
      version: version(),
      bodyId: bodyId(c.planAdopted.body),
      adoptedOn: c.planAdopted.on,
    });
  }

  const promiseIds: string[] = [];
  for (const p of c.promises) {
    let promise = await createPromise(ctx, {
      agreementId,
      cycleId,
      promiser: p.promiser,
      text: p.text,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      actionIds: p.actions.map((i) => actionIds[i]!),
    });
    if (p.publish) promise = await publishPromise(ctx, { id: promise.id, version: promise.version });
    if (p.close) await closePromise(ctx, { id: promise.id, version: promise.version, ...p.close });
    promiseIds.push(promise.id);
  }

  for (const item of c.communication) {
    await createCommunicationItem(ctx, {
      cycleId,
      message: item.message,
      audience: item.audience,
      channel: item.channel,
      owner: item.owner,
      plannedOn: item.plannedOn,
      promiseId: item.promise !== undefined ? promiseIds[item.promise]! : null,
      milestone: item.milestone ?? "",
      done: item.done,
    });
  }
  for (const r of c.reports) await addCycleReport(ctx, { cycleId, ...r });

  // A closed cycle went through all of Samverkanshandboken's steps, the hand-ticked ones too.
  if (c.status === "closed")
    for (const key of manualHandbookItems) {
      await refresh();
      const [step, item] = key.split(".");
      await setHandbookTick(ctx, { cycleId, version: version(), step: Number(step), item, done: true, note: "" });
    }
  await refresh();
  if (c.status !== "draft") {
    await setCycleStatus(ctx, { cycleId, version: version(), status: "active" });
    await refresh();
  }
  if (c.status === "closed") await setCycleStatus(ctx, { cycleId, version: version(), status: "closed" });

  // The årshjul of a running cycle: the seeds' defaults, and tasks from months back (some overdue).
  if (c.status === "active") {
    await ensureDefaultRules(ctx, agreementId);
    await generateTasks(at(ctx, new Date(now.getTime() - 120 * DAY)), { agreementId, horizonDays: 400 });
  }

  // Verify what the demo promises users: the actions are there, in this cycle.
  const written = await ctx.db.select({ id: actions.id }).from(actions).where(eq(actions.cycleId, cycleId));
  if (written.length !== c.actions.length) throw new Error(`demo cycle ${c.kommun} ${c.year}: actions missing`);
  return { cycleId, actionIds, promiseIds };
}
