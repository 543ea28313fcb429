import { describe, expect, it } from "vitest";
import { importText, spanText } from "../testing/helpers.ts";

const validity = async (text: string) => (await importText(text)).validity;

describe("validity", () => {
  it("reads a period in words", async () => {
    expect(await validity("Överenskommelsen gäller från den 1 mars 2023 till 28 februari 2027.")).toMatchObject({
      from: "2023-03-01",
      to: "2027-02-28",
      untilFurtherNotice: false,
    });
  });

  it("reads an end date only", async () => {
    expect(await validity("Överenskommelsen gäller till och med 31 december 2024.")).toMatchObject({
      from: null,
      to: "2024-12-31",
    });
  });

  it("reads a year range under a validity heading, with any dash", async () => {
    const text = "# Samverkansöverenskommelse\n\n## Överenskommelsens giltighetstid\n\n- 2019—2021\n";
    expect(await validity(text)).toMatchObject({ from: "2019-01-01", to: "2021-12-31" });
  });

  it("reads 'tills vidare' with a revision interval and terminability", async () => {
    const v = await validity(
      "Åtaganden i denna överenskommelse gäller från 2022-12-15 tills vidare, och revideras vid behov. Överenskommelsen kan sägas upp av båda parter.",
    );
    expect(v).toEqual({
      from: "2022-12-15",
      to: null,
      untilFurtherNotice: true,
      terminable: true,
      revision: "vid behov",
    });
  });

  it("does not take publication dates, deadlines or promise periods as validity", async () => {
    const text = [
      "Samverkansöverenskommelse",
      "",
      "Kommunen ska senast den 1 juni initiera möten. Medborgarlöftet gäller 2024-04-01 – 2024-09-30.",
      "",
      "Publicerad 2019-11-05 15.19",
      "",
      "Senast ändrad 2019-12-18 10.18",
    ].join("\n");
    const d = await importText(text);
    expect(d.validity).toMatchObject({ from: null, to: null });
    expect(d.text).not.toContain("Publicerad");
  });

  it("points the provenance at the date as written", async () => {
    const d = await importText("Avtalet gäller för perioden 2020-01-01 till och med 2023-12-31.");
    expect(spanText(d, "validity/from")).toBe("2020-01-01");
    expect(spanText(d, "validity/to")).toBe("2023-12-31");
  });
});
