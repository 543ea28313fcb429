import { describe, expect, it } from "vitest";
import { auditCount, freshDatabase, twoOrganisationWorld } from "../helpers/db.ts";

const database = await freshDatabase();
await twoOrganisationWorld(database);

describe("audit log", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE raise errors and change nothing", async () => {
    const count = await auditCount(database);
    expect(count).toBeGreaterThan(0);
    const { rows: before } = await database.pool.query("select * from audit_log order by id");
    await expect(database.pool.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(
      database.pool.query("UPDATE audit_log SET actor_label = 'x' WHERE id = (select min(id) from audit_log)"),
    ).rejects.toThrow(/append-only/);
    await expect(database.pool.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(database.pool.query("DELETE FROM audit_log WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(database.pool.query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    const { rows: after } = await database.pool.query("select * from audit_log order by id");
    expect(after).toEqual(before);
  });

  it("still accepts new records", async () => {
    const count = await auditCount(database);
    await database.pool.query(
      "insert into audit_log (actor_label, action, entity_type, entity_id) values ('system', 'test.appended', 'test', 'x')",
    );
    expect(await auditCount(database)).toBe(count + 1);
  });
});
