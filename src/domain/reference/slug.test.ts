import { describe, expect, it } from "vitest";
import { kommunSlug, municipalityBySlug } from "./slug.ts";
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

  it("gives all 290 kommuner unique, URL-safe slugs", () => {
    expect(municipalities).toHaveLength(290);
    const slugs = municipalities.map((m) => kommunSlug(m.name));
    expect(new Set(slugs).size).toBe(290);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("finds the kommun by its slug, and nothing for an unknown one", () => {
    expect(municipalityBySlug("vasteras")?.code).toBe("1980");
    expect(municipalityBySlug("koping")?.code).toBe("1983");
    expect(municipalityBySlug("atlantis")).toBeUndefined();
    for (const m of municipalities) expect(municipalityBySlug(kommunSlug(m.name))).toBe(m);
  });
});
