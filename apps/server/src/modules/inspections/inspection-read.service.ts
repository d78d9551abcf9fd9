// Reading inspections: the list (office, units, grid workers in their scope) and the inspector's points today.
import { shanghaiDate } from '../../platform/clock';
import type { InspectionListItem, InspectionTodayView, Page } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { allOf, queryPage } from '../../platform/paging';
import { inspectionReadable, requireAnyInspectionPermission } from './inspection.policy';
import { inspectionColumns, inspectionFrom, toListItem } from './inspection.repository';
import { num } from './plan.repository';

export interface InspectionFilter {
  planId?: string;
  pointId?: string;
  teamId?: string;
  regionCode?: string;
}

/** Inspections the actor may read, newest first; an unannounced plan's stay hidden from the inspected. */
export async function listInspections(
  db: Db,
  actor: Actor,
  f: InspectionFilter & { page: number; pageSize: number },
): Promise<Page<InspectionListItem>> {
  requireAnyInspectionPermission(actor);
  const where = allOf(
    sql`i.tenant_id = ${actor.tenantId}`,
    inspectionReadable(actor),
    f.planId ? sql`i.plan_id = ${f.planId}` : null,
    f.pointId ? sql`i.point_id = ${f.pointId}` : null,
    f.teamId ? sql`i.team_id = ${f.teamId}` : null,
    f.regionCode
      ? sql`EXISTS (SELECT 1 FROM region fr, region fp WHERE fr.tenant_id = i.tenant_id AND fr.code = ${f.regionCode}
          AND fp.tenant_id = i.tenant_id AND fp.code = i.region_code AND fp.path <@ fr.path)`
      : null,
  );
  const q = { columns: inspectionColumns.list, from: inspectionFrom, where, orderBy: sql`i.received_at DESC, i.id` };
  return queryPage(db, q, f, toListItem);
}

/** The points of the actor's teams in plans running today, not yet inspected first (list and map of the phone). */
export async function todayPoints(db: Db, actor: Actor, planId?: string): Promise<InspectionTodayView> {
  requirePermission(actor, 'inspection.perform');
  const date = shanghaiDate(actor.now);
  const res = await db.execute(sql`SELECT p.id AS plan_id, p.name AS plan_name, p.kind, t.id AS team_id,
      t.name AS team_name, pt.id AS point_id, pt.name, pt.point_type, pt.region_code, rg.name AS region_name,
      pt.address, pt.lat, pt.lng, li.id AS inspection_id
    FROM inspection_team_member m
    JOIN inspection_team t ON t.tenant_id = m.tenant_id AND t.id = m.team_id
    JOIN inspection_plan p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id AND p.status = 'published'
      AND p.start_date <= ${date}::date AND p.end_date >= ${date}::date
    JOIN inspection_plan_point pp ON pp.tenant_id = t.tenant_id AND pp.plan_id = t.plan_id AND pp.team_id = t.id
    JOIN point pt ON pt.tenant_id = pp.tenant_id AND pt.id = pp.point_id
    LEFT JOIN region rg ON rg.tenant_id = pt.tenant_id AND rg.code = pt.region_code
    LEFT JOIN LATERAL (SELECT i.id FROM inspection i WHERE i.tenant_id = pp.tenant_id AND i.plan_id = pp.plan_id
      AND i.point_id = pp.point_id ORDER BY i.received_at DESC LIMIT 1) li ON true
    WHERE m.tenant_id = ${actor.tenantId} AND m.account_id = ${actor.accountId}
      ${planId ? sql`AND p.id = ${planId}` : sql``}
    ORDER BY (li.id IS NOT NULL), p.end_date, pt.region_code, pt.name, pt.id
    LIMIT 5000`);
  return {
    date,
    items: res.rows.map((r: any) => ({
      ...{ planId: r.plan_id, planName: r.plan_name, kind: r.kind, teamId: r.team_id, teamName: r.team_name },
      ...{ pointId: r.point_id, name: r.name, pointType: r.point_type, regionCode: r.region_code },
      ...{ regionName: r.region_name, address: r.address, lat: num(r.lat), lng: num(r.lng) },
      done: !!r.inspection_id,
      inspectionId: r.inspection_id,
    })),
  };
}
