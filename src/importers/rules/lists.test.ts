import { describe, expect, it } from "vitest";
import { importText } from "../testing/helpers.ts";

describe("focus areas and commitments", () => {
  it("reads focus areas after an intro phrase", async () => {
    const d = await importText(
      "Utifrån lägesbilden är följande områden prioriterade för 2020 års arbete:\n\n1. Narkotika i centrum.\n2. Grannsamverkan\n3. Trafik\n",
    );
    expect(d.focusAreas).toEqual([{ title: "Narkotika i centrum" }, { title: "Grannsamverkan" }, { title: "Trafik" }]);
  });

  it("reads focus areas under a heading with an intro line", async () => {
    const d = await importText(
      "### Prioriterade samverkansområden\n\nPrioriterade områden är:\n\n- Otrygga platser\n- Skolsäkerhet\n",
    );
    expect(d.focusAreas.map((f) => f.title)).toEqual(["Otrygga platser", "Skolsäkerhet"]);
  });

  it("does not turn commitments into focus areas", async () => {
    const d = await importText(
      "Åtagande\nParterna har kommit överens om:\n\n1. att det ska finnas en styrgrupp\n\n2. att det ska finnas en samordnare\n\nVi har identifierat ett antal fokusområden.\n",
    );
    expect(d.focusAreas).toEqual([]);
    expect(d.commitments.map((c) => c.text)).toEqual([
      "att det ska finnas en styrgrupp",
      "att det ska finnas en samordnare",
    ]);
    expect(d.bodies.map((b) => b.kind)).toEqual(expect.arrayContaining(["steeringGroup", "coordinator"]));
  });
});
