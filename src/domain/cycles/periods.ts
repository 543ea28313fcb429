import type { IsoDate } from "../shared/dates.ts";

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

/** The period right after `endsOn`: same start month, the following year. */
export function nextPeriod(endsOn: IsoDate): CyclePeriod & { year: number } {
  const d = new Date(Date.parse(`${endsOn}T00:00:00Z`) + 86_400_000);
  const year = d.getUTCFullYear();
  return { ...cyclePeriod(d.getUTCMonth() + 1, year), year };
}

/** Two closed date ranges overlap. */
export function periodsOverlap(a: { startsOn: IsoDate; endsOn: IsoDate }, b: { startsOn: IsoDate; endsOn: IsoDate }) {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/** A date within the period (inclusive); null dates are not. */
export function withinPeriod(date: IsoDate | null, p: { startsOn: IsoDate; endsOn: IsoDate }): boolean {
  return date !== null && date >= p.startsOn && date <= p.endsOn;
}
