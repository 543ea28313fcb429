import { describe, expect, it } from "vitest";
import { importText } from "../testing/helpers.ts";
import { splitResponsible } from "./actions.ts";

describe("action-plan tables", () => {
  const table = [
    "## Narkotika",
    "",
    "Orsak\tÅtgärd\tAnsvarig\tUppföljning",
    "Narkotika bland unga\tTemadag för elever.  En informationskväll.\tSkolan, polisen- ( <b>Anette</b> )  BRÅ-gruppen\tRedovisning.",
    "",
    "\tRiktade insatser mot narkotika.\tPolisen\t",
    "--\t--\t--\t--",
    "",
    "Text after the table\tthat has a tab",
  ].join("\n");

  it("splits cells holding several actions and lets continuation rows inherit the cause", async () => {
    const d = await importText(table);
    expect(d.actions.map((a) => a.action)).toEqual([
      "Temadag för elever.",
      "En informationskväll.",
      "Riktade insatser mot narkotika.",
    ]);
    expect(d.actions.every((a) => a.cause === "Narkotika bland unga")).toBe(true);
    expect(d.actions[0]).toMatchObject({
      responsible: ["Skolan", "polisen", "BRÅ-gruppen"],
      contacts: ["Anette"],
      followUp: "Redovisning.",
      focusArea: "Narkotika",
    });
    expect(d.actions[2]).toMatchObject({ responsible: ["Polisen"], followUp: null });
  });

  it("keeps suspended compounds together", () => {
    expect(splitResponsible("Barn- och utbildningsförvaltningen, Kultur- och fritidsenheten ( Camilla )")).toEqual({
      responsible: ["Barn- och utbildningsförvaltningen", "Kultur- och fritidsenheten"],
      contacts: ["Camilla"],
    });
  });

  it("reads Markdown pipe tables", async () => {
    const d = await importText(
      "| Orsak | Åtgärd | Ansvarig |\n|---|---|---|\n| Klotter | Sanering inom 24 timmar | Tekniska förvaltningen |\n",
    );
    expect(d.actions).toEqual([
      {
        focusArea: null,
        cause: "Klotter",
        action: "Sanering inom 24 timmar",
        responsible: ["Tekniska förvaltningen"],
        contacts: [],
        followUp: null,
      },
    ]);
  });
});
