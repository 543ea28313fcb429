import type { TodoLine, TodoList } from "../../../src/domain/cycles/stale.ts";
import type { Locale } from "../../i18n/index.ts";
import { t } from "../../lib/context.ts";

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

function Section({ id, heading, lines, locale }: { id: string; heading: string; lines: TodoLine[]; locale: Locale }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby={id}>
      <h3 className="ds-heading" data-size="xs" id={id}>
        {heading} ({lines.length})
      </h3>
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
    </section>
  );
}

/** The start page's "Att göra": Försenat, Kommande, Åtgärder som väntar på uppdatering. */
export function TodoPanel({ list, locale }: { list: TodoList; locale: Locale }) {
  const empty = !list.overdue.length && !list.upcoming.length && !list.waiting.length;
  return (
    <section aria-labelledby="todo-heading" className="stack">
      <h2 className="ds-heading" data-size="md" id="todo-heading">
        {t(locale, "todo.title")}
      </h2>
      {empty ? (
        <p className="ds-paragraph">{t(locale, "todo.empty")}</p>
      ) : (
        <>
          <Section id="todo-overdue" heading={t(locale, "todo.overdue")} lines={list.overdue} locale={locale} />
          <Section id="todo-upcoming" heading={t(locale, "todo.upcoming")} lines={list.upcoming} locale={locale} />
          <Section id="todo-waiting" heading={t(locale, "todo.waiting")} lines={list.waiting} locale={locale} />
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
