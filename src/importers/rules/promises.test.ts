import { describe, expect, it } from "vitest";
import { importText } from "../testing/helpers.ts";

describe("citizen promises", () => {
  it("groups promises by who promises, with their period", async () => {
    const d = await importText(
      [
        "# Medborgarlöfte för Skara 2024",
        "",
        "Medborgarlöftet gäller 2024-01-01 – 2024-12-31.",
        "",
        "Polisen lovar att:",
        "- genomföra minst 30 trafikkontroller",
        "- vara synliga i centrum",
        "",
        "Kommunen lovar:",
        "- förbättra belysningen i parken",
        "",
        "Tillsammans lovar vi:",
        "- genomföra två trygghetsvandringar",
      ].join("\n"),
    );
    expect(d.kind).toBe("citizen_promise");
    expect(d.promises.map((p) => p.by)).toEqual(["polisen", "polisen", "kommunen", "gemensamt"]);
    expect(d.promises[0]!.text).toBe("genomföra minst 30 trafikkontroller");
    expect(d.promisePeriod).toEqual({ from: "2024-01-01", to: "2024-12-31" });
  });

  it("reads 'ansvarar för att' as a promise inside a promise section only", async () => {
    const d = await importText(
      "# Medborgarlöfte 2023\n\nKommunen ansvarar för att:\n- klottersanera inom 48 timmar\n\nPolisen ansvarar för att:\n- patrullera fredagskvällar\n",
    );
    expect(d.promises.map((p) => p.by)).toEqual(["kommunen", "polisen"]);
    const agreement = await importText("Samverkansöverenskommelse\n\nKommunen ansvarar för att:\n- kalla till möten\n");
    expect(agreement.promises).toEqual([]);
  });

  it("reads inline promises", async () => {
    const d = await importText("Medborgarlöfte\n\nPolisen lovar att öka närvaron vid busstationen under helger.");
    expect(d.promises).toEqual([{ by: "polisen", text: "öka närvaron vid busstationen under helger" }]);
  });
});
