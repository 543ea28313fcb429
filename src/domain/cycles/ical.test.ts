import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "./ical.ts";

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });
});

describe("foldLine", () => {
  it("leaves short lines alone and folds long ones at 75 octets without splitting å", () => {
    expect(foldLine("SUMMARY:kort")).toBe("SUMMARY:kort");
    const long = "SUMMARY:" + "å".repeat(80);
    const folded = foldLine(long);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(long);
  });
});

describe("buildCalendar", () => {
  it("writes CRLF lines, all-day events with a stable UID and DTSTAMP", () => {
    const ics = buildCalendar({
      name: "Årshjul, Köping",
      host: "samverkan.test",
      now: new Date("2026-12-01T10:00:00Z"),
      events: [{ uid: "task-1", date: "2026-12-31", summary: "Lägesbild klar; snart", url: "https://x.test/a" }],
    });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(ics).toContain("X-WR-CALNAME:Årshjul\\, Köping\r\n");
    expect(ics).toContain("UID:task-1@samverkan.test\r\n");
    expect(ics).toContain("DTSTAMP:20261201T100000Z\r\n");
    expect(ics).toContain("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
    expect(ics).toContain("SUMMARY:Lägesbild klar\\; snart\r\n");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  });
});
