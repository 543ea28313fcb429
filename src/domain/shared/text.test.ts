import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, isIsoDate, todayInSweden } from "./dates.ts";
import { findPersonalIdentityNumbers, freeText } from "./text.ts";

/** The Luhn check digit of the nine digits YYMMDDNNN, as Skatteverket computes it. */
function checkDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let n = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

const pad = (n: number, len = 2) => String(n).padStart(len, "0");

describe("isIsoDate", () => {
  it("accepts real calendar dates", () => {
    for (const d of ["2024-02-29", "2025-12-31", "2000-01-01"]) expect(isIsoDate(d)).toBe(true);
  });
  it("refuses impossible dates and other formats", () => {
    for (const d of [
      "2025-02-29",
      "2025-13-01",
      "2025-04-31",
      "2025-00-10",
      "2025-1-1",
      "20250101",
      "2025-01-01T00:00",
      "",
    ])
      expect(isIsoDate(d)).toBe(false);
  });
});

describe("dates", () => {
  it("today in Sweden follows Stockholm time, not UTC", () => {
    expect(todayInSweden(new Date("2025-06-14T22:30:00Z"))).toBe("2025-06-15");
    expect(todayInSweden(new Date("2025-01-14T22:30:00Z"))).toBe("2025-01-14");
  });
  it("counts whole days across daylight saving changes", () => {
    expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2);
    expect(daysBetween("2025-10-31", "2025-10-25")).toBe(-6);
  });
});

describe("findPersonalIdentityNumbers", () => {
  it("finds a valid personnummer in all its written forms", () => {
    expect(findPersonalIdentityNumbers("Kontakt: 811218-9876.")).toEqual(["811218-9876"]);
    expect(findPersonalIdentityNumbers("pnr 8112189876")).toEqual(["8112189876"]);
    expect(findPersonalIdentityNumbers("född 198112189876 i Köping")).toEqual(["198112189876"]);
    expect(findPersonalIdentityNumbers("19811218-9876")).toEqual(["19811218-9876"]);
    expect(findPersonalIdentityNumbers("121212+1212 är över hundra")).toEqual(["121212+1212"]);
  });
  it("finds samordningsnummer (day + 60)", () => {
    expect(findPersonalIdentityNumbers("samordningsnummer 701063-2391")).toEqual(["701063-2391"]);
  });
  it("ignores numbers with a wrong check digit or impossible dates", () => {
    expect(findPersonalIdentityNumbers("811218-9875")).toEqual([]);
    expect(findPersonalIdentityNumbers("811318-9876")).toEqual([]);
    expect(findPersonalIdentityNumbers("Diarienummer 2024-1234, budget 500000 kr")).toEqual([]);
  });
  it("property: every generated valid personnummer or samordningsnummer is found, in every form", () => {
    const pnr = fc
      .record({
        year: fc.integer({ min: 1900, max: 2025 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        serial: fc.integer({ min: 0, max: 999 }),
        samordning: fc.boolean(),
        form: fc.constantFrom("short-dash", "short", "long", "long-dash", "plus"),
        before: fc.constantFrom("", "pnr ", "Anna (", "x: "),
        after: fc.constantFrom("", ".", ") ringer", " och"),
      })
      .map((v) => {
        const yy = pad(v.year % 100);
        const nine = `${yy}${pad(v.month)}${pad(v.day + (v.samordning ? 60 : 0))}${pad(v.serial, 3)}`;
        const last4 = `${nine.slice(6)}${checkDigit(nine)}`;
        const date = nine.slice(0, 6);
        const written = {
          "short-dash": `${date}-${last4}`,
          short: `${date}${last4}`,
          long: `${v.year}`.slice(0, 2) + `${date}${last4}`,
          "long-dash": `${v.year}`.slice(0, 2) + `${date}-${last4}`,
          plus: `${date}+${last4}`,
        }[v.form];
        return { written, text: `${v.before}${written}${v.after}` };
      });
    fc.assert(
      fc.property(pnr, ({ written, text }) => {
        expect(findPersonalIdentityNumbers(text)).toEqual([written]);
      }),
    );
  });
  it("property: changing the check digit of a valid number makes it invisible", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 1, max: 9 }),
        (yy, mm, dd, serial, delta) => {
          const nine = `${pad(yy)}${pad(mm)}${pad(dd)}${pad(serial, 3)}`;
          const wrong = (checkDigit(nine) + delta) % 10;
          expect(findPersonalIdentityNumbers(`${nine.slice(0, 6)}-${nine.slice(6)}${wrong}`)).toEqual([]);
        },
      ),
    );
  });
  it("random Swedish mobile numbers (07x xxx xx xx) are mostly not mistaken for personnummer", () => {
    const phones = fc.sample(fc.stringMatching(/^07[02369]\d{7}$/), { numRuns: 2000, seed: 42 });
    const caught = phones.filter((p) => findPersonalIdentityNumbers(`Ring ${p}`).length > 0);
    expect(caught.length / phones.length).toBeLessThan(0.05);
  });
});

describe("freeText", () => {
  it("refuses a personnummer and accepts ordinary text", () => {
    const schema = freeText(100);
    expect(schema.safeParse("Kontaktperson 811218-9876").success).toBe(false);
    expect(schema.safeParse("  Möte 2025-03-04 kl 10  ").data).toBe("Möte 2025-03-04 kl 10");
  });
});
