import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importDocument, ImportDraftSchema, ImportError } from "./index.ts";
import { importText } from "./testing/helpers.ts";

const seedsDir = join(dirname(fileURLToPath(import.meta.url)), "../../../shared/seeds");
const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith(".txt")) : [];

describe.skipIf(seeds.length === 0)("seed documents", () => {
  it.each(seeds)("%s gives a valid draft whose spans point at their values", async (file) => {
    const draft = await importDocument({ bytes: new Uint8Array(readFileSync(join(seedsDir, file))) });
    expect(ImportDraftSchema.parse(draft)).toBeTruthy();
    expect(draft.kind).toBe("agreement");
    for (const f of draft.fields) {
      expect(f.end).toBeLessThanOrEqual(draft.text.length);
      expect(f.start).toBeLessThanOrEqual(f.end);
    }
    for (const [i, party] of draft.parties.entries()) {
      const f = draft.fields.find((x) => x.path === `parties/${i}`)!;
      if (party.type === "lpo") expect(draft.text.slice(f.start, f.end)).toBe(party.name);
    }
  });
});

describe("the text pipeline on arbitrary input", () => {
  const swedishish = fc.stringMatching(/^[ a-zA-ZåäöÅÄÖé0-9.,:;()\n\t–\-#*|_&]{0,400}$/);
  const phrases = fc.constantFrom(
    "Köpings kommun",
    "lokalpolisområde Västra Mälardalen",
    "gäller från 2022-12-15 tills vidare",
    "2019-2023",
    "Orsak\tÅtgärd\tAnsvarig\tUppföljning\n",
    "Polisen lovar:\n- ",
    "Anders Teljebäck, kommunstyrelsens ordförande",
    "följande områden är prioriterade:\n1. ",
    "Skara den ____",
    "f6r ligesbild",
    "\n\n",
    "--\t--",
  );
  const documents = fc.array(fc.oneof(swedishish, phrases), { maxLength: 30 }).map((parts) => parts.join(" "));

  it("never throws anything but ImportError, and every span lies inside the text", async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        try {
          const draft = await importText(text);
          ImportDraftSchema.parse(draft);
          for (const f of draft.fields) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeGreaterThanOrEqual(f.start);
            expect(f.end).toBeLessThanOrEqual(draft.text.length);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await importDocument({ bytes }).catch((error: unknown) => expect(error).toBeInstanceOf(ImportError));
      }),
      { numRuns: 100 },
    );
  });
});

describe("large inputs", () => {
  // Bounded by the test timeout (no timing assertions): a 1 MB text must not make a rule backtrack.
  it("imports a 1 MB text", async () => {
    const paragraph =
      "Överenskommelsen gäller från 2020-01-01 till och med 2023-12-31. Skara kommun och lokalpolisområde Västra Skaraborg samverkar. f6r ligesbild (((( ---- ____ \t\t  \n\n";
    const draft = await importText(paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)));
    expect(draft.validity.from).toBe("2020-01-01");
  }, 20_000);

  it("imports a 1 MB line without breaks", async () => {
    const draft = await importText(`Samverkansöverenskommelse ${"ab cd ".repeat(170_000)}`);
    expect(draft.kind).toBe("agreement");
  }, 20_000);
});
