import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import {
  UPCOMING_DAYS,
  assembleTodo,
  type TodoActionRow,
  type TodoList,
  type TodoTaskRow,
} from "../../domain/cycles/stale.ts";
import type { ActionStatus } from "../../domain/cycles/vocabulary.ts";
import { addDays, todayInSweden } from "../../domain/shared/dates.ts";
import { requireActor } from "../core/access.ts";
import type { Actor, ServiceContext } from "../core/context.ts";
import { defaultCycleSettings } from "../cycles/settings.ts";

/** An agreement that never saved its settings gets the cycle module's default. */
const DEFAULT_STALE_AFTER_DAYS = defaultCycleSettings("").staleAfterDays;

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

function orgsWithRole(actor: Actor, roles: string[]) {
  return [...actor.memberships.entries()].filter(([, r]) => roles.includes(r)).map(([id]) => id);
}

/**
 * The rows behind one user's "Att göra" list, in two queries:
 *  - open tasks due by today + 30 days that the user owns (in an agreement they can still read), or
 *    that nobody owns in an agreement they edit (tasks_owner_due_idx / tasks_agreement_due_idx);
 *  - open actions (planned, ongoing) past their deadline or idle longer than their agreement's
 *    staleAfterDays, that the user owns (contributor+ in a responsible organisation) or whose
 *    agreement the user edits (actions_cycle_idx via the cycles of those agreements).
 */
export async function todoRows(db: Queryable, actor: Actor, now: Date) {
  const today = todayInSweden(now);
  const until = addDays(today, UPCOMING_DAYS);
  const editorOrgs = orgsWithRole(actor, ["editor", "admin"]);
  const ownerOrgs = orgsWithRole(actor, ["contributor", "editor", "admin"]);
  const readable = actor.readableOrganisationIds;
  const taskResult = await db.execute<{
    id: string;
    agreement_id: string;
    agreement_title: string;
    title: string;
    due_on: string;
    owner_user_id: string | null;
  }>(sql`
    with edited as (
      select distinct agreement_id from agreement_parties where organisation_id = any(${uuidArray(editorOrgs)})
    )
    select t.id, t.agreement_id, ag.title as agreement_title, t.title, t.due_on, t.owner_user_id
    from tasks t join agreements ag on ag.id = t.agreement_id
    where t.done_on is null and t.due_on <= ${until}
      and (
        (t.owner_user_id = ${actor.userId} and exists (
          select 1 from agreement_parties p
          where p.agreement_id = t.agreement_id and p.organisation_id = any(${uuidArray(readable)})))
        or (t.owner_user_id is null and t.agreement_id in (select agreement_id from edited))
      )`);
  const actionResult = await db.execute<{
    id: string;
    agreement_id: string;
    agreement_title: string;
    cycle_id: string;
    title: string;
    status: ActionStatus;
    deadline: string | null;
    last_activity_at: string | Date;
    version: number;
    stale_after_days: number;
  }>(sql`
    with edited as (
      select distinct agreement_id from agreement_parties where organisation_id = any(${uuidArray(editorOrgs)})
    )
    select a.id, c.agreement_id, ag.title as agreement_title, a.cycle_id, a.title, a.status, a.deadline,
           a.last_activity_at, a.version,
           coalesce(s.stale_after_days, ${DEFAULT_STALE_AFTER_DAYS}::int) as stale_after_days
    from actions a
    join cycles c on c.id = a.cycle_id
    join agreements ag on ag.id = c.agreement_id
    left join agreement_settings s on s.agreement_id = c.agreement_id
    where a.status in ('planned', 'ongoing')
      and (c.agreement_id in (select agreement_id from edited)
           or exists (select 1 from action_responsibles r
                      where r.action_id = a.id and r.organisation_id = any(${uuidArray(ownerOrgs)})))
      and (a.deadline < ${today}
           or a.last_activity_at < ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.stale_after_days, ${DEFAULT_STALE_AFTER_DAYS}::int)))`);
  const tasks: TodoTaskRow[] = taskResult.rows.map((r) => ({
    id: r.id,
    agreementId: r.agreement_id,
    agreementTitle: r.agreement_title,
    title: r.title,
    dueOn: r.due_on,
    ownerUserId: r.owner_user_id,
  }));
  const actions: TodoActionRow[] = actionResult.rows.map((r) => ({
    id: r.id,
    agreementId: r.agreement_id,
    agreementTitle: r.agreement_title,
    cycleId: r.cycle_id,
    title: r.title,
    status: r.status,
    deadline: r.deadline,
    lastActivityAt: r.last_activity_at,
    version: Number(r.version),
    staleAfterDays: Number(r.stale_after_days),
  }));
  return { today, tasks, actions };
}

/** The signed-in user's "Att göra" list: Försenat, Kommande, Åtgärder som väntar på uppdatering. */
export async function buildTodoList(ctx: ServiceContext): Promise<TodoList> {
  const actor = requireActor(ctx);
  return todoListFor(ctx.db, actor, ctx.now());
}

export async function todoListFor(db: Queryable, actor: Actor, now: Date): Promise<TodoList> {
  const rows = await todoRows(db, actor, now);
  return assembleTodo({ ...rows, userId: actor.userId });
}
