import { describe, expect, it } from "vitest";
import { loadSwedishWordList } from "./dictionary.ts";

describe("Swedish word list", async () => {
  const words = await loadSwedishWordList();

  it.each(["lägesbild", "gäller", "möjliggör", "fokusområden", "är", "Köpings", "Köpingsbornas", "Västerås"])(
    "knows %s",
    (w) => expect(words.isWord(w)).toBe(true),
  );

  it.each(["samverkansöverenskommelse", "brottsförebyggande", "lokalpolisområdeschefen", "BRÅ-gruppen"])(
    "reads the compound %s",
    (w) => expect(words.isWord(w)).toBe(true),
  );

  it.each(["ligesbild", "brottsférebyggande", "f6r", "Vistra", "giller", "lokalpolisomride"])("rejects %s", (w) =>
    expect(words.isWord(w)).toBe(false),
  );

  // Bounded by the test timeout: compound splitting must not go quadratic on a huge token.
  it("answers for absurd input", () => {
    expect(words.isWord("a".repeat(100_000))).toBe(false);
  });
});
