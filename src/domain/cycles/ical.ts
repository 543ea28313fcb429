import type { IsoDate } from "../shared/dates.ts";

/** One all-day entry of a feed: a task of the årshjul or an action's deadline. */
export interface CalendarEvent {
  /** Stable across fetches, so calendar apps update the entry instead of adding a copy. */
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
  url?: string;
}

/** RFC 5545 3.3.11: backslash, semicolon and comma are escaped; newlines become "\n". */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF + one space. Splits on UTF-8
 * octets without cutting a multi-byte character (å, ä, ö are two octets each).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const basicDate = (date: IsoDate) => date.replace(/-/g, "");
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** A whole VCALENDAR with all-day VEVENTs; every line CRLF-terminated and folded. */
export function buildCalendar(input: { name: string; events: CalendarEvent[]; now: Date; host: string }): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Samverkan//Arshjul//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.name)}`,
    "X-WR-TIMEZONE:Europe/Stockholm",
  ];
  const dtstamp = stamp(input.now);
  for (const e of input.events) {
    const next = new Date(`${e.date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}@${input.host}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(next.toISOString().slice(0, 10))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
