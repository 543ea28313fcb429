import { describe, expect, it } from "vitest";
import { kommunSlug, municipalityBySlug, slugForMunicipalityCode } from "./slug.ts";
import { municipalities } from "./sweden.ts";

describe("kommunSlug", () => {
  it.each([
    ["Västerås", "vasteras"],
    ["Upplands Väsby", "upplands-vasby"],
    ["Malung-Sälen", "malung-salen"],
    ["Köping", "koping"],
    ["Åre", "are"],
    ["Örnsköldsvik", "ornskoldsvik"],
    ["Upplands-Bro", "upplands-bro"],
    ["Lilla Edet", "lilla-edet"],
  ])("%s → %s", (name, slug) => {
    expect(kommunSlug(name)).toBe(slug);
  });

  it("strips other diacritics and stray separators", () => {
    expect(kommunSlug("  Café Ångström é ü  ")).toBe("cafe-angstrom-e-u");
  });

  it("folds Habo and Håbo to the same name: the only meeting among the 290", () => {
    const plain = municipalities.map((m) => kommunSlug(m.name));
    const dupes = plain.filter((s, i) => plain.indexOf(s) !== i);
    expect(dupes).toEqual(["habo"]);
  });

  it("gives all 290 kommuner unique, URL-safe page slugs (Håbo gets its län)", () => {
    expect(municipalities).toHaveLength(290);
    const slugs = municipalities.map((m) => slugForMunicipalityCode(m.code)!);
    expect(new Set(slugs).size).toBe(290);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugForMunicipalityCode("0643")).toBe("habo");
    expect(slugForMunicipalityCode("0305")).toBe("habo-uppsala-lan");
    // Everyone else gets exactly the folded name.
    for (const m of municipalities)
      if (m.code !== "0305") expect(slugForMunicipalityCode(m.code)).toBe(kommunSlug(m.name));
  });

  it("finds the kommun by its slug, and nothing for an unknown one", () => {
    expect(municipalityBySlug("vasteras")?.code).toBe("1980");
    expect(municipalityBySlug("koping")?.code).toBe("1983");
    expect(municipalityBySlug("habo-uppsala-lan")?.name).toBe("Håbo");
    expect(municipalityBySlug("atlantis")).toBeUndefined();
    for (const m of municipalities) expect(municipalityBySlug(slugForMunicipalityCode(m.code)!)).toBe(m);
  });
});
