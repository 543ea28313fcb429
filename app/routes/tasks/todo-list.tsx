import type { TodoLine, TodoList, TodoSummary } from "../../../src/domain/cycles/stale.ts";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";

/** How many lines of each section the start page and the weekly mail show. */
export const TODO_LINES_SHOWN = 20;

function describe(locale: Locale, line: TodoLine): string {
  if (line.kind === "task")
    return line.daysLate > 0
      ? t(locale, "todo.task.late", { date: line.dueOn, days: line.daysLate })
      : t(locale, "todo.task.due", { date: line.dueOn });
  const parts: string[] = [];
  if (line.deadline && line.daysLate > 0)
    parts.push(t(locale, "todo.action.late", { date: line.deadline, days: line.daysLate }));
  if (line.stale || !parts.length) parts.push(t(locale, "todo.action.idle", { days: line.idleDays }));
  return parts.join("; ");
}

function Section({
  id,
  heading,
  lines,
  total,
  locale,
  level,
}: {
  id: string;
  heading: string;
  lines: TodoLine[];
  total: number;
  locale: Locale;
  level: 2 | 3;
}) {
  if (!lines.length) return null;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id}>
      <Heading className="ds-heading" data-size="xs" id={id}>
        {heading} ({total})
      </Heading>
      <ul className="ds-list todo-list">
        {lines.map((line) => (
          <li key={`${line.kind}-${line.id}`}>
            <span className="todo-kind">{t(locale, `todo.kind.${line.kind}`)}:</span>{" "}
            <a className="ds-link" href={line.href}>
              {line.title}
            </a>{" "}
            <span>
              ({line.agreementTitle}) – {describe(locale, line)}
            </span>
          </li>
        ))}
      </ul>
      {total > lines.length && (
        <p className="ds-paragraph">
          <a className="ds-link" href={`/att-gora#${id}`}>
            {t(locale, "todo.more", { count: total - lines.length, heading: heading.toLowerCase() })}
          </a>
        </p>
      )}
    </section>
  );
}

/**
 * "Att göra": Försenat, Kommande, Åtgärder som väntar på uppdatering. The start page shows a summary
 * (the first lines of each section, with a link to the rest); /att-gora shows everything.
 */
export function TodoPanel({
  list,
  locale,
  headingLevel = 2,
}: {
  list: TodoList | TodoSummary;
  locale: Locale;
  headingLevel?: 1 | 2;
}) {
  const empty = !list.overdue.length && !list.upcoming.length && !list.waiting.length;
  const totals = "totals" in list ? list.totals : undefined;
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section aria-labelledby="todo-heading" className="stack">
      <Heading className="ds-heading" data-size={headingLevel === 1 ? "lg" : "md"} id="todo-heading">
        {t(locale, "todo.title")}
      </Heading>
      {empty ? (
        <p className="ds-paragraph">{t(locale, "todo.empty")}</p>
      ) : (
        <>
          <Section
            id="todo-overdue"
            heading={t(locale, "todo.overdue")}
            lines={list.overdue}
            total={totals?.overdue ?? list.overdue.length}
            locale={locale}
            level={headingLevel === 1 ? 2 : 3}
          />
          <Section
            id="todo-upcoming"
            heading={t(locale, "todo.upcoming")}
            lines={list.upcoming}
            total={totals?.upcoming ?? list.upcoming.length}
            locale={locale}
            level={headingLevel === 1 ? 2 : 3}
          />
          <Section
            id="todo-waiting"
            heading={t(locale, "todo.waiting")}
            lines={list.waiting}
            total={totals?.waiting ?? list.waiting.length}
            locale={locale}
            level={headingLevel === 1 ? 2 : 3}
          />
        </>
      )}
      <p className="ds-paragraph">
        <a className="ds-link" href="/mina-installningar">
          {t(locale, "mySettings.link")}
        </a>
      </p>
    </section>
  );
}
