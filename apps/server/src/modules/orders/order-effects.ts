// What each order action changes besides the status, and the checks it needs beyond the state machine.
import { sqlTime } from '../../platform/sql';
import { type OrderStatus, type OrderTransitionBody, finishedOrderStatuses } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can } from '../../platform/access';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { payForServiceOrder } from '../timebank';
import { myTeams } from './order.policy';

export interface OrderRow {
  id: string;
  status: OrderStatus;
  version: number;
  site_id: string;
  region_code: string;
  ordered_by: string;
  volunteer_id: string | null;
  volunteer_account_id: string | null;
  team_id: string | null;
  pay_with_hours: boolean;
  required_skills: string[];
}

export interface Effect {
  sets: SQL[];
  detail: Record<string, unknown>;
  /** Work after the status changed (in the same transaction), adding to the history's detail. */
  after?: (tx: Db) => Promise<Record<string, unknown>>;
}

async function myVolunteerRow(tx: Db, actor: Actor) {
  const res = await tx.execute(sql`SELECT id, skills FROM volunteer WHERE tenant_id = ${actor.tenantId}
    AND account_id = ${actor.accountId}::uuid AND status = 'active'`);
  const v = res.rows[0] as { id: string; skills: string[] } | undefined;
  if (!v) throw fail('ORDER_NOT_A_VOLUNTEER');
  return v;
}

async function mergeEffect(tx: Db, actor: Actor, o: OrderRow, target: string): Promise<Effect> {
  const res = await tx.execute(
    sql`SELECT site_id, status FROM service_order WHERE tenant_id = ${actor.tenantId} AND id = ${target}`,
  );
  const t = res.rows[0] as { site_id: string; status: OrderStatus } | undefined;
  if (!t) throw invalidFields([{ field: 'mergeInto', key: 'unknown_order' }]);
  if (target === o.id || t.site_id !== o.site_id || [...finishedOrderStatuses, 'merged'].includes(t.status))
    throw fail('ORDER_MERGE_INVALID');
  return { sets: [sql`merged_into = ${target}`], detail: { mergeInto: target } };
}

async function dispatchEffect(tx: Db, actor: Actor, body: OrderTransitionBody): Promise<Effect> {
  if (body.volunteerId) {
    const res = await tx.execute(sql`SELECT id, account_id, name FROM volunteer WHERE tenant_id = ${actor.tenantId}
      AND id = ${body.volunteerId} AND status = 'active'`);
    const v = res.rows[0] as { id: string; account_id: string | null; name: string } | undefined;
    if (!v) throw invalidFields([{ field: 'volunteerId', key: 'unknown_volunteer' }]);
    return {
      sets: [
        sql`volunteer_id = ${v.id}`,
        sql`volunteer_account_id = ${v.account_id}`,
        sql`team_id = NULL`,
        sql`returned_for = NULL`,
      ],
      detail: { volunteerId: v.id, volunteerName: v.name },
    };
  }
  const res = await tx.execute(
    sql`SELECT id, name FROM volunteer_team WHERE tenant_id = ${actor.tenantId} AND id = ${body.teamId!}`,
  );
  const team = res.rows[0] as { id: string; name: string } | undefined;
  if (!team) throw invalidFields([{ field: 'teamId', key: 'unknown_team' }]);
  return {
    sets: [
      sql`team_id = ${team.id}`,
      sql`volunteer_id = NULL`,
      sql`volunteer_account_id = NULL`,
      sql`returned_for = NULL`,
    ],
    detail: { teamId: team.id, teamName: team.name },
  };
}

async function acceptEffect(tx: Db, actor: Actor, o: OrderRow): Promise<Effect> {
  const v = await myVolunteerRow(tx, actor);
  if (o.status === 'dispatched') {
    const inTeam = async () =>
      !!o.team_id && (await tx.execute(sql`SELECT 1 WHERE ${o.team_id}::uuid IN ${myTeams(actor)}`)).rows.length > 0;
    if (o.volunteer_id ? o.volunteer_id !== v.id : !(await inTeam())) throw fail('ORDER_NOT_YOURS');
  }
  // An open offer (抢单) is for every volunteer of its area (the scope found it): skills are a highlight, not a bar.
  return {
    sets: [
      sql`volunteer_id = ${v.id}`,
      sql`volunteer_account_id = ${actor.accountId}`,
      sql`accepted_at = ${sqlTime(actor.now)}`,
    ],
    detail: { volunteerId: v.id },
  };
}

function completeEffect(actor: Actor, o: OrderRow, body: OrderTransitionBody): Effect {
  if (!o.volunteer_account_id || o.volunteer_account_id !== actor.accountId) throw fail('ORDER_NOT_YOURS');
  const hours = body.hours!;
  return {
    sets: [sql`completed_at = ${sqlTime(actor.now)}`, sql`hours = ${hours}`, sql`notes = ${body.notes ?? null}`],
    detail: { hours, notes: body.notes ?? null, photoFileIds: body.photoFileIds },
    after: async (tx) => {
      const rounds = await tx.execute(sql`SELECT count(*)::int AS n FROM service_order_event
        WHERE tenant_id = ${actor.tenantId} AND order_id = ${o.id} AND action = 'complete'`);
      const paid = await payForServiceOrder(tx, actor, {
        orderId: o.id,
        round: Number((rounds.rows[0] as { n: number }).n) + 1,
        volunteerId: o.volunteer_id!,
        hours,
        regionCode: o.region_code,
        siteId: o.site_id,
        residentAccountId: o.pay_with_hours ? o.ordered_by : null,
      });
      await tx.execute(sql`UPDATE service_order SET payment_journal_id = ${paid.journalId}
        WHERE tenant_id = ${actor.tenantId} AND id = ${o.id}`);
      return { paymentJournalId: paid.journalId, paidBy: paid.payer };
    },
  };
}

/** The checks and changes of one action beyond the state machine. */
export async function effectOf(tx: Db, actor: Actor, o: OrderRow, body: OrderTransitionBody): Promise<Effect> {
  switch (body.action) {
    case 'review':
      return body.mergeInto ? mergeEffect(tx, actor, o, body.mergeInto) : { sets: [], detail: {} };
    case 'dispatch':
      return dispatchEffect(tx, actor, body);
    case 'offer':
      return {
        sets: [
          sql`volunteer_id = NULL`,
          sql`volunteer_account_id = NULL`,
          sql`team_id = NULL`,
          sql`returned_for = NULL`,
        ],
        detail: {},
      };
    case 'accept':
      return acceptEffect(tx, actor, o);
    case 'complete':
      return completeEffect(actor, o, body);
    case 'rate': {
      if (o.ordered_by !== actor.accountId) throw fail('FORBIDDEN');
      const low = body.rating! <= 2;
      return {
        sets: [
          sql`rating = ${body.rating!}`,
          sql`rating_comment = ${body.comment ?? null}`,
          sql`returned_for = ${low ? 'low_rating' : null}`,
        ],
        detail: { rating: body.rating, comment: body.comment ?? null, volunteerId: o.volunteer_id },
        after: async (tx) => {
          if (o.volunteer_id)
            await tx.execute(sql`INSERT INTO service_order_rating (tenant_id, id, order_id, volunteer_id, rating, comment)
              VALUES (${actor.tenantId}, ${newId()}, ${o.id}, ${o.volunteer_id}, ${body.rating!}, ${body.comment ?? null})`);
          return {};
        },
      };
    }
    case 'cancel':
      if (o.ordered_by !== actor.accountId && !can(actor, 'order.review')) throw fail('FORBIDDEN');
      return { sets: [], detail: {} };
    default:
      return { sets: [], detail: {} };
  }
}
