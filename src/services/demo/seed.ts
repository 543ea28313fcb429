import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema.ts";
import { createAgreement, setBodies, setFocusAreas, setSignatories } from "../agreements/agreements.ts";
import { createUser, setMembership } from "../auth/users.ts";
import type { Role, ServiceContext } from "../core/context.ts";
import { createOrganisation, setPoliceAreaCoverage } from "../organisations/organisations.ts";
import { demoCycleDepartments, demoCycles } from "./cycle-data.ts";
import { demoAgreements, demoPoliceAreas, DEMO_PASSWORD } from "./data.ts";
import { seedDemoCycle } from "./seed-cycles.ts";

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Writes the demo: the five kommuner of the seed documents, their lokalpolisområden, the agreements
 * as those documents describe them, and four demo accounts. Goes through the services, so every
 * record is validated and audited like a user's.
 */
export async function seedDemo(ctx: ServiceContext) {
  const orgIds = new Map<string, string>();
  for (const area of demoPoliceAreas) {
    const org = await createOrganisation(ctx, { kind: "lpo", name: area.name, policeRegion: area.policeRegion });
    orgIds.set(area.name, org.id);
    await setPoliceAreaCoverage(ctx, {
      policeAreaId: org.id,
      version: org.version,
      coverage: area.covers.map((municipalityCode) => ({ municipalityCode, validFrom: "2015-01-01", validTo: null })),
    });
  }
  for (const a of demoAgreements) {
    const kommun = await createOrganisation(ctx, {
      kind: "kommun",
      name: a.kommun.name,
      municipalityCode: a.kommun.code,
    });
    orgIds.set(a.kommun.name, kommun.id);
    for (const dept of [...(a.departments ?? []), ...(demoCycleDepartments[a.kommun.name] ?? [])]) {
      const d = await createOrganisation(ctx, { kind: "department", name: dept, parentId: kommun.id });
      orgIds.set(dept, d.id);
    }
  }
  const agreementIds = new Map<string, string>();
  for (const a of demoAgreements) {
    const org = (name: string) => orgIds.get(name) ?? null;
    let view = await createAgreement(ctx, {
      ...a.agreement,
      parties: a.parties.map((p) => ({ organisationId: org(p.name)!, ...p.contact })),
    });
    agreementIds.set(a.kommun.name, view.id);
    if (a.signatories.length)
      view = await setSignatories(ctx, {
        agreementId: view.id,
        version: view.version,
        signatories: a.signatories.map(({ organisation, ...s }) => ({ ...s, organisationId: org(organisation) })),
      });
    if (a.bodies.length)
      view = await setBodies(ctx, {
        agreementId: view.id,
        version: view.version,
        bodies: a.bodies.map((b) => ({
          ...b,
          members: b.members.map(({ organisation, ...m }) => ({ ...m, organisationId: org(organisation) })),
        })),
      });
    if (a.focusAreas.length)
      await setFocusAreas(ctx, { agreementId: view.id, version: view.version, focusAreas: a.focusAreas });
  }

  // The yearly cycles: Skara 2020 and Västerås 2022 closed with evaluated promises, Kungsör's current.
  for (const c of demoCycles)
    await seedDemoCycle(ctx, c, {
      agreementId: agreementIds.get(c.kommun)!,
      org: (name) => {
        const id = orgIds.get(name);
        if (!id) throw new Error(`demo cycle names an unknown organisation: ${name}`);
        return id;
      },
    });

  const accounts: { email: string; password: string; description: string }[] = [];
  const account = async (
    email: string,
    name: string,
    description: string,
    roles: [string, Role][],
    isPlatformAdmin = false,
  ) => {
    const user = await createUser(ctx, { email, name, password: DEMO_PASSWORD, isPlatformAdmin });
    for (const [orgName, role] of roles)
      await setMembership(ctx, { userId: user.id, organisationId: orgIds.get(orgName)!, role });
    accounts.push({ email, password: DEMO_PASSWORD, description });
  };
  const kommuner = demoAgreements.map((a) => a.kommun.name);
  await account(
    "samordnare@samverkan.test",
    "Sara Samordnare",
    "brottsförebyggande samordnare, redaktör i de fem demokommunerna",
    kommuner.map((k) => [k, "editor"]),
  );
  await account("kommunpolis@samverkan.test", "Kim Kommunpolis", "kommunpolis, redaktör i LPO Västra Mälardalen", [
    ["Västra Mälardalen", "editor"],
  ]);
  await account("lasare@samverkan.test", "Lisa Läsare", "läsbehörighet i Skara kommun", [["Skara kommun", "viewer"]]);
  await account(
    "atgardsagare@samverkan.test",
    "Alva Åtgärdsägare",
    "åtgärdsägare (bidragsgivare) på Kultur- och fritidsförvaltningen i Kungsör",
    [["Kultur- och fritidsförvaltningen", "contributor"]],
  );
  await account("admin@samverkan.test", "Adam Admin", "plattformsadministratör", [], true);
  return { accounts };
}
