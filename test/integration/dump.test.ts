import { describe, expect, it } from "vitest";
import { addAnnexFile, getAgreement, listAgreements } from "../../src/services/agreements/agreements.ts";
import { seedDemo } from "../../src/services/demo/seed.ts";
import { dumpTables, excludedTables, exportDump, importDump, schemaTableNames } from "../../src/services/dump/dump.ts";
import { freshDatabase, system } from "../helpers/db.ts";

const source = await freshDatabase();
const target = await freshDatabase();
const spare = await freshDatabase();

const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
await seedDemo(system(source));
const [first] = await listAgreements(system(source));
const withFile = await addAnnexFile(system(source), {
  agreementId: first!.id,
  version: first!.version,
  title: "Binär bilaga",
  kind: "other",
  filename: "alla-bytes.bin",
  mediaType: "application/octet-stream",
  content: binary,
});
const annexId = withFile.annexes.find((a) => a.title === "Binär bilaga")!.id;

async function rowCounts(pool: typeof source.pool) {
  const counts: Record<string, number> = {};
  for (const t of dumpTables) {
    const { rows } = await pool.query<{ n: string }>(`select count(*) as n from "${t}"`);
    counts[t] = Number(rows[0]!.n);
  }
  return counts;
}

describe("dump", () => {
  it("covers every table of the schema: each is either dumped or deliberately excluded", () => {
    const covered = [...dumpTables, ...excludedTables] as string[];
    expect([...schemaTableNames()].sort()).toEqual([...covered].sort());
    expect(new Set(covered).size).toBe(covered.length);
  });

  it("round-trips losslessly into a second database, binary files included", async () => {
    const dump = await exportDump(source.pool);
    expect(dump).toMatchObject({ format: "samverkan-dump", formatVersion: 1 });
    for (const t of ["organisations", "users", "agreements", "files", "audit_log", "focus_areas"])
      expect(dump.tables[t]!.length, t).toBeGreaterThan(0);
    // Through JSON text, as the CLI writes it to a file.
    const counts = await importDump(target.pool, JSON.parse(JSON.stringify(dump)));
    expect(counts).toEqual(await rowCounts(source.pool));
    const again = await exportDump(target.pool);
    expect(again.tables).toEqual(dump.tables);

    const { rows } = await target.pool.query<{ content: Buffer }>(
      "select f.content from files f join annexes a on a.file_id = f.id where a.id = $1",
      [annexId],
    );
    expect(Buffer.compare(rows[0]!.content, binary)).toBe(0);
    expect(await getAgreement(system(target), first!.id)).toEqual(await getAgreement(system(source), first!.id));
    // The audit sequence continues after the restored ids.
    const { rows: ids } = await target.pool.query<{ id: string }>(
      "insert into audit_log (actor_label, action, entity_type, entity_id) values ('system', 'test', 'test', 'x') returning id",
    );
    expect(Number(ids[0]!.id)).toBeGreaterThan(dump.tables.audit_log!.length);
  });

  it("refuses to import into a database that is not empty (CONFLICT) and writes nothing", async () => {
    const dump = await exportDump(source.pool);
    const before = await rowCounts(target.pool);
    await expect(importDump(target.pool, dump)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await rowCounts(target.pool)).toEqual(before);
    const sourceBefore = await rowCounts(source.pool);
    await expect(importDump(source.pool, dump)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await rowCounts(source.pool)).toEqual(sourceBefore);
  });

  it("refuses malformed dumps (VALIDATION) and writes nothing", async () => {
    const good = await exportDump(source.pool);
    const malformed: unknown[] = [
      null,
      "not a dump",
      {},
      { ...good, format: "pg_dump" },
      { ...good, formatVersion: 2 },
      { ...good, tables: null },
      { ...good, tables: { ...good.tables, sessions: [] } },
      { ...good, tables: { ...good.tables, users: "everyone" } },
    ];
    for (const value of malformed)
      await expect(importDump(spare.pool, value), JSON.stringify(value)?.slice(0, 60)).rejects.toMatchObject({
        code: "VALIDATION",
      });
    expect(Object.values(await rowCounts(spare.pool)).every((n) => n === 0)).toBe(true);
  });

  it("rolls back completely when a row cannot be restored", async () => {
    const good = await exportDump(source.pool);
    const broken = {
      ...good,
      tables: { ...good.tables, agreements: [...good.tables.agreements!, { id: "not-a-uuid" }] },
    };
    await expect(importDump(spare.pool, broken)).rejects.toThrow();
    expect(Object.values(await rowCounts(spare.pool)).every((n) => n === 0)).toBe(true);
  });
});
