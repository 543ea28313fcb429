import { describe, expect, it } from "vitest";
import { referenceNames } from "../rules/parties.ts";
import { loadSwedishWordList } from "./dictionary.ts";
import { repairOcr, repairToken } from "./ocr.ts";

describe("OCR repair", async () => {
  const words = await loadSwedishWordList();
  const options = { words, names: referenceNames() };
  const fix = (t: string) => repairToken(t, options, { allowWeak: true, sentenceStart: false });

  it.each([
    ["Koépings", "Köpings"],
    ["6verenskommelsen", "överenskommelsen"],
    ["f6r", "för"],
    ["ligesbild", "lägesbild"],
    ["brottsférebyggande", "brottsförebyggande"],
    ["Vistra", "Västra"],
    ["Milardalen", "Mälardalen"],
    ["16pande", "löpande"],
    ["K&pings", "Köpings"],
    ["lokalpolisomride", "lokalpolisområde"],
    ["Kopings", "Köpings"],
  ])("repairs %s → %s", (damaged, repaired) => expect(fix(damaged)).toBe(repaired));

  it("capitalises a repaired first letter at a sentence start", () => {
    expect(repairToken("6verenskommelsen", options, { allowWeak: true, sentenceStart: true })).toBe("Överenskommelsen");
  });

  it("leaves a clean text alone, unknown surnames included", () => {
    const clean =
      "Kungsörs kommun och lokalpolisområde Västra Mälardalen. Claes-Urban Boström, Anders Teljebäck och Johan Rexhag skriver under. Mal och for är ovanliga ord.";
    const report = repairOcr(clean, options);
    expect(report.text).toBe(clean);
    expect(report.damaged).toBe(false);
  });

  it("repairs a damaged paragraph, with the frequent-word and lone-1 rules", () => {
    const damaged =
      "Arbetet ska ske utifran en gemensam lokal ligesbild f6r brottsférebyggande arbete. For varje aktivitet finns en plan som dr konkretiserad 1 bilagan.";
    const report = repairOcr(damaged, options);
    expect(report.damaged).toBe(true);
    expect(report.text).toBe(
      "Arbetet ska ske utifrån en gemensam lokal lägesbild för brottsförebyggande arbete. För varje aktivitet finns en plan som är konkretiserad i bilagan.",
    );
  });

  it("keeps numbers: '1 januari' and years are not touched", () => {
    const damaged = "Lägesbilden ska vara klar f6r 1 januari 2024 och brottsférebyggande arbete 1 mars.";
    expect(repairOcr(damaged, options).text).toContain("1 januari 2024");
  });

  it("gives up on text that is not Swedish", () => {
    const garbage = Array.from({ length: 200 }, (_, i) => `xq${i}zk f6r`).join(" ");
    const report = repairOcr(garbage, options);
    expect(report.text).toBe(garbage);
  });
});
