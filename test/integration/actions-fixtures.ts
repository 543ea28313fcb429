import type { Database } from "../../src/db/client.ts";
import { bodies, causes, citizenPromises, cycleFocusAreas, cycles, indicators, problems } from "../../src/db/schema.ts";
import { createOrganisation } from "../../src/services/organisations/organisations.ts";
import { makeUser, system, twoOrganisationWorld } from "../helpers/db.ts";

/**
 * A world for the actions module: agreement A with a 2025 cycle (a focus area, a problem with a
 * cause, an indicator, a body, a citizen promise), agreement B with its own cycle, and the people
 * who may or may not touch them. Cycle rows are written directly: the cycle module owns their use cases.
 */
export async function actionsWorld(database: Database) {
  const world = await twoOrganisationWorld(database);
  const ctx = system(database);
  const db = database.db;
  // Owners outside the agreement: an authority without a parent, a department that is not a party.
  const rescue = await createOrganisation(ctx, { kind: "authority", name: "Räddningstjänsten Mälardalen" });
  const department = await createOrganisation(ctx, {
    kind: "department",
    name: "Socialförvaltningen",
    parentId: world.kommunA.id,
  });

  async function cycleFor(agreementId: string, label: string) {
    const [cycle] = await db
      .insert(cycles)
      .values({ agreementId, label, startsOn: "2025-01-01", endsOn: "2025-12-31" })
      .returning();
    const [focusArea] = await db
      .insert(cycleFocusAreas)
      .values({ cycleId: cycle!.id, position: 1, title: `Trygg stadskärna ${label}` })
      .returning();
    const [problem] = await db
      .insert(problems)
      .values({ cycleId: cycle!.id, position: 1, title: `Otrygghet vid resecentrum ${label}`, prioritised: true })
      .returning();
    const [cause] = await db
      .insert(causes)
      .values({ problemId: problem!.id, position: 1, axis: "place", text: `Dålig belysning ${label}` })
      .returning();
    const [indicator] = await db
      .insert(indicators)
      .values({
        agreementId,
        position: 1,
        name: `Anmälda misshandelsbrott ${label}`,
        direction: "decrease",
        values: [
          { year: 2023, value: null, suppressed: true, note: "För få anmälningar" },
          { year: 2024, value: 120, suppressed: false, note: "" },
          { year: 2025, value: 95, suppressed: false, note: "" },
        ],
      })
      .returning();
    const [body] = await db
      .insert(bodies)
      .values({ agreementId, position: 1, name: `Styrgruppen ${label}`, kind: "steering_group" })
      .returning();
    const [promise] = await db
      .insert(citizenPromises)
      .values({ agreementId, position: 1, promiser: "together", text: `Vi lovar ${label}` })
      .returning();
    return {
      cycle: cycle!,
      focusArea: focusArea!,
      problem: problem!,
      cause: cause!,
      indicator: indicator!,
      body: body!,
      promise: promise!,
    };
  }

  const a = await cycleFor(world.agreementA.id, "A");
  const b = await cycleFor(world.agreementB.id, "B");
  const people = {
    editor: await makeUser(database, [[world.kommunA.id, "editor"]]),
    policeEditor: await makeUser(database, [[world.lpoA.id, "editor"]]),
    viewer: await makeUser(database, [[world.kommunA.id, "viewer"]]),
    otherEditor: await makeUser(database, [[world.kommunB.id, "editor"]]),
    /** Contributor in a responsible organisation that is not a party and reads nothing else. */
    owner: await makeUser(database, [[rescue.id, "contributor"]]),
    /** Viewer in the same organisation: may see the action, not update it. */
    ownerViewer: await makeUser(database, [[rescue.id, "viewer"]]),
    departmentContributor: await makeUser(database, [[department.id, "contributor"]]),
  };
  return { ...world, rescue, department, a, b, people };
}
