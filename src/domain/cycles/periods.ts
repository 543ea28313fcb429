import { addDays, type IsoDate } from "../shared/dates.ts";

export interface CyclePeriod {
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** "2025", or "2025/26" when the cycle starts in another month than January. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The last day of the month before `month` (1–12) of `year`, i.e. the day before yyyy-mm-01. */
function dayBefore(year: number, month: number): IsoDate {
  const d = new Date(Date.UTC(year, month - 1, 0));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The yearly cycle that starts on the first of `startMonth` in `year` and lasts twelve months. */
export function cyclePeriod(startMonth: number, year: number): CyclePeriod {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) throw new RangeError("startMonth");
  const startsOn = `${year}-${pad(startMonth)}-01`;
  const endsOn = dayBefore(year + 1, startMonth);
  const label = startMonth === 1 ? String(year) : `${year}/${pad((year + 1) % 100)}`;
  return { startsOn, endsOn, label };
}

/** The cycle (by the agreement's start month) that contains `date`. */
export function cycleContaining(startMonth: number, date: IsoDate): CyclePeriod & { year: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return { ...cyclePeriod(startMonth, startYear), year: startYear };
}

/**
 * The cycle that follows one ending on `endsOn`: the first period by the agreement's current start
 * month that starts after that day. With an unchanged start month it begins the day after; when the
 * start month was changed since, the next cycle begins at the next such month (2025 ended 31 Dec,
 * start month now July → 2026/27 from 1 July 2026; the months between belong to no cycle, so every
 * cycle stays twelve months long and can still be created by year).
 */
export function nextPeriod(endsOn: IsoDate, startMonth: number): CyclePeriod & { year: number } {
  const dayAfter = addDays(endsOn, 1);
  const year = Number(dayAfter.slice(0, 4));
  const sameYear = cyclePeriod(startMonth, year);
  return sameYear.startsOn >= dayAfter
    ? { ...sameYear, year }
    : { ...cyclePeriod(startMonth, year + 1), year: year + 1 };
}

/** The days between a cycle and its next one that belong to neither (after the start month changed), or null. */
export function gapBetween(endsOn: IsoDate, next: { startsOn: IsoDate }): { from: IsoDate; to: IsoDate } | null {
  const from = addDays(endsOn, 1);
  return from < next.startsOn ? { from, to: addDays(next.startsOn, -1) } : null;
}

export { addDays };

/** Two closed date ranges overlap. */
export function periodsOverlap(a: { startsOn: IsoDate; endsOn: IsoDate }, b: { startsOn: IsoDate; endsOn: IsoDate }) {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/** A date within the period (inclusive); null dates are not. */
export function withinPeriod(date: IsoDate | null, p: { startsOn: IsoDate; endsOn: IsoDate }): boolean {
  return date !== null && date >= p.startsOn && date <= p.endsOn;
}
