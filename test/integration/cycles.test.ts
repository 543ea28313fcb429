import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionResponsibles, actions, cycleFocusAreas, cycles, indicators, problems } from "../../src/db/schema.ts";
import { getAgreement, setBodies, setFocusAreas } from "../../src/services/agreements/agreements.ts";
import type { ServiceContext } from "../../src/services/core/context.ts";
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
} from "../../src/services/cycles/cycles.ts";
import {
  createIndicator,
  deleteIndicator,
  listIndicators,
  updateIndicator,
} from "../../src/services/cycles/indicators.ts";
import {
  createProblem,
  deleteProblem,
  getProblem,
  setCauses,
  updateProblem,
} from "../../src/services/cycles/problems.ts";
import { getCycleSettings, updateCycleSettings } from "../../src/services/cycles/settings.ts";
import { AppError } from "../../src/errors.ts";
import { as, auditCount, freshDatabase, lastAudit, makeUser, system, twoOrganisationWorld } from "../helpers/db.ts";

const database = await freshDatabase();
const world = await twoOrganisationWorld(database);
const editor = await makeUser(database, [[world.kommunA.id, "editor"]]);
const viewer = await makeUser(database, [[world.kommunA.id, "viewer"]]);
const otherEditor = await makeUser(database, [[world.kommunB.id, "editor"]]);
const ed = as(database, editor);
const A = world.agreementA.id;

let agreement = await setFocusAreas(system(database), {
  agreementId: A,
  version: world.agreementA.version,
  focusAreas: [{ title: "Trygg stadskärna" }, { title: "Narkotika" }],
});
agreement = await setBodies(system(database), {
  agreementId: A,
  version: agreement.version,
  bodies: [{ name: "Styrgruppen", kind: "steering_group" }],
});
const bodyId = agreement.bodies[0]!.id;
const otherAgreement = await setBodies(system(database), {
  agreementId: world.agreementB.id,
  version: world.agreementB.version,
  bodies: [{ name: "BRÅ Skara", kind: "bra" }],
});
const foreignBodyId = otherAgreement.bodies[0]!.id;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "OK";
}

async function fieldsOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError && e.code === "VALIDATION") return e.fields.map((f) => `${f.path}:${f.message}`);
    throw e;
  }
  throw new Error("expected a validation error");
}

/** A refused write leaves no audit row and (checked by the caller) no change. */
async function refusedWithoutTrace(write: () => Promise<unknown>, expected: string) {
  const before = await auditCount(database);
  expect(await code(write())).toBe(expected);
  expect(await auditCount(database)).toBe(before);
}

describe("cycle settings", () => {
  it("returns the defaults until saved, then saves with version 0 → 1 → 2, audited", async () => {
    const s = await getCycleSettings(as(database, viewer), A);
    expect(s).toMatchObject({
      cycleStartMonth: 1,
      promisePeriod: "year",
      reviewIntervalMonths: 24,
      staleAfterDays: 90,
    });
    expect(s.version).toBe(0);
    expect(s.situationSources.find((x) => x.key === "police_statistics")?.mandatory).toBe(true);
    const saved = await updateCycleSettings(ed, {
      agreementId: A,
      version: 0,
      cycleStartMonth: 1,
      promisePeriod: "half_year",
      reviewIntervalMonths: 24,
      staleAfterDays: 60,
      situationSources: [
        ...s.situationSources,
        { label: "Skolans trygghetsenkät", mandatory: true },
        { label: "Skolans trygghetsenkät", mandatory: false },
      ],
    });
    expect(saved.version).toBe(1);
    expect(saved.situationSources.slice(-2).map((x) => x.key)).toEqual([
      "skolans_trygghetsenkat",
      "skolans_trygghetsenkat_2",
    ]);
    const audit = await lastAudit(database, A);
    expect(audit?.action).toBe("cycleSettings.updated");
    expect((audit?.after as { staleAfterDays: number }).staleAfterDays).toBe(60);
    // A second "first save" is a conflict, not a second row.
    await refusedWithoutTrace(() => updateCycleSettings(ed, { ...saved, version: 0 }), "CONFLICT");
    const again = await updateCycleSettings(ed, {
      ...saved,
      situationSources: saved.situationSources.filter((x) => x.key !== "skolans_trygghetsenkat_2"),
    });
    expect(again.version).toBe(2);
  });

  it("refuses others and bad input", async () => {
    const input = {
      agreementId: A,
      version: 2,
      cycleStartMonth: 1,
      promisePeriod: "year" as const,
      reviewIntervalMonths: 24,
      staleAfterDays: 90,
      situationSources: [],
    };
    await refusedWithoutTrace(() => updateCycleSettings(as(database, otherEditor), input), "NOT_FOUND");
    await refusedWithoutTrace(() => updateCycleSettings(as(database, viewer), input), "FORBIDDEN");
    await refusedWithoutTrace(() => updateCycleSettings(as(database, null), input), "UNAUTHENTICATED");
    expect(await code(getCycleSettings(as(database, otherEditor), A))).toBe("NOT_FOUND");
    expect(await fieldsOf(updateCycleSettings(ed, { ...input, cycleStartMonth: 13 }))).toEqual([
      "cycleStartMonth:settings.cycleStartMonth.invalid",
    ]);
  });
});

describe("cycles", () => {
  it("creates a cycle for a year with the agreement's focus areas and source checklist, audited", async () => {
    const c = await createCycle(ed, { agreementId: A, year: 2025 });
    expect(c).toMatchObject({ label: "2025", startsOn: "2025-01-01", endsOn: "2025-12-31", status: "draft" });
    expect(c.sources.some((s) => s.key === "skolans_trygghetsenkat" && s.mandatory)).toBe(true);
    const areas = await database.db.select().from(cycleFocusAreas).where(eq(cycleFocusAreas.cycleId, c.id));
    expect(areas.map((a) => a.title).sort()).toEqual(["Narkotika", "Trygg stadskärna"]);
    expect(areas.every((a) => a.focusAreaId !== null)).toBe(true);
    expect((await lastAudit(database, c.id))?.action).toBe("cycle.created");
    expect((await listCycles(as(database, viewer), A)).map((x) => x.label)).toContain("2025");
  });

  it("refuses an overlapping cycle naming the field, and others", async () => {
    const n = (await database.db.select().from(cycles)).length;
    expect(await fieldsOf(createCycle(ed, { agreementId: A, year: 2025 }))).toEqual(["year:cycle.year.overlaps"]);
    await refusedWithoutTrace(
      () => createCycle(as(database, otherEditor), { agreementId: A, year: 2030 }),
      "NOT_FOUND",
    );
    await refusedWithoutTrace(() => createCycle(as(database, viewer), { agreementId: A, year: 2030 }), "FORBIDDEN");
    await refusedWithoutTrace(() => createCycle(as(database, null), { agreementId: A, year: 2030 }), "UNAUTHENTICATED");
    expect(await fieldsOf(createCycle(ed, { agreementId: A, year: 1800 }))).toEqual(["year:cycle.year.invalid"]);
    expect((await database.db.select().from(cycles)).length).toBe(n);
  });

  it("sets the status back and forth, with the version guarding it", async () => {
    const [c] = await listCycles(ed, A);
    const active = await setCycleStatus(ed, { cycleId: c!.id, version: c!.version, status: "active" });
    expect(active.status).toBe("active");
    expect((await lastAudit(database, c!.id))?.action).toBe("cycle.statusSet");
    await refusedWithoutTrace(
      () => setCycleStatus(ed, { cycleId: c!.id, version: c!.version, status: "closed" }),
      "CONFLICT",
    );
    await refusedWithoutTrace(
      () => setCycleStatus(as(database, viewer), { cycleId: c!.id, version: active.version, status: "closed" }),
      "FORBIDDEN",
    );
    await refusedWithoutTrace(
      () => setCycleStatus(as(database, otherEditor), { cycleId: c!.id, version: active.version, status: "closed" }),
      "NOT_FOUND",
    );
    const back = await setCycleStatus(ed, { cycleId: c!.id, version: active.version, status: "draft" });
    expect(back.status).toBe("draft");
    expect(await code(getCycle(as(database, otherEditor), c!.id))).toBe("NOT_FOUND");
    expect(await code(getCycle(ed, "not-a-uuid"))).toBe("NOT_FOUND");
  });
});

async function cycle2025() {
  const list = await listCycles(ed, A);
  return (await getCycle(ed, list.find((c) => c.label === "2025")!.id)).cycle;
}

describe("lägesbild", () => {
  it("saves sections and sources, audited; refuses an unknown source and a http link", async () => {
    const c = await cycle2025();
    const saved = await updateSituationReport(ed, {
      cycleId: c.id,
      version: c.version,
      crimeMapping: "Anmälda brott ökar i centrum.",
      otherInformation: "Trygghetsmätningen 2024.",
      analysis: "",
      sources: [{ key: "police_statistics", used: true, note: "Polisens statistik 2024", link: "https://polisen.se" }],
    });
    expect(saved.crimeMapping).toBe("Anmälda brott ökar i centrum.");
    expect(saved.sources.find((s) => s.key === "police_statistics")).toMatchObject({
      used: true,
      link: "https://polisen.se",
    });
    expect((await lastAudit(database, c.id))?.action).toBe("situation.updated");
    const bad = { cycleId: c.id, version: saved.version };
    const count = await auditCount(database);
    expect(await fieldsOf(updateSituationReport(ed, { ...bad, sources: [{ key: "nope", used: true }] }))).toEqual([
      "sources.0.key:situation.source.unknown",
    ]);
    expect(
      await fieldsOf(
        updateSituationReport(ed, { ...bad, sources: [{ key: "police_statistics", used: true, link: "http://x.se" }] }),
      ),
    ).toEqual(["sources.0.link:situation.source.link.https"]);
    expect(await fieldsOf(updateSituationReport(ed, { ...bad, analysis: "Gärningsperson 811218-9876" }))).toEqual([
      "analysis:validation.personalIdentityNumber",
    ]);
    expect(await auditCount(database)).toBe(count);
    await refusedWithoutTrace(() => updateSituationReport(as(database, viewer), bad), "FORBIDDEN");
    await refusedWithoutTrace(() => updateSituationReport(as(database, null), bad), "UNAUTHENTICATED");
  });

  it("adopts with one of the agreement's bodies, refuses another agreement's body, withdraws", async () => {
    const c = await cycle2025();
    const count = await auditCount(database);
    expect(
      await fieldsOf(
        adoptSituationReport(ed, { cycleId: c.id, version: c.version, bodyId: foreignBodyId, adoptedOn: "2025-03-01" }),
      ),
    ).toEqual(["bodyId:situation.adoption.unknownBody"]);
    expect(
      await fieldsOf(adoptSituationReport(ed, { cycleId: c.id, version: c.version, bodyId, adoptedOn: "" })),
    ).toEqual(["adoptedOn:situation.adoption.dateRequired"]);
    expect(await auditCount(database)).toBe(count);
    expect((await cycle2025()).situationAdoptedOn).toBeNull();
    const adopted = await adoptSituationReport(ed, {
      cycleId: c.id,
      version: c.version,
      bodyId,
      adoptedOn: "2025-03-01",
    });
    expect(adopted).toMatchObject({ situationAdoptedByBodyId: bodyId, situationAdoptedOn: "2025-03-01" });
    expect((await lastAudit(database, c.id))?.action).toBe("situation.adopted");
    const withdrawn = await withdrawSituationAdoption(ed, { cycleId: c.id, version: adopted.version });
    expect(withdrawn.situationAdoptedOn).toBeNull();
    expect((await lastAudit(database, c.id))?.action).toBe("situation.adoptionWithdrawn");
  });
});

describe("problems, causes and prioritisation", () => {
  it("creates, updates and deletes problems, audited; coordinates both or neither and in range", async () => {
    const c = await cycle2025();
    const p = await createProblem(ed, {
      cycleId: c.id,
      title: "Narkotikahandel vid resecentrum",
      places: [{ name: "Resecentrum", lat: "59,51", lng: 15.99, area: "Centrum" }, { name: "Torget" }],
      times: "fredagar och lördagar 22–03",
    });
    expect(p.places).toEqual([
      { name: "Resecentrum", lat: 59.51, lng: 15.99, area: "Centrum" },
      { name: "Torget", lat: null, lng: null, area: "" },
    ]);
    expect((await lastAudit(database, p.id))?.action).toBe("problem.created");
    const count = await auditCount(database);
    const n = (await database.db.select().from(problems)).length;
    expect(
      await fieldsOf(createProblem(ed, { cycleId: c.id, title: "X", places: [{ name: "A", lat: 59, lng: null }] })),
    ).toEqual(["places.0.lng:problem.place.bothOrNeither"]);
    expect(
      await fieldsOf(createProblem(ed, { cycleId: c.id, title: "X", places: [{ name: "A", lat: 91, lng: 200 }] })),
    ).toEqual(["places.0.lat:problem.place.lat.invalid", "places.0.lng:problem.place.lng.invalid"]);
    expect(await fieldsOf(createProblem(ed, { cycleId: c.id, title: "" }))).toEqual(["title:validation.required"]);
    expect(await auditCount(database)).toBe(count);
    expect((await database.db.select().from(problems)).length).toBe(n);
    await refusedWithoutTrace(
      () => createProblem(as(database, otherEditor), { cycleId: c.id, title: "X" }),
      "NOT_FOUND",
    );
    await refusedWithoutTrace(() => createProblem(as(database, viewer), { cycleId: c.id, title: "X" }), "FORBIDDEN");
    await refusedWithoutTrace(
      () => createProblem(as(database, null), { cycleId: c.id, title: "X" }),
      "UNAUTHENTICATED",
    );

    const updated = await updateProblem(ed, {
      id: p.id,
      version: p.version,
      title: "Narkotikahandel",
      times: "kvällar",
    });
    expect(updated).toMatchObject({ title: "Narkotikahandel", times: "kvällar", version: p.version + 1 });
    expect((await lastAudit(database, p.id))?.action).toBe("problem.updated");
    await refusedWithoutTrace(() => updateProblem(ed, { id: p.id, version: p.version, title: "Y" }), "CONFLICT");
    await refusedWithoutTrace(
      () => updateProblem(as(database, viewer), { id: p.id, version: updated.version, title: "Y" }),
      "FORBIDDEN",
    );
    expect(await code(getProblem(as(database, otherEditor), p.id))).toBe("NOT_FOUND");

    const extra = await createProblem(ed, { cycleId: c.id, title: "Att ta bort" });
    await refusedWithoutTrace(
      () => deleteProblem(as(database, otherEditor), { id: extra.id, version: extra.version }),
      "NOT_FOUND",
    );
    await deleteProblem(ed, { id: extra.id, version: extra.version });
    expect((await lastAudit(database, extra.id))?.action).toBe("problem.deleted");
    expect(await code(getProblem(ed, extra.id))).toBe("NOT_FOUND");
  });

  it("sets causes on the three axes keeping ids, audited", async () => {
    const { problems: list } = await getCycle(ed, (await cycle2025()).id);
    const p = list[0]!;
    const first = await setCauses(ed, {
      problemId: p.id,
      version: p.version,
      causes: [
        { axis: "victim", text: "Unga som rör sig ensamma" },
        { axis: "offender", text: "Etablerat nätverk" },
        { axis: "place", text: "Dålig belysning" },
      ],
      eventChains: "Köpare kommer med tåget → möts vid kiosken.",
    });
    expect(first.causes.map((c) => c.axis)).toEqual(["victim", "offender", "place"]);
    expect((await lastAudit(database, p.id))?.action).toBe("problem.causesSet");
    const keepId = first.causes[2]!.id;
    const second = await setCauses(ed, {
      problemId: p.id,
      version: first.version,
      causes: [{ id: keepId, axis: "place", text: "Dålig belysning vid tunneln" }],
      eventChains: first.eventChains,
    });
    expect(second.causes).toEqual([
      expect.objectContaining({ id: keepId, text: "Dålig belysning vid tunneln", position: 0 }),
    ]);
    const count = await auditCount(database);
    expect(
      await fieldsOf(
        setCauses(ed, { problemId: p.id, version: second.version, causes: [{ axis: "weather", text: "Regn" }] }),
      ),
    ).toEqual(["causes.0.axis:cause.axis.invalid"]);
    expect(await auditCount(database)).toBe(count);
    await refusedWithoutTrace(
      () => setCauses(as(database, viewer), { problemId: p.id, version: second.version, causes: [] }),
      "FORBIDDEN",
    );
  });

  it("prioritises problems under the cycle's focus areas, and edits those focus areas keeping ids", async () => {
    const view = await getCycle(ed, (await cycle2025()).id);
    const [p] = view.problems;
    const area = view.focusAreas.find((f) => f.title === "Narkotika")!;
    const foreign = await createCycle(ed, { agreementId: A, year: 2030 });
    const [foreignArea] = await database.db
      .select()
      .from(cycleFocusAreas)
      .where(eq(cycleFocusAreas.cycleId, foreign.id));
    const count = await auditCount(database);
    expect(
      await fieldsOf(
        setPrioritisation(ed, {
          cycleId: view.cycle.id,
          version: view.cycle.version,
          problems: [{ id: p!.id, prioritised: true, cycleFocusAreaId: foreignArea!.id }],
        }),
      ),
    ).toEqual(["problems.0.cycleFocusAreaId:cycle.focusArea.notFound"]);
    expect(await auditCount(database)).toBe(count);
    const saved = await setPrioritisation(ed, {
      cycleId: view.cycle.id,
      version: view.cycle.version,
      prioritisationRationale: "Mest anmälda brott och mest otrygghet.",
      problems: [{ id: p!.id, prioritised: true, rationale: "Flest anmälningar", cycleFocusAreaId: area.id }],
    });
    expect(saved.prioritisationRationale).toBe("Mest anmälda brott och mest otrygghet.");
    const audit = await lastAudit(database, view.cycle.id);
    expect(audit?.action).toBe("cycle.prioritisationSet");
    expect((audit?.after as { problems: { prioritised: boolean }[] }).problems[0]!.prioritised).toBe(true);

    const areas = await setCycleFocusAreas(ed, {
      cycleId: view.cycle.id,
      version: saved.version,
      focusAreas: [{ id: area.id, title: "Narkotika och langning" }, { title: "Trafik" }],
    });
    expect((await lastAudit(database, view.cycle.id))?.action).toBe("cycle.focusAreasSet");
    const after = await getCycle(ed, view.cycle.id);
    expect(after.focusAreas.map((f) => f.title)).toEqual(["Narkotika och langning", "Trafik"]);
    expect(after.focusAreas[0]!.id).toBe(area.id);
    expect(after.problems[0]!.cycleFocusAreaId).toBe(area.id);
    await refusedWithoutTrace(
      () =>
        setCycleFocusAreas(as(database, viewer), { cycleId: view.cycle.id, version: areas.version, focusAreas: [] }),
      "FORBIDDEN",
    );
  });

  it("ticks handbook items by hand, refusing items the data tells", async () => {
    const c = await cycle2025();
    const ticked = await setHandbookTick(ed, {
      cycleId: c.id,
      version: c.version,
      step: 1,
      item: "jointDecision",
      done: true,
      note: "KS-beslut",
    });
    expect(ticked.handbook["1.jointDecision"]).toEqual({ done: true, note: "KS-beslut" });
    expect((await lastAudit(database, c.id))?.action).toBe("cycle.handbookTicked");
    expect(
      await fieldsOf(
        setHandbookTick(ed, { cycleId: c.id, version: ticked.version, step: 3, item: "situationAdopted", done: true }),
      ),
    ).toEqual(["item:handbook.item.notManual"]);
    const view = await getCycle(ed, c.id);
    expect(view.handbook[0]!.items[0]).toMatchObject({ key: "jointDecision", done: true, source: "manual" });
    expect(view.handbook[2]!.items.find((i) => i.key === "causeAnalyses")?.done).toBe(true);
    expect(view.completeness.missing.map((m) => m.key)).toContain("situation.missing.analysis");
  });
});

describe("indicators", () => {
  it("creates with suppressed markers and comma decimals, updates and deletes, audited", async () => {
    const i = await createIndicator(ed, {
      agreementId: A,
      name: "Anmälda narkotikabrott per 100 000 invånare",
      source: "Kolada N07540",
      unit: "per 100 000",
      direction: "decrease",
      values: [
        { year: 2024, value: "412,5" },
        { year: 2023, value: "XX", note: "för få svar" },
        { year: 2022, value: ".." },
        { year: 2021, value: 380 },
      ],
    });
    expect(i.values).toEqual([
      { year: 2021, value: 380, suppressed: false, note: "" },
      { year: 2022, value: null, suppressed: true, note: "" },
      { year: 2023, value: null, suppressed: true, note: "för få svar" },
      { year: 2024, value: 412.5, suppressed: false, note: "" },
    ]);
    expect((await lastAudit(database, i.id))?.action).toBe("indicator.created");
    const u = await updateIndicator(ed, {
      id: i.id,
      version: i.version,
      name: "NTU otrygghet",
      direction: "increase",
      values: [],
    });
    expect(u).toMatchObject({ name: "NTU otrygghet", direction: "increase", values: [] });
    expect((await lastAudit(database, i.id))?.action).toBe("indicator.updated");
    await refusedWithoutTrace(() => updateIndicator(ed, { id: i.id, version: i.version, name: "x" }), "CONFLICT");
    await refusedWithoutTrace(
      () => deleteIndicator(as(database, viewer), { id: i.id, version: u.version }),
      "FORBIDDEN",
    );
    await refusedWithoutTrace(
      () => deleteIndicator(as(database, otherEditor), { id: i.id, version: u.version }),
      "NOT_FOUND",
    );
    await deleteIndicator(ed, { id: i.id, version: u.version });
    expect((await lastAudit(database, i.id))?.action).toBe("indicator.deleted");
    expect(await listIndicators(ed, A)).toEqual([]);
  });

  it("refuses duplicate years, years out of range and non-numbers naming the value; nothing written", async () => {
    const count = await auditCount(database);
    expect(
      await fieldsOf(
        createIndicator(ed, {
          agreementId: A,
          name: "X",
          values: [
            { year: 2024, value: 1 },
            { year: 2024, value: 2 },
          ],
        }),
      ),
    ).toEqual(["values.1.year:indicator.year.duplicate"]);
    expect(
      await fieldsOf(
        createIndicator(ed, {
          agreementId: A,
          name: "X",
          values: [
            { year: 1989, value: 1 },
            { year: 2020, value: "många" },
          ],
        }),
      ),
    ).toEqual(["values.0.year:indicator.year.invalid", "values.1.value:indicator.value.notANumber"]);
    expect(await auditCount(database)).toBe(count);
    expect((await database.db.select().from(indicators)).length).toBe(0);
    await refusedWithoutTrace(() => createIndicator(as(database, viewer), { agreementId: A, name: "X" }), "FORBIDDEN");
    await refusedWithoutTrace(
      () => createIndicator(as(database, otherEditor), { agreementId: A, name: "X" }),
      "NOT_FOUND",
    );
    await refusedWithoutTrace(
      () => createIndicator(as(database, null), { agreementId: A, name: "X" }),
      "UNAUTHENTICATED",
    );
  });
});

describe("startNextCycle", () => {
  async function insertAction(
    ctx: ServiceContext,
    cycleId: string,
    title: string,
    status: "planned" | "ongoing" | "done" | "cancelled",
    extra: Partial<typeof actions.$inferInsert> = {},
  ) {
    void ctx;
    const [row] = await database.db
      .insert(actions)
      .values({ cycleId, position: 0, title, status, ...extra })
      .returning();
    await database.db.insert(actionResponsibles).values([
      { actionId: row!.id, organisationId: world.kommunA.id, position: 0 },
      { actionId: row!.id, organisationId: world.lpoA.id, position: 1 },
    ]);
    return row!;
  }

  it("copies the focus areas and exactly the open actions, with responsibles, into a draft next cycle", async () => {
    const c = await cycle2025();
    const view = await getCycle(ed, c.id);
    const area = view.focusAreas[0]!;
    const cause = view.problems[0]!.causes[0]!;
    const planned = await insertAction(ed, c.id, "Kameraövervakning", "planned", {
      cycleFocusAreaId: area.id,
      causeId: cause.id,
      deadline: "2025-11-30",
      startsOn: "2025-02-01",
    });
    const ongoing = await insertAction(ed, c.id, "Trygghetsvandring", "ongoing", { deadline: "2026-03-31" });
    await insertAction(ed, c.id, "Klar åtgärd", "done");
    await insertAction(ed, c.id, "Inställd åtgärd", "cancelled");

    await refusedWithoutTrace(
      () => startNextCycle(as(database, viewer), { cycleId: c.id, version: c.version }),
      "FORBIDDEN",
    );
    await refusedWithoutTrace(
      () => startNextCycle(as(database, otherEditor), { cycleId: c.id, version: c.version }),
      "NOT_FOUND",
    );
    await refusedWithoutTrace(() => startNextCycle(ed, { cycleId: c.id, version: c.version - 1 }), "CONFLICT");

    const next = await startNextCycle(ed, { cycleId: c.id, version: c.version });
    expect(next).toMatchObject({ label: "2026", startsOn: "2026-01-01", status: "draft", previousCycleId: c.id });
    expect((await lastAudit(database, next.id))?.action).toBe("cycle.nextStarted");
    const copied = await database.db.select().from(actions).where(eq(actions.cycleId, next.id));
    expect(copied.map((a) => a.title).sort()).toEqual(["Kameraövervakning", "Trygghetsvandring"]);
    const camera = copied.find((a) => a.carriedFromId === planned.id)!;
    const walk = copied.find((a) => a.carriedFromId === ongoing.id)!;
    expect(camera).toMatchObject({ status: "planned", causeId: null, deadline: null, startsOn: null });
    expect(walk).toMatchObject({ status: "planned", deadline: "2026-03-31" });
    const nextAreas = await database.db.select().from(cycleFocusAreas).where(eq(cycleFocusAreas.cycleId, next.id));
    expect(nextAreas.map((a) => a.title)).toEqual(view.focusAreas.map((a) => a.title));
    expect(camera.cycleFocusAreaId).toBe(nextAreas.find((a) => a.title === area.title)!.id);
    const rs = await database.db.select().from(actionResponsibles).where(eq(actionResponsibles.actionId, walk.id));
    expect(rs.map((r) => r.organisationId).sort()).toEqual([world.kommunA.id, world.lpoA.id].sort());

    // The next period's cycle exists now: a second start is refused, nothing written.
    const n = await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cycles);
    await refusedWithoutTrace(() => startNextCycle(ed, { cycleId: c.id, version: c.version }), "CONFLICT");
    expect(await database.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cycles)).toEqual(n);
  });

  it("runs across the new year for a July cycle", async () => {
    const s = await getCycleSettings(system(database), world.agreementB.id);
    await updateCycleSettings(system(database), { ...s, cycleStartMonth: 7, version: 0 });
    const c = await createCycle(system(database), { agreementId: world.agreementB.id, year: 2025 });
    expect(c).toMatchObject({ label: "2025/26", startsOn: "2025-07-01", endsOn: "2026-06-30" });
    const next = await startNextCycle(system(database), { cycleId: c.id, version: c.version });
    expect(next).toMatchObject({ label: "2026/27", startsOn: "2026-07-01", endsOn: "2027-06-30" });
    expect((await getAgreement(system(database), world.agreementB.id)).id).toBe(world.agreementB.id);
  });
});

describe("every cycle write refuses another organisation's editor, a viewer and anonymous callers", () => {
  it("leaves no trace for any of them", async () => {
    const c = await cycle2025();
    const view = await getCycle(ed, c.id);
    const p = view.problems[0]!;
    const indicator =
      (await listIndicators(ed, A))[0] ?? (await createIndicator(ed, { agreementId: A, name: "Matris" }));
    const writes: [string, (ctx: ServiceContext) => Promise<unknown>][] = [
      ["updateCycleSettings", (ctx) => updateCycleSettings(ctx, { ...view.settings, cycleStartMonth: 3 })],
      ["createCycle", (ctx) => createCycle(ctx, { agreementId: A, year: 2040 })],
      ["setCycleStatus", (ctx) => setCycleStatus(ctx, { cycleId: c.id, version: c.version, status: "closed" })],
      ["startNextCycle", (ctx) => startNextCycle(ctx, { cycleId: c.id, version: c.version })],
      [
        "updateSituationReport",
        (ctx) => updateSituationReport(ctx, { cycleId: c.id, version: c.version, analysis: "x" }),
      ],
      [
        "adoptSituationReport",
        (ctx) => adoptSituationReport(ctx, { cycleId: c.id, version: c.version, bodyId, adoptedOn: "2025-03-01" }),
      ],
      ["withdrawSituationAdoption", (ctx) => withdrawSituationAdoption(ctx, { cycleId: c.id, version: c.version })],
      ["setCycleFocusAreas", (ctx) => setCycleFocusAreas(ctx, { cycleId: c.id, version: c.version, focusAreas: [] })],
      [
        "setPrioritisation",
        (ctx) =>
          setPrioritisation(ctx, { cycleId: c.id, version: c.version, problems: [{ id: p.id, prioritised: false }] }),
      ],
      [
        "setHandbookTick",
        (ctx) =>
          setHandbookTick(ctx, { cycleId: c.id, version: c.version, step: 5, item: "processEvaluated", done: true }),
      ],
      ["createProblem", (ctx) => createProblem(ctx, { cycleId: c.id, title: "X" })],
      ["updateProblem", (ctx) => updateProblem(ctx, { id: p.id, version: p.version, title: "X" })],
      ["deleteProblem", (ctx) => deleteProblem(ctx, { id: p.id, version: p.version })],
      ["setCauses", (ctx) => setCauses(ctx, { problemId: p.id, version: p.version, causes: [] })],
      ["createIndicator", (ctx) => createIndicator(ctx, { agreementId: A, name: "X" })],
      ["updateIndicator", (ctx) => updateIndicator(ctx, { id: indicator.id, version: indicator.version, name: "X" })],
      ["deleteIndicator", (ctx) => deleteIndicator(ctx, { id: indicator.id, version: indicator.version })],
    ];
    const callers: [ServiceContext, string][] = [
      [as(database, otherEditor), "NOT_FOUND"],
      [as(database, viewer), "FORBIDDEN"],
      [as(database, null), "UNAUTHENTICATED"],
    ];
    const before = JSON.stringify(await getCycle(system(database), c.id));
    for (const [name, write] of writes)
      for (const [ctx, expected] of callers) {
        const count = await auditCount(database);
        expect(`${name}: ${await code(write(ctx))}`).toBe(`${name}: ${expected}`);
        expect(await auditCount(database)).toBe(count);
      }
    expect(JSON.stringify(await getCycle(system(database), c.id))).toBe(before);
  });
});

describe("partial updates", () => {
  it("updateProblem keeps the fields left out, checks the merged record, audited", async () => {
    const c = await cycle2025();
    const p = await createProblem(ed, {
      cycleId: c.id,
      title: "Skadegörelse vid skolan",
      description: "Krossade rutor",
      places: [{ name: "Skolgården", lat: 59.5, lng: 16, area: "Norr" }],
      times: "helger",
    });
    const renamed = await updateProblem(ed, { id: p.id, version: p.version, title: "Skadegörelse vid Västra skolan" });
    expect(renamed).toMatchObject({
      title: "Skadegörelse vid Västra skolan",
      description: "Krossade rutor",
      places: [{ name: "Skolgården", lat: 59.5, lng: 16, area: "Norr" }],
      times: "helger",
      version: p.version + 1,
    });
    const audit = await lastAudit(database, p.id);
    expect(audit?.action).toBe("problem.updated");
    expect((audit?.after as { places: unknown[] }).places).toHaveLength(1);
    // Only places: the title stays; an explicit empty list does clear them.
    const cleared = await updateProblem(ed, { id: p.id, version: renamed.version, places: [] });
    expect(cleared).toMatchObject({ title: "Skadegörelse vid Västra skolan", places: [], times: "helger" });

    const count = await auditCount(database);
    expect(
      await fieldsOf(
        updateProblem(ed, { id: p.id, version: cleared.version, places: [{ name: "A", lat: 95, lng: 1 }] }),
      ),
    ).toEqual(["places.0.lat:problem.place.lat.invalid"]);
    expect(await fieldsOf(updateProblem(ed, { id: p.id, version: cleared.version, title: " " }))).toEqual([
      "title:validation.required",
    ]);
    expect(await code(updateProblem(ed, { id: p.id, version: cleared.version, cycleId: c.id }))).toBe("VALIDATION");
    expect(await auditCount(database)).toBe(count);
    expect((await getProblem(ed, p.id)).problem).toMatchObject({ title: cleared.title, version: cleared.version });
    await deleteProblem(ed, { id: p.id, version: cleared.version });
  });

  it("updateIndicator keeps the values (and other fields) left out, audited", async () => {
    const i = await createIndicator(ed, {
      agreementId: A,
      name: "Otrygghet i centrum",
      source: "NTU",
      unit: "procent",
      direction: "decrease",
      values: [
        { year: 2023, value: 31 },
        { year: 2024, value: "XX" },
      ],
    });
    const renamed = await updateIndicator(ed, { id: i.id, version: i.version, name: "Otrygghet kvällstid" });
    expect(renamed).toMatchObject({
      name: "Otrygghet kvällstid",
      source: "NTU",
      unit: "procent",
      direction: "decrease",
      values: i.values,
      version: i.version + 1,
    });
    expect((await lastAudit(database, i.id))?.action).toBe("indicator.updated");
    const withValues = await updateIndicator(ed, {
      id: i.id,
      version: renamed.version,
      values: [{ year: 2025, value: "28,5" }, ...i.values],
    });
    expect(withValues.name).toBe("Otrygghet kvällstid");
    expect(withValues.values.map((v) => v.year)).toEqual([2023, 2024, 2025]);
    const count = await auditCount(database);
    expect(
      await fieldsOf(
        updateIndicator(ed, {
          id: i.id,
          version: withValues.version,
          values: [
            { year: 2020, value: 1 },
            { year: 2020, value: 2 },
          ],
        }),
      ),
    ).toEqual(["values.1.year:indicator.year.duplicate"]);
    expect(await fieldsOf(updateIndicator(ed, { id: i.id, version: withValues.version, direction: "up" }))).toEqual([
      "direction:indicator.direction.invalid",
    ]);
    expect(await auditCount(database)).toBe(count);
    await deleteIndicator(ed, { id: i.id, version: withValues.version });
  });
});

describe("trace integrity: what actions point at may not be removed", () => {
  let year = 2033;
  async function setUp() {
    const c = await createCycle(ed, { agreementId: A, year: year++ });
    const p = await createProblem(ed, { cycleId: c.id, title: "Rån mot unga" });
    const withCauses = await setCauses(ed, {
      problemId: p.id,
      version: p.version,
      causes: [
        { axis: "victim", text: "Unga med dyra telefoner" },
        { axis: "offender", text: "Äldre ungdomar i grupp" },
        { axis: "place", text: "Mörk gångtunnel" },
      ],
    });
    const [used, unused, linked] = withCauses.causes;
    const view = await getCycle(ed, c.id);
    const [area, otherArea] = view.focusAreas;
    const [action] = await database.db
      .insert(actions)
      .values({
        cycleId: c.id,
        position: 0,
        title: "Belysning i tunneln",
        causeId: linked!.id,
        cycleFocusAreaId: area!.id,
      })
      .returning();
    return {
      c: view.cycle,
      p: withCauses,
      used: used!,
      unused: unused!,
      linked: linked!,
      area: area!,
      otherArea: otherArea!,
      action: action!,
    };
  }

  it("setCauses refuses removing a cause an action points at, naming it; keeps and removes others", async () => {
    const { p, used, unused, linked, action } = await setUp();
    const count = await auditCount(database);
    const refused = await (async () => {
      try {
        await setCauses(ed, {
          problemId: p.id,
          version: p.version,
          causes: [{ id: used.id, axis: "victim", text: "Unga med dyra telefoner" }],
        });
      } catch (e) {
        return e as AppError;
      }
      throw new Error("expected a refusal");
    })();
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fields).toEqual([
      { path: "causes.2", message: "cause.inUse", params: { title: "Belysning i tunneln", id: linked.id } },
    ]);
    expect(await auditCount(database)).toBe(count);
    const unchanged = await getProblem(ed, p.id);
    expect(unchanged.problem.causes.map((c) => c.id)).toEqual([used.id, unused.id, linked.id]);
    expect(unchanged.problem.version).toBe(p.version);
    const [still] = await database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(still!.causeId).toBe(linked.id);

    // Removing an unused cause while keeping (and editing) the linked one is fine.
    const saved = await setCauses(ed, {
      problemId: p.id,
      version: p.version,
      causes: [
        { id: used.id, axis: "victim", text: "Unga med dyra telefoner" },
        { id: linked.id, axis: "place", text: "Mörk gångtunnel vid stationen" },
      ],
    });
    expect(saved.causes.map((c) => c.id)).toEqual([used.id, linked.id]);
    expect((await lastAudit(database, p.id))?.action).toBe("problem.causesSet");
    const [after] = await database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(after!.causeId).toBe(linked.id);
  });

  it("deleteProblem is refused while an action points at one of its causes, then allowed", async () => {
    const { p, linked, action } = await setUp();
    const count = await auditCount(database);
    expect(await fieldsOf(deleteProblem(ed, { id: p.id, version: p.version }))).toEqual(["causes.2:cause.inUse"]);
    expect(await auditCount(database)).toBe(count);
    expect((await getProblem(ed, p.id)).problem.causes.some((c) => c.id === linked.id)).toBe(true);
    await database.db.update(actions).set({ causeId: null }).where(eq(actions.id, action.id));
    await deleteProblem(ed, { id: p.id, version: p.version });
    expect((await lastAudit(database, p.id))?.action).toBe("problem.deleted");
  });

  it("setCycleFocusAreas refuses removing a focus area an action points at; others may go", async () => {
    const { c, area, otherArea, action } = await setUp();
    const count = await auditCount(database);
    expect(
      await fieldsOf(
        setCycleFocusAreas(ed, {
          cycleId: c.id,
          version: c.version,
          focusAreas: [{ id: otherArea.id, title: otherArea.title }, { title: "Ny" }],
        }),
      ),
    ).toEqual(["focusAreas.0:cycle.focusArea.inUse"]);
    expect(await auditCount(database)).toBe(count);
    const unchanged = await getCycle(ed, c.id);
    expect(unchanged.focusAreas.map((f) => f.id)).toEqual([area.id, otherArea.id]);
    expect(unchanged.cycle.version).toBe(c.version);
    const [still] = await database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(still!.cycleFocusAreaId).toBe(area.id);

    const saved = await setCycleFocusAreas(ed, {
      cycleId: c.id,
      version: c.version,
      focusAreas: [{ id: area.id, title: "Trygg stadskärna, nu" }],
    });
    const audit = await lastAudit(database, c.id);
    expect(audit?.action).toBe("cycle.focusAreasSet");
    expect((audit?.before as { focusAreas: unknown[] }).focusAreas).toHaveLength(2);
    expect((audit?.after as { focusAreas: unknown[] }).focusAreas).toHaveLength(1);
    expect(saved.version).toBe(c.version + 1);
    const [after] = await database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(after!.cycleFocusAreaId).toBe(area.id);
  });
});

describe("startNextCycle after the start month changed", () => {
  it("starts at the first period by the current start month after the old cycle ended", async () => {
    const B = world.agreementB.id;
    const [newest] = await listCycles(system(database), B);
    expect(newest).toMatchObject({ label: "2026/27", endsOn: "2027-06-30" });
    const s = await getCycleSettings(system(database), B);
    await updateCycleSettings(system(database), { ...s, cycleStartMonth: 1 });
    const next = await startNextCycle(system(database), { cycleId: newest!.id, version: newest!.version });
    expect(next).toMatchObject({
      label: "2028",
      startsOn: "2028-01-01",
      endsOn: "2028-12-31",
      previousCycleId: newest!.id,
    });
    expect((await lastAudit(database, next.id))?.action).toBe("cycle.nextStarted");
  });
});
