// Set-up of bench/inspections.ts in the L city: a published 30-standard framework, an inspector account, a
// plan over every point of the city with one team, and photos the submissions refer to.
import { sql } from 'drizzle-orm';
import { CITY_ROOT_CODE } from '../apps/server/src/cli/gen-city';
import {
  type NodeInput,
  insertFramework,
  insertTree,
} from '../apps/server/src/modules/frameworks/framework.repository';
import { assignPlan, samplePlan } from '../apps/server/src/modules/inspections/plan-sample.service';
import { createPlan, stepPlan } from '../apps/server/src/modules/inspections/plan.service';
import { createTeam } from '../apps/server/src/modules/inspections/team.service';
import { createAccountRaw } from '../apps/server/src/modules/org/tenant.service';
import type { AppContext } from '../apps/server/src/platform/context';
import { newId } from '../apps/server/src/platform/ids';
import { loadActorForAccount } from '../apps/server/src/platform/sessions';
import { BENCH_PASSWORD, BENCH_TENANT } from './lib';

export const BENCH_INSPECTOR = 'bench_inspector';
const FRAMEWORK_CODE = 'BENCH-INSP-30';
const PLAN_NAME = 'bench-inspections';
const PHOTOS = 200;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface InspectionBenchSetup {
  tenantId: string;
  planId: string;
  pointIds: string[];
  indicatorIds: string[];
  photoIds: string[];
}

const leaf = (code: string, k: number): NodeInput => ({
  code,
  name: `基准测评标准${code}`,
  standard: null,
  points: 1,
  weight: null,
  methods: ['field'],
  pointTypes: [],
  scoringRule: k % 3 === 0 ? { kind: 'deduct', perFinding: 0.5, floor: 0 } : { kind: 'check' },
  isSumExempt: false,
  children: [],
});

/** The 30-standard framework (3 items × 10 standards, all point types), published; created once. */
async function ensureFramework(ctx: AppContext, tenantId: string): Promise<string> {
  const found = await ctx.db.execute(
    sql`SELECT id FROM framework WHERE tenant_id = ${tenantId} AND code = ${FRAMEWORK_CODE}`,
  );
  if (found.rows[0]) return (found.rows[0] as { id: string }).id;
  const id = newId();
  const roots = [1, 2, 3].map((i) => ({
    ...leaf(`${i}`, 1),
    name: `基准测评项目${i}`,
    points: 10,
    methods: [],
    children: Array.from({ length: 10 }, (_, k) => leaf(`${i}.${k + 1}`, k)),
  }));
  await ctx.db.transaction(async (tx) => {
    const meta = {
      id,
      familyId: id,
      code: FRAMEWORK_CODE,
      name: '实地测评基准（30 项）',
      version: 1,
      status: 'published' as const,
    };
    await insertFramework(
      tx,
      tenantId,
      {
        ...meta,
        totalPoints: 30,
        complianceLine: 0.8,
        description: null,
        createdBy: null,
      },
      new Date(),
    );
    await insertTree(tx, tenantId, id, roots);
  });
  return id;
}

async function ensureInspector(ctx: AppContext, tenantId: string): Promise<string> {
  const find = () =>
    ctx.db.execute(sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = ${BENCH_INSPECTOR}`);
  const found = (await find()).rows[0] as { id: string } | undefined;
  if (found) return found.id;
  return createAccountRaw(ctx.db, tenantId, {
    username: BENCH_INSPECTOR,
    displayName: '基准测试督查员',
    password: BENCH_PASSWORD,
    mustChangePassword: false,
    roles: [{ role: 'inspector', scopeKind: 'region', scopeRef: CITY_ROOT_CODE }],
  });
}

/** Remove the plans (and inspections) of earlier runs, so the database does not grow run after run. */
export async function dropBenchPlans(ctx: AppContext, tenantId: string): Promise<void> {
  const plans = (
    await ctx.db.execute(sql`SELECT id FROM inspection_plan WHERE tenant_id = ${tenantId}
    AND name = ${PLAN_NAME}`)
  ).rows.map((r: any) => r.id as string);
  if (!plans.length) return;
  const ids = sql.param(plans);
  // Closed first, so that no late request (still in flight when the load stopped) adds an inspection.
  await ctx.db.execute(
    sql`UPDATE inspection_plan SET status = 'closed' WHERE tenant_id = ${tenantId} AND id = ANY(${ids}::uuid[])`,
  );
  // Observations have no foreign key to their inspection (docs/decisions/0002): delete them first.
  await ctx.db.execute(sql`DELETE FROM inspection_observation o USING inspection i WHERE o.tenant_id = ${tenantId}
    AND i.tenant_id = o.tenant_id AND i.id = o.inspection_id AND i.plan_id = ANY(${ids}::uuid[])`);
  await ctx.db.execute(sql`DELETE FROM inspection WHERE tenant_id = ${tenantId} AND plan_id = ANY(${ids}::uuid[])`);
  await ctx.db.execute(sql`DELETE FROM inspection_plan WHERE tenant_id = ${tenantId} AND id = ANY(${ids}::uuid[])`);
  // A host may run without autovacuum (this one does): clear what a run churned, so the next one starts alike.
  await ctx.db.execute(
    sql`VACUUM (ANALYZE) inspection_observation, inspection, inspection_plan_point, idempotency_record, audit_event`,
  );
}

/** Everything a run needs, fresh: the old bench plans dropped, a new one published over all points. */
export async function prepareInspectionBench(ctx: AppContext): Promise<InspectionBenchSetup> {
  const tenant = await ctx.db.execute(sql`SELECT id FROM tenant WHERE code = ${BENCH_TENANT}`);
  const tenantId = (tenant.rows[0] as { id: string }).id;
  const frameworkId = await ensureFramework(ctx, tenantId);
  const inspectorId = await ensureInspector(ctx, tenantId);
  await dropBenchPlans(ctx, tenantId);
  const adminRow = await ctx.db.execute(
    sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = 'bench_admin'`,
  );
  const admin = await loadActorForAccount(ctx.db, tenantId, (adminRow.rows[0] as { id: string }).id, new Date());
  const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const plan = await createPlan(ctx.db, admin, { name: PLAN_NAME, frameworkId, kind: 'field_eval', period });
  await samplePlan(ctx.db, admin, plan.id, { mode: 'all', pointTypes: [] });
  await createTeam(ctx.db, admin, plan.id, { name: '基准督查组', memberIds: [inspectorId], leaderId: inspectorId });
  await assignPlan(ctx.db, admin, plan.id, { strategy: 'by_region' });
  await stepPlan(ctx.db, admin, plan.id, 'publish');
  const inspector = await loadActorForAccount(ctx.db, tenantId, inspectorId, new Date());
  const photoIds: string[] = [];
  for (let i = 0; i < PHOTOS; i++)
    photoIds.push((await ctx.files.save(ctx.db, inspector, PNG, { id: newId(), name: `photo${i}.png` })).id);
  const points = await ctx.db.execute(sql`SELECT point_id FROM inspection_plan_point WHERE tenant_id = ${tenantId}
    AND plan_id = ${plan.id} ORDER BY position`);
  const leaves =
    await ctx.db.execute(sql`SELECT id FROM indicator WHERE tenant_id = ${tenantId} AND framework_id = ${frameworkId}
    AND depth = 2 ORDER BY code`);
  await ctx.db.execute(sql`ANALYZE inspection_plan_point`);
  await ctx.db.execute(sql`ANALYZE inspection_team_member`);
  await ctx.db.execute(sql`ANALYZE file`);
  return {
    tenantId,
    planId: plan.id,
    pointIds: points.rows.map((r: any) => r.point_id as string),
    indicatorIds: leaves.rows.map((r: any) => r.id as string),
    photoIds,
  };
}
