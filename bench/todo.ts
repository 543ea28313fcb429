import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "../src/db/client.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runMigrations } from "../src/db/migrate.ts";
import { todoSize } from "../src/domain/cycles/stale.ts";
import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/client.ts";
import { loadActor } from "../src/services/auth/users.ts";
import type { ServiceContext } from "../src/services/core/context.ts";
import { buildTodoList, todoRows } from "../src/services/tasks/todo.ts";

const AGREEMENTS = 300;
const ACTIONS_PER_AGREEMENT = 60;
const RUNS = 200;
/** The worst case lists thousands of lines per run: fewer runs keep the whole benchmark under two minutes. */
const WORST_RUNS = 40;

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

type DataSet = "realistic" | "worst case";

/**
 * Loads one data set with bulk SQL (tables emptied first): 300 agreements (a kommun and one LPO
 * each) × 60 actions over two cycles, settings, and 10 tasks per agreement; one coordinator edits
 * all 300.
 *  - realistic: last year's cycle mostly finished, this year's mostly planned or ongoing; 95 % of
 *    the actions past their deadline have been closed; activity spread over the last 120 days.
 *  - worst case: every action open (planned or ongoing), most past their deadline and the rest
 *    idle for 100–400 days, so nearly every action is a line; every task open and due.
 */
async function load(database: Database, set: DataSet) {
  const q = (text: string) => database.pool.query(text);
  const worst = set === "worst case";
  // The user stays (audit_log is append-only and refers to users); everything else is emptied.
  await q("truncate organisations, agreements, mail_outbox cascade");
  await q(
    `insert into users (email, name) values ('samordnare@bench.test', 'Bench Samordnare') on conflict do nothing`,
  );
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
  if (worst)
    await q(`insert into actions (cycle_id, position, title, deadline, status, last_activity_at)
             select c.id, g, 'Åtgärd ' || g,
                    case when random() < 0.8 then current_date - (1 + random() * 500)::int else current_date + (random() * 200)::int end,
                    (array['planned','ongoing'])[1 + floor(random() * 2)::int]::action_status,
                    now() - ((100 + random() * 300) || ' days')::interval
             from cycles c cross join generate_series(1, ${ACTIONS_PER_AGREEMENT / 2}) g`);
  else {
    await q(`insert into actions (cycle_id, position, title, deadline, status, last_activity_at)
             select c.id, g, 'Åtgärd ' || g, c.starts_on + (random() * 540)::int,
                    case when c.status = 'closed'
                      then (array['done','done','done','partly_done','not_done','cancelled','ongoing'])[1 + floor(random() * 7)::int]
                      else (array['planned','planned','ongoing','ongoing','ongoing','done'])[1 + floor(random() * 6)::int]
                    end::action_status,
                    now() - (random() * 120 || ' days')::interval
             from cycles c cross join generate_series(1, ${ACTIONS_PER_AGREEMENT / 2}) g`);
    await q(`update actions set status = (array['done','partly_done','not_done','cancelled'])[1 + floor(random() * 4)::int]::action_status
             where deadline < current_date and random() < 0.95`);
  }
  await q(`insert into action_responsibles (action_id, organisation_id, position)
           select a.id, p.organisation_id, 0 from actions a join cycles c on c.id = a.cycle_id
           join agreement_parties p on p.agreement_id = c.agreement_id and p.role = 'kommun'`);
  await q(`insert into tasks (agreement_id, title, due_on, owner_user_id, done_on)
           select a.id, 'Uppgift ' || g, current_date + (g * ${worst ? 3 : 40} - ${worst ? 20 : 200}),
                  case when g % 3 = 0 then (select id from users limit 1) end,
                  case when ${worst ? "false" : "g < 4"} then current_date end
           from agreements a cross join generate_series(1, 10) g`);
  await q("analyze");
}

/**
 * One coordinator's "Att göra" list when they edit 300 agreements with 60 actions each (18 000
 * actions, 600 cycles, 3 000 tasks), for a realistic and a worst-case data set. Timed is the whole
 * path of a request: loadActor (the session's actor, uncached) and buildTodoList with a
 * ServiceContext; p50/p95 against a bare `select 1` round trip.
 */
export async function runTodoBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "samverkan-bench-todo-"));
  chmodSync(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, port: 54_900 + Math.floor(Math.random() * 90) });
  const database = connect(embedded.url, { max: 4 });
  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent" });
  try {
    await runMigrations(database.pool);
    const baseline = await timed(RUNS, () => database.pool.query("select 1"));
    console.log(`baseline select 1: p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms`);
    for (const set of ["realistic", "worst case"] as const) {
      const loadStart = performance.now();
      await load(database, set);
      const loadMs = performance.now() - loadStart;
      const { rows } = await database.pool.query<{ id: string }>("select id from users limit 1");
      const userId = rows[0]!.id;
      const now = new Date();
      const request = async () => {
        const actor = await loadActor(database.db, userId);
        const ctx: ServiceContext = { db: database.db, config, actor, now: () => now };
        return buildTodoList(ctx);
      };
      const list = await request();
      const runs = set === "worst case" ? WORST_RUNS : RUNS;
      const todo = await timed(runs, request);
      console.log(
        `${set}: ${AGREEMENTS} agreements × ${ACTIONS_PER_AGREEMENT} actions (${AGREEMENTS * 2} cycles, ` +
          `${AGREEMENTS * 10} tasks), loaded in ${loadMs.toFixed(0)} ms; the user edits all ${AGREEMENTS}`,
      );
      console.log(
        `  loadActor + buildTodoList: p50 ${todo.p50.toFixed(1)} ms, p95 ${todo.p95.toFixed(1)} ms over ${runs} runs ` +
          `(p50 ${(todo.p50 / baseline.p50).toFixed(0)}× select 1); ${todoSize(list)} lines ` +
          `(${list.overdue.length} försenat, ${list.upcoming.length} kommande, ${list.waiting.length} väntar)`,
      );
      // Where the time goes: the two queries alone (the rest is loadActor and the pure assembly).
      const actor = (await loadActor(database.db, userId))!;
      const sqlOnly = await timed(runs, () => todoRows(database.db, actor, now));
      console.log(`  of which the two queries: p50 ${sqlOnly.p50.toFixed(1)} ms, p95 ${sqlOnly.p95.toFixed(1)} ms`);
    }
  } finally {
    await database.close();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runTodoBench();
