import { describe, expect, it } from "vitest";
import { importText, spanText } from "../testing/helpers.ts";

describe("signatories", () => {
  it("reads signature blocks with organisation lines and the signing place and date", async () => {
    const d = await importText(
      "Samverkansöverenskommelse\n\nKungsör 2022-12-15\n\nClaes-Urban Boström\nKommundirektör\nKungsörs kommun\n\nMaria Bäck\nlokalpolisområdeschef\nlokalpolisområde Västra Mälardalen\n",
    );
    expect(d.signatories).toEqual([
      { name: "Claes-Urban Boström", title: "Kommundirektör", organisation: "Kungsörs kommun" },
      { name: "Maria Bäck", title: "lokalpolisområdeschef", organisation: "lokalpolisområde Västra Mälardalen" },
    ]);
    expect(d.signed).toEqual({ place: "Kungsör", date: "2022-12-15" });
    expect(spanText(d, "signatories/0/name")).toBe("Claes-Urban Boström");
  });

  it("reads names in running text and keeps 'tf' in the title", async () => {
    const d = await importText(
      "Västerås stad och Lokalpolisområde Västerås.\n\nAnders Teljebäck, kommunstyrelsens ordförande och Linda Hedmark, tf Lokalpolisområdeschef Västerås, skriver under samverkansöverenskommelsen.",
    );
    expect(d.signatories).toEqual([
      { name: "Anders Teljebäck", title: "kommunstyrelsens ordförande", organisation: "Västerås stad" },
      { name: "Linda Hedmark", title: "tf Lokalpolisområdeschef", organisation: "Lokalpolisområde Västerås" },
    ]);
  });

  it("invents no signatory from a title without a name, and no date from a blank signature", async () => {
    const d = await importText(
      "Kommunchefen i Köpings kommun och lokalpolisområdeschefen för lokalpolisområde Västra Mälardalen har kommit överens om:\n\n1. att samverka\n\nSkara den ____\n",
    );
    expect(d.signatories).toEqual([]);
    expect(d.signed?.date ?? null).toBeNull();
  });
});
