import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  counties,
  countyByCode,
  municipalities,
  municipalityByCode,
  municipalitySlug,
  policeRegions,
} from "./sweden.ts";

// ../shared/reference/kommuner.csv relative to the project root (SCB's list, kept outside the repo).
const csvPath = fileURLToPath(new URL("../../../../shared/reference/kommuner.csv", import.meta.url));
const haveCsv = existsSync(csvPath);

describe("Swedish reference data", () => {
  it("has 290 kommuner with unique four-digit codes", () => {
    expect(municipalities).toHaveLength(290);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(290);
    for (const m of municipalities) expect(m.code).toMatch(/^\d{4}$/);
  });
  it("has 21 län and 7 polisregioner, and every län has a known polisregion", () => {
    expect(counties).toHaveLength(21);
    expect(policeRegions).toHaveLength(7);
    const regionCodes = new Set(policeRegions.map((r) => r.code));
    for (const c of counties) expect(regionCodes.has(c.policeRegion)).toBe(true);
  });
  it("puts every kommun in a län that exists, given by its code's first two digits", () => {
    for (const m of municipalities) {
      expect(countyByCode(m.countyCode), m.code).toBeDefined();
      expect(m.countyCode).toBe(m.code.slice(0, 2));
    }
    expect(municipalityByCode("0761")?.name).toBe("Lessebo");
  });
  it("makes URL slugs", () => {
    expect(municipalitySlug("Västerås")).toBe("vasteras");
    expect(municipalitySlug("Upplands Väsby")).toBe("upplands-vasby");
    expect(municipalitySlug("Örnsköldsvik")).toBe("ornskoldsvik");
  });
});

describe.skipIf(!haveCsv)(`kommuner against ${csvPath}${haveCsv ? "" : " (SKIPPED: file not found)"}`, () => {
  const rows = haveCsv
    ? readFileSync(csvPath, "utf8")
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => {
          const [code, , shortName, countyCode] = line.split(",").map((s) => s.trim());
          return { code: code!, name: shortName!, countyCode: countyCode! };
        })
    : [];

  it("lists the same 290 codes", () => {
    expect(rows).toHaveLength(290);
    expect(municipalities.map((m) => m.code).sort()).toEqual(rows.map((r) => r.code).sort());
  });
  it("agrees on every kommun's short name and county code", () => {
    const ours = municipalities.map((m) => ({ code: m.code, name: m.name, countyCode: m.countyCode }));
    const byCode = (x: { code: string }, y: { code: string }) => x.code.localeCompare(y.code);
    expect([...ours].sort(byCode)).toEqual([...rows].sort(byCode));
  });
});
