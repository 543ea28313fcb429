import { describe, expect, it } from "vitest";
import { importText } from "../testing/helpers.ts";

const parties = async (text: string) => (await importText(text)).parties;

describe("parties", () => {
  it("finds kommuner in genitive and 'stad' forms by SCB code", async () => {
    const p = await parties("Köpings kommun, Kungsörs kommun och Västerås stad samverkar.");
    expect(p.filter((x) => x.type === "kommun").map((x) => x.code)).toEqual(["1983", "1960", "1980"]);
  });

  it("finds several kommuner named together, and one LPO", async () => {
    const p = await parties("Överenskommelse mellan Mora, Orsa och Älvdalens kommuner och LPO Mora.");
    expect(
      p
        .filter((x) => x.type === "kommun")
        .map((x) => x.code)
        .sort(),
    ).toEqual(["2034", "2039", "2062"]);
    expect(p.filter((x) => x.type === "lpo")).toEqual([{ type: "lpo", name: "Mora" }]);
  });

  it("reads LPO names without the word and without a genitive s", async () => {
    const p = await parties(
      "Skara kommun och Lokalpolisområde Västra Skaraborg tecknar avtal. Redovisning sker till Lokalpolisområdet Västra Skaraborgs ledning.",
    );
    expect(p.filter((x) => x.type === "lpo")).toEqual([{ type: "lpo", name: "Västra Skaraborg" }]);
  });

  it("does not take an LPO's place name for a kommun", async () => {
    const p = await parties("Samverkansöverenskommelse mellan Lokalpolisområde Nybro och Lessebo kommun.");
    expect(p.map((x) => x.code ?? x.name)).toEqual(["Nybro", "0761"]);
  });

  it("finds the polisregion only with police context", async () => {
    expect(
      (await parties("Polismyndigheten Region Väst och Skara kommun.")).some((x) => x.type === "polisregion"),
    ).toBe(true);
    expect((await parties("Region Stockholm och Solna stad.")).some((x) => x.type === "polisregion")).toBe(false);
  });

  it("lists other parties under 'Avtalande parter'", async () => {
    const p = await parties(
      "Avtalande parter är:\n\n- Lokalpolisområde Nybro\n- Lessebo kommun\n- Räddningstjänsten Östra Kronoberg\n",
    );
    expect(p).toContainEqual({ type: "other", name: "Räddningstjänsten Östra Kronoberg" });
  });
});
