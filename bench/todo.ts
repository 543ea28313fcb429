import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { todoSize } from "../src/domain/cycles/stale.ts";
import { loadActor } from "../src/services/auth/users.ts";
import { todoListFor } from "../src/services/tasks/todo.ts";

const AGREEMENTS = 300;
const ACTIONS_PER_AGREEMENT = 60;
const RUNS = 200;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) await fn(); // warm up plans and caches
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * One coordinator's "Att göra" list when they edit 300 agreements with 60 actions each (18 000
 * actions, 600 cycles, 3 000 tasks), built N times: p50/p95 against a bare `select 1` round trip.
 */
export async function runTodoBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "samverkan-bench-todo-"));
  chmodSync(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, port: 54_900 + Math.floor(Math.random() * 90) });
  const database = connect(embedded.url, { max: 4 });
  try {
    await runMigrations(database.pool);
    const q = (text: string) => database.pool.query(text);
    const loadStart = performance.now();
    await q(`insert into users (email, name) values ('samordnare@bench.test', 'Bench Samordnare')`);
    await q(`insert into organisations (kind, name, police_region) values ('lpo', 'LPO Bench', 'mitt')`);
    await q(`insert into organisations (kind, name, municipality_code)
             select 'kommun', 'Kommun ' || i, lpad(i::text, 4, '0') from generate_series(1, ${AGREEMENTS}) i`);
    await q(`insert into memberships (user_id, organisation_id, role)
             select u.id, o.id, 'editor' from users u cross join organisations o`);
    await q(`insert into agreements (title, version)
             select 'Överenskommelse ' || lpad(i::text, 4, '0'), 1 from generate_series(1, ${AGREEMENTS}) i`);
    await q(`with a as (select id, row_number() over (order by title) n from agreements),
                  k as (select id, row_number() over (order by municipality_code) n from organisations where kind = 'kommun')
             insert into agreement_parties (agreement_id, organisation_id, role, position)
             select a.id, k.id, 'kommun'::party_role, 0 from a join k using (n)
             union all
             select a.id, (select id from organisations where kind = 'lpo'), 'lpo'::party_role, 1 from a`);
    await q(`insert into agreement_settings (agreement_id, stale_after_days, situation_sources)
             select id, case when random() < 0.5 then 90 else 60 end, '[]'::jsonb from agreements`);
    await q(`insert into cycles (agreement_id, label, starts_on, ends_on, status)
             select id, y::text, make_date(y, 1, 1), make_date(y, 12, 31), case when y = 2026 then 'active' else 'closed' end::cycle_status
             from agreements cross join (values (2025), (2026)) v(y)`);
    // Realistic shares: last year's cycle is mostly finished; this year's is mostly planned or ongoing,
    // a few actions are late and some have not been touched for months.
    await q(`insert into actions (cycle_id, position, title, deadline, status, last_activity_at)
             select c.id, g, 'Åtgärd ' || g, c.starts_on + (random() * 540)::int,
                    case when c.status = 'closed'
                      then (array['done','done','done','partly_done','not_done','cancelled','ongoing'])[1 + floor(random() * 7)::int]
                      else (array['planned','planned','ongoing','ongoing','ongoing','done'])[1 + floor(random() * 6)::int]
                    end::action_status,
                    now() - (random() * 120 || ' days')::interval
             from cycles c cross join generate_series(1, ${ACTIONS_PER_AGREEMENT / 2}) g`);
    // Most actions past their deadline have been followed up and closed.
    await q(`update actions set status = (array['done','partly_done','not_done','cancelled'])[1 + floor(random() * 4)::int]::action_status
             where deadline < current_date and random() < 0.95`);
    await q(`insert into action_responsibles (action_id, organisation_id, position)
             select a.id, p.organisation_id, 0 from actions a join cycles c on c.id = a.cycle_id
             join agreement_parties p on p.agreement_id = c.agreement_id and p.role = 'kommun'`);
    await q(`insert into tasks (agreement_id, title, due_on, owner_user_id, done_on)
             select a.id, 'Uppgift ' || g, current_date + (g * 40 - 200),
                    case when g % 3 = 0 then (select id from users limit 1) end,
                    case when g < 4 then current_date end
             from agreements a cross join generate_series(1, 10) g`);
    await q("analyze");
    const loadMs = performance.now() - loadStart;

    const [{ id: userId }] = (await q("select id from users limit 1")).rows as [{ id: string }];
    const actor = (await loadActor(database.db, userId))!;
    const now = new Date();
    const list = await todoListFor(database.db, actor, now);
    const baseline = await timed(RUNS, () => q("select 1"));
    const todo = await timed(RUNS, () => todoListFor(database.db, actor, now));
    console.log(
      `data: ${AGREEMENTS} agreements × ${ACTIONS_PER_AGREEMENT} actions (${AGREEMENTS * 2} cycles, ${AGREEMENTS * 10} tasks), ` +
        `loaded in ${loadMs.toFixed(0)} ms; the user edits all ${AGREEMENTS}`,
    );
    console.log(
      `buildTodoList: p50 ${todo.p50.toFixed(1)} ms, p95 ${todo.p95.toFixed(1)} ms over ${RUNS} runs; ` +
        `${todoSize(list)} lines (${list.overdue.length} försenat, ${list.upcoming.length} kommande, ${list.waiting.length} väntar)`,
    );
    console.log(
      `baseline select 1: p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms; ` +
        `ratio p50 ${(todo.p50 / baseline.p50).toFixed(0)}×`,
    );
  } finally {
    await database.close();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runTodoBench();
