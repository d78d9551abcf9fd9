// Campaigns (创建周期 / 年度方案 / 专项行动) with their action lines (八大行动).
import { sqlTime } from '../../platform/sql';
import type { CampaignBody, CampaignUpdateBody, CampaignView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requireCityScope, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { likePattern } from '../../platform/search-text';

import { nextReminderSlot, scheduleReminderScan } from './reminders';
import { isoOrNull } from '../../platform/clock';

const columns = sql`c.id, c.name, c.kind, c.start_date::text AS start_date, c.end_date::text AS end_date,
  c.description, c.framework_id, c.remind_days_before, c.version, c.created_at,
  (SELECT count(*)::int FROM task tk WHERE tk.tenant_id = c.tenant_id AND tk.campaign_id = c.id) AS task_count,
  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'description', a.description,
      'position', a.position) ORDER BY a.position, a.name)
    FROM campaign_action a WHERE a.tenant_id = c.tenant_id AND a.campaign_id = c.id), '[]'::json) AS actions`;

function toCampaignView(r: any): CampaignView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    description: r.description,
    frameworkId: r.framework_id,
    remindDaysBefore: r.remind_days_before,
    actions: typeof r.actions === 'string' ? JSON.parse(r.actions) : r.actions,
    taskCount: Number(r.task_count),
    version: r.version,
    createdAt: isoOrNull(r.created_at)!,
  };
}

/** Campaigns of the tenant (campaigns are tenant-wide; their tasks carry the unit scope). */
export async function listCampaigns(
  db: Db,
  actor: Actor,
  f: { q?: string; kind?: string; page: number; pageSize: number },
) {
  requirePermission(actor, 'campaign.read');
  const where = allOf(
    sql`c.tenant_id = ${actor.tenantId}`,
    f.q ? sql`lower(c.name) LIKE ${likePattern(f.q)}` : null,
    f.kind ? sql`c.kind = ${f.kind}` : null,
  );
  return queryPage(
    db,
    { columns, from: sql`campaign c`, where, orderBy: sql`c.start_date DESC, c.id` },
    f,
    toCampaignView,
  );
}

/** One campaign with its action lines; 404 when it is not the tenant's. */
export async function getCampaign(db: Db, actor: Actor, id: string): Promise<CampaignView> {
  requirePermission(actor, 'campaign.read');
  const res = await db.execute(
    sql`SELECT ${columns} FROM campaign c WHERE c.tenant_id = ${actor.tenantId} AND c.id = ${id}`,
  );
  if (!res.rows[0]) throw fail('CAMPAIGN_NOT_FOUND');
  return toCampaignView(res.rows[0]);
}

async function assertFrameworkExists(db: Db, tenantId: string, frameworkId: string | null | undefined) {
  if (!frameworkId) return;
  const res = await db.execute(sql`SELECT 1 FROM framework WHERE tenant_id = ${tenantId} AND id = ${frameworkId}`);
  if (!res.rows.length) throw invalidFields([{ field: 'frameworkId', key: 'unknown_framework' }]);
}

/** Create a campaign with its action lines and make sure the reminder job runs for the tenant. */
export async function createCampaign(ctx: AppContext, actor: Actor, body: CampaignBody): Promise<CampaignView> {
  requireCityScope(actor, 'campaign.manage');
  await assertFrameworkExists(ctx.db, actor.tenantId, body.frameworkId);
  const id = body.id ?? newId();
  await ctx.db.transaction(async (tx) => {
    const res = await tx.execute(sql`INSERT INTO campaign (tenant_id, id, name, kind, start_date, end_date, description,
        framework_id, remind_days_before, created_by)
      VALUES (${actor.tenantId}, ${id}, ${body.name}, ${body.kind}, ${body.startDate}, ${body.endDate},
        ${body.description ?? null}, ${body.frameworkId ?? null}, ${body.remindDaysBefore}, ${actor.accountId})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!res.rows.length) return; // a resend of the same create
    await syncActions(tx, actor.tenantId, id, body.actions);
    await writeAudit(tx, actor, { action: 'campaign.create', objectType: 'campaign', objectId: id, after: body });
    await scheduleReminderScan(tx, ctx.jobs, actor.tenantId, nextReminderSlot(actor.now));
  });
  return getCampaign(ctx.db, actor, id);
}

/** Make the campaign's action lines those of the body: keep by id, rename, add, and drop unused ones. */
async function syncActions(tx: Db, tenantId: string, campaignId: string, actions: CampaignBody['actions']) {
  const current = await tx.execute(sql`SELECT id FROM campaign_action
    WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}`);
  const keep = new Set(actions.filter((a) => a.id).map((a) => a.id!));
  const dropped = current.rows.map((r: any) => r.id as string).filter((id) => !keep.has(id));
  if (dropped.length) {
    const used = await tx.execute(sql`SELECT 1 FROM task WHERE tenant_id = ${tenantId}
      AND action_id = ANY(${sql.param(dropped)}::uuid[]) LIMIT 1`);
    if (used.rows.length) throw fail('CAMPAIGN_ACTION_IN_USE');
    await tx.execute(sql`DELETE FROM campaign_action WHERE tenant_id = ${tenantId}
      AND id = ANY(${sql.param(dropped)}::uuid[])`);
  }
  // Names are unique per campaign: park renamed rows first so that swapping two names works.
  await tx.execute(sql`UPDATE campaign_action SET name = id::text WHERE tenant_id = ${tenantId}
    AND campaign_id = ${campaignId}`);
  for (const [position, a] of actions.entries()) {
    const res =
      await tx.execute(sql`INSERT INTO campaign_action (tenant_id, id, campaign_id, name, description, position)
      VALUES (${tenantId}, ${a.id ?? newId()}, ${campaignId}, ${a.name}, ${a.description ?? null}, ${position})
      ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
        position = EXCLUDED.position WHERE campaign_action.campaign_id = ${campaignId} RETURNING id`);
    if (!res.rows.length) throw invalidFields([{ field: `actions.${position}.id`, key: 'unknown_action' }]);
  }
}

/** Update a campaign and its action lines with optimistic concurrency (stale version → 409). */
export async function updateCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: CampaignUpdateBody,
): Promise<CampaignView> {
  requireCityScope(actor, 'campaign.manage');
  const before = await getCampaign(ctx.db, actor, id);
  await assertFrameworkExists(ctx.db, actor.tenantId, body.frameworkId);
  await ctx.db.transaction(async (tx) => {
    const res = await tx.execute(sql`UPDATE campaign SET name = ${body.name}, kind = ${body.kind},
        start_date = ${body.startDate}, end_date = ${body.endDate}, description = ${body.description ?? null},
        framework_id = ${body.frameworkId ?? null}, remind_days_before = ${body.remindDaysBefore},
        version = version + 1, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
    if (!res.rows.length) throw fail('STALE_VERSION', { current: before });
    await syncActions(tx, actor.tenantId, id, body.actions);
    await writeAudit(tx, actor, {
      action: 'campaign.update',
      objectType: 'campaign',
      objectId: id,
      before,
      after: body,
    });
  });
  return getCampaign(ctx.db, actor, id);
}

/** Delete a campaign that has no tasks and no self-assessments (409 otherwise). */
export async function deleteCampaign(db: Db, actor: Actor, id: string): Promise<void> {
  requireCityScope(actor, 'campaign.manage');
  const before = await getCampaign(db, actor, id);
  if (before.taskCount > 0) throw fail('CAMPAIGN_HAS_TASKS');
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM campaign WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
      await writeAudit(tx, actor, { action: 'campaign.delete', objectType: 'campaign', objectId: id, before });
    })
    .catch((err) => {
      if (err?.cause?.code === '23503' || err?.code === '23503') throw fail('CAMPAIGN_HAS_TASKS');
      throw err;
    });
}
