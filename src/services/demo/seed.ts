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
  // Each belongs to its own agreement, and the accounts depend on none of them: all are written side
  // by side, so the first start is faster (argon2 hashing runs on the thread pool).
  const cyclesWritten = Promise.all(
    demoCycles.map((c) =>
      seedDemoCycle(ctx, c, {
        agreementId: agreementIds.get(c.kommun)!,
        org: (name) => {
          const id = orgIds.get(name);
          if (!id) throw new Error(`demo cycle names an unknown organisation: ${name}`);
          return id;
        },
      }),
    ),
  );
  const kommuner = demoAgreements.map((a) => a.kommun.name);
  const specs: { email: string; name: string; description: string; roles: [string, Role][]; admin?: boolean }[] = [
    {
      email: "samordnare@samverkan.test",
      name: "Sara Samordnare",
      description: "brottsförebyggande samordnare, redaktör i de fem demokommunerna",
      roles: kommuner.map((k) => [k, "editor"]),
    },
    {
      email: "kommunpolis@samverkan.test",
      name: "Kim Kommunpolis",
      description: "kommunpolis, redaktör i LPO Västra Mälardalen",
      roles: [["Västra Mälardalen", "editor"]],
    },
    {
      email: "lasare@samverkan.test",
      name: "Lisa Läsare",
      description: "läsbehörighet i Skara kommun",
      roles: [["Skara kommun", "viewer"]],
    },
    {
      email: "atgardsagare@samverkan.test",
      name: "Alva Åtgärdsägare",
      description: "åtgärdsägare (bidragsgivare) på Kultur- och fritidsförvaltningen i Kungsör",
      roles: [["Kultur- och fritidsförvaltningen", "contributor"]],
    },
    {
      email: "admin@samverkan.test",
      name: "Adam Admin",
      description: "plattformsadministratör",
      roles: [],
      admin: true,
    },
  ];
  const accounts = await Promise.all(
    specs.map(async (a) => {
      const user = await createUser(ctx, {
        email: a.email,
        name: a.name,
        password: DEMO_PASSWORD,
        isPlatformAdmin: a.admin ?? false,
      });
      for (const [orgName, role] of a.roles)
        await setMembership(ctx, { userId: user.id, organisationId: orgIds.get(orgName)!, role });
      return { email: a.email, password: DEMO_PASSWORD, description: a.description };
    }),
  );
  await cyclesWritten;
  return { accounts };
}
