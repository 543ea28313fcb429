import { addDays, daysBetween, todayInSweden, type IsoDate } from "../shared/dates.ts";
import { isActionOpen, type ActionStatus } from "./vocabulary.ts";

/**
 * How long an action has gone without an update, in whole days (Swedish calendar days), and
 * whether that is longer than the agreement allows: "senast uppdaterad för 94 dagar sedan".
 */
export function staleness(lastActivityAt: Date | string, today: IsoDate, staleAfterDays: number) {
  const at = typeof lastActivityAt === "string" ? new Date(lastActivityAt) : lastActivityAt;
  const days = Math.max(0, daysBetween(todayInSweden(at), today));
  return { days, stale: days > staleAfterDays };
}

/** How far ahead "Kommande" looks. */
export const UPCOMING_DAYS = 30;

export interface TodoTaskRow {
  id: string;
  agreementId: string;
  agreementTitle: string;
  title: string;
  dueOn: IsoDate;
  ownerUserId: string | null;
}

export interface TodoActionRow {
  id: string;
  agreementId: string;
  agreementTitle: string;
  cycleId: string;
  title: string;
  status: ActionStatus;
  deadline: IsoDate | null;
  lastActivityAt: Date | string;
  version: number;
  staleAfterDays: number;
}

export type TodoLine =
  | {
      kind: "task";
      id: string;
      title: string;
      agreementId: string;
      agreementTitle: string;
      href: string;
      dueOn: IsoDate;
      /** > 0: days late; ≤ 0: days left. */
      daysLate: number;
      mine: boolean;
    }
  | {
      kind: "action";
      id: string;
      title: string;
      agreementId: string;
      agreementTitle: string;
      href: string;
      status: ActionStatus;
      deadline: IsoDate | null;
      daysLate: number;
      /** Days since anyone updated it. */
      idleDays: number;
      stale: boolean;
      version: number;
    };

export interface TodoList {
  today: IsoDate;
  /** Tasks and actions past their date, oldest first. */
  overdue: TodoLine[];
  /** Tasks due within UPCOMING_DAYS, soonest first. */
  upcoming: TodoLine[];
  /** Open actions nobody has updated for the agreement's staleAfterDays, longest idle first. */
  waiting: TodoLine[];
}

export const todoSize = (list: TodoList) => list.overdue.length + list.upcoming.length + list.waiting.length;

/**
 * Sorts the rows the queries found into the "Att göra" sections. Finished actions never count; an
 * action past its deadline is "Försenat" (its idle time is still shown); an action idle too long but
 * not late is "väntar på uppdatering".
 */
const swedish = new Intl.Collator("sv");

export function assembleTodo(input: {
  today: IsoDate;
  userId: string;
  tasks: TodoTaskRow[];
  actions: TodoActionRow[];
}): TodoList {
  const { today } = input;
  const horizon = addDays(today, UPCOMING_DAYS);
  const overdue: TodoLine[] = [];
  const upcoming: TodoLine[] = [];
  const waiting: TodoLine[] = [];
  for (const t of input.tasks) {
    if (t.dueOn > horizon) continue;
    const line: TodoLine = {
      kind: "task",
      id: t.id,
      title: t.title,
      agreementId: t.agreementId,
      agreementTitle: t.agreementTitle,
      href: `/overenskommelser/${t.agreementId}/arshjul`,
      dueOn: t.dueOn,
      daysLate: daysBetween(t.dueOn, today),
      mine: t.ownerUserId === input.userId,
    };
    (t.dueOn < today ? overdue : upcoming).push(line);
  }
  for (const a of input.actions) {
    if (!isActionOpen(a.status)) continue;
    const { days, stale } = staleness(a.lastActivityAt, today, a.staleAfterDays);
    const late = a.deadline !== null && a.deadline < today;
    if (!late && !stale) continue;
    const line: TodoLine = {
      kind: "action",
      id: a.id,
      title: a.title,
      agreementId: a.agreementId,
      agreementTitle: a.agreementTitle,
      href: `/overenskommelser/${a.agreementId}/cykler/${a.cycleId}/atgarder/${a.id}`,
      status: a.status,
      deadline: a.deadline,
      daysLate: a.deadline ? daysBetween(a.deadline, today) : 0,
      idleDays: days,
      stale,
      version: a.version,
    };
    (late ? overdue : waiting).push(line);
  }
  // One collator for all comparisons (localeCompare with a locale builds one per call: at 20 000
  // lines that was most of the list's time – see `npm run bench todo`); ISO dates compare as strings.
  const byTitle = (x: TodoLine, y: TodoLine) => swedish.compare(x.title, y.title);
  const dateOf = (l: TodoLine) => (l.kind === "task" ? l.dueOn : (l.deadline ?? today));
  const byDate = (x: TodoLine, y: TodoLine) => {
    const a = dateOf(x);
    const b = dateOf(y);
    return a < b ? -1 : a > b ? 1 : byTitle(x, y);
  };
  overdue.sort(byDate);
  upcoming.sort(byDate);
  waiting.sort(
    (x, y) => (y.kind === "action" ? y.idleDays : 0) - (x.kind === "action" ? x.idleDays : 0) || byTitle(x, y),
  );
  return { today, overdue, upcoming, waiting };
}

/** A list cut to at most `perSection` lines per section, with how many each section really holds. */
export interface TodoSummary extends TodoList {
  totals: { overdue: number; upcoming: number; waiting: number };
}

/**
 * The start page and the weekly mail show the first lines of each section (the most urgent: each
 * section is sorted that way) and say how many more there are; a coordinator of hundreds of
 * agreements would otherwise get thousands of lines. The full list is one link away.
 */
export function summariseTodo(list: TodoList, perSection: number): TodoSummary {
  return {
    today: list.today,
    overdue: list.overdue.slice(0, perSection),
    upcoming: list.upcoming.slice(0, perSection),
    waiting: list.waiting.slice(0, perSection),
    totals: { overdue: list.overdue.length, upcoming: list.upcoming.length, waiting: list.waiting.length },
  };
}
