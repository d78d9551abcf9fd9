// Factories of the inspections tests: points, a published plan with a team, photos, submissions.
import type { ChecklistView, PointType } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { newId } from '../../platform/ids';
import type { Session, TestApp } from '../../test/harness';
import { PNG, upload } from '../campaigns/test-fixtures';
import { DEMO_DISTRICT } from '../../demo/seed-demo';

export async function demoFrameworkId(t: TestApp): Promise<string> {
  const res = await t.ctx.db.execute(
    sql`SELECT id FROM framework WHERE tenant_id = ${t.tenantId} AND code = 'WMCS-DEMO'`,
  );
  return (res.rows[0] as { id: string }).id;
}

export async function accountId(t: TestApp, username: string): Promise<string> {
  const res = await t.ctx.db.execute(
    sql`SELECT id FROM account WHERE tenant_id = ${t.tenantId} AND username = ${username}`,
  );
  return (res.rows[0] as { id: string }).id;
}

/** Communities (village level) of the demo district, in code order. */
export async function communities(t: TestApp, under = DEMO_DISTRICT): Promise<string[]> {
  const res = await t.ctx.db.execute(sql`SELECT c.code FROM region c, region d WHERE c.tenant_id = ${t.tenantId}
    AND d.tenant_id = c.tenant_id AND d.code = ${under} AND c.level = 'village' AND c.path <@ d.path ORDER BY c.code`);
  return res.rows.map((r: any) => r.code as string);
}

/** Points written straight into the table: `n` of each type, spread over the given communities. */
export async function insertPoints(t: TestApp, types: PointType[], n: number, regions: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const type of types)
    for (let k = 0; k < n; k++) {
      const id = newId();
      ids.push(id);
      await t.ctx.db.execute(sql`INSERT INTO point (tenant_id, id, name, point_type, region_code, lat, lng)
        VALUES (${t.tenantId}, ${id}, ${`测试${type}${k}-${id.slice(-4)}`}, ${type}, ${regions[k % regions.length]},
          ${38.5 + k * 0.001}, ${102.19 + k * 0.001})`);
    }
  return ids;
}

export interface PlanSetup {
  planId: string;
  teamId: string;
  pointIds: string[];
}

/** A plan over hand-picked points with one team of the given members, published unless `draft`. */
export async function publishedPlan(
  admin: Session,
  t: TestApp,
  opts: { pointIds: string[]; members: string[]; kind?: string; regionCode?: string; draft?: boolean },
): Promise<PlanSetup> {
  const frameworkId = await demoFrameworkId(t);
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const created = await admin.inject({
    method: 'POST',
    url: '/api/v1/inspection-plans',
    payload: {
      name: `测试计划${newId().slice(-6)}`,
      frameworkId,
      kind: opts.kind ?? 'field_eval',
      period: month,
      regionCode: opts.regionCode,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const planId = created.json().id as string;
  const sample = await admin.inject({
    method: 'POST',
    url: `/api/v1/inspection-plans/${planId}/sample`,
    payload: { mode: 'pick', pointIds: opts.pointIds },
  });
  expect(sample.statusCode, sample.body).toBe(200);
  const memberIds = await Promise.all(opts.members.map((m) => accountId(t, m)));
  const team = await admin.inject({
    method: 'POST',
    url: `/api/v1/inspection-plans/${planId}/teams`,
    payload: { name: '第一督查组', memberIds, leaderId: memberIds[0] },
  });
  expect(team.statusCode, team.body).toBe(201);
  await admin.inject({
    method: 'POST',
    url: `/api/v1/inspection-plans/${planId}/assign`,
    payload: { strategy: 'by_region' },
  });
  if (!opts.draft) {
    const pub = await admin.inject({ method: 'POST', url: `/api/v1/inspection-plans/${planId}/publish` });
    expect(pub.statusCode, pub.body).toBe(200);
  }
  return { planId, teamId: team.json().teams[0].id, pointIds: opts.pointIds };
}

/** Upload a photo with a client id (as the phone does before sending the inspection). */
export async function uploadPhoto(s: Session): Promise<string> {
  const id = newId();
  const res = await upload(s, '/api/v1/files', PNG, {
    name: 'photo.png',
    type: 'image/png',
    fields: { id, gpsLat: '38.5', gpsLng: '102.19' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}

export async function checklistOf(s: Session, planId: string, pointId: string): Promise<ChecklistView> {
  const res = await s.inject({ method: 'GET', url: `/api/v1/points/${pointId}/checklist?planId=${planId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A complete submission: every standard met, except the first `notMet` (with a photo each), the last N/A. */
export function submission(
  c: ChecklistView,
  ids: { planId: string; pointId: string },
  opts: { notMet?: number; photo?: string; na?: boolean } = {},
) {
  const now = new Date().toISOString();
  const last = c.standards.length - 1;
  return {
    id: newId(),
    ...ids,
    startedAt: now,
    submittedAt: now,
    clientTime: now,
    gps: { lat: 38.5, lng: 102.19, accuracy: 8 },
    observations: c.standards.map((s, i) => {
      const notMet = i < (opts.notMet ?? 0);
      return {
        id: newId(),
        indicatorId: s.id,
        result: notMet ? 'not_met' : opts.na && i === last ? 'na' : 'met',
        note: notMet ? '地面有垃圾' : null,
        photoFileIds: notMet && opts.photo ? [opts.photo] : [],
      };
    }),
  };
}
