// The five demo frameworks, published in the demo tenant.
import type { DemoContext } from '../../../demo/context';
import { checkPointSums } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../../platform/access';
import { writeAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { insertFramework, insertNegativeItems, insertTree } from '../framework.repository';
import type { FrameworkSeed } from './build';
import { civilizedCity } from './civilized-city-b';
import { fiveHasStation, sixHasRedProperty, threeOffice } from './small-standards';
import { unityProgress } from './unity';

export const demoFrameworks: FrameworkSeed[] = [
  civilizedCity,
  unityProgress,
  fiveHasStation,
  threeOffice,
  sixHasRedProperty,
];

async function seedOne(tx: Db, tenantId: string, seed: FrameworkSeed, now: Date): Promise<void> {
  // Demo data that fails the publish check would be a bug in this file: stop loudly.
  const mismatches = checkPointSums(seed.roots, seed.totalPoints);
  if (mismatches.length)
    throw new Error(`demo framework ${seed.code}: points do not add up ${JSON.stringify(mismatches)}`);
  const id = newId();
  const total = seed.totalPoints ?? seed.roots.reduce((s, r) => s + (r.points ?? 0), 0);
  await insertFramework(
    tx,
    tenantId,
    {
      id,
      familyId: id,
      code: seed.code,
      name: seed.name,
      version: 1,
      status: 'published',
      totalPoints: total,
      complianceLine: seed.complianceLine,
      description: seed.description,
      createdBy: null,
    },
    now,
  );
  const count = await insertTree(tx, tenantId, id, seed.roots);
  await insertNegativeItems(tx, tenantId, id, seed.negatives);
  await writeAudit(tx, systemActor(tenantId, 'seed-demo', now), {
    action: 'framework.seed',
    objectType: 'framework',
    objectId: id,
    after: { code: seed.code, name: seed.name, indicatorCount: count, status: 'published' },
  });
}

/** Load the five demo frameworks, published, into a tenant; does nothing when they are already there. */
export async function seedDemoFrameworks(d: DemoContext): Promise<void> {
  const { db, tenantId } = d;
  const codes = demoFrameworks.map((f) => f.code);
  const found = await db.execute(sql`SELECT 1 FROM framework WHERE tenant_id = ${tenantId}
    AND code = ANY(${sql.param(codes)}::text[]) LIMIT 1`);
  if (found.rows.length) return;
  await db.transaction(async (tx) => {
    for (const seed of demoFrameworks) await seedOne(tx, tenantId, seed, d.clock.now());
  });
}
