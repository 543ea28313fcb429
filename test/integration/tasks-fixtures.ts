import { actionResponsibles, actions, cycles } from "../../src/db/schema.ts";
import type { Database } from "../../src/db/client.ts";

/** A cycle with actions in it, written directly (the cycle and actions modules own their own writes). */
export async function cycleWithActions(
  database: Database,
  agreementId: string,
  responsibleId: string,
  now: Date,
  list: { title: string; deadline?: string | null; status?: "planned" | "ongoing" | "done"; idleDays?: number }[],
) {
  const [cycle] = await database.db
    .insert(cycles)
    .values({ agreementId, label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31" })
    .returning();
  const rows = [];
  for (const [position, a] of list.entries()) {
    const [row] = await database.db
      .insert(actions)
      .values({
        cycleId: cycle!.id,
        position,
        title: a.title,
        deadline: a.deadline ?? null,
        status: a.status ?? "ongoing",
        lastActivityAt: new Date(now.getTime() - (a.idleDays ?? 1) * 86_400_000),
      })
      .returning();
    await database.db
      .insert(actionResponsibles)
      .values({ actionId: row!.id, organisationId: responsibleId, position: 0 });
    rows.push(row!);
  }
  return { cycle: cycle!, actions: rows };
}
