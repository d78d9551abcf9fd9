// The fictional demo tenant 示范市, seeded in one transaction on the clock's day: either the whole demo is there or
// none of it (a failed seed leaves no tenant behind, and the next start tries again), and every date in it is
// relative to the day it is seeded on, so it is complete on any date.
import { eq } from 'drizzle-orm';
import { tenant } from '../db/schema';
import { systemActor } from '../platform/access';
import { writeAudit } from '../platform/audit';
import type { Clock } from '../platform/clock';
import type { PiiCipher } from '../platform/crypto';
import type { Db } from '../platform/db';
import type { FileStore } from '../platform/files';
import { createJobQueue } from '../platform/jobs';
import { purgeTenant } from '../platform/tenant-purge';
import { seedDemoCampaigns } from '../modules/campaigns/demo/seed-campaigns';
import { seedDemoCommunity } from '../modules/community/demo/seed-community';
import { seedRegionShapes } from '../modules/evaluations/bigscreen-demo';
import { seedDemoEvaluations } from '../modules/evaluations/demo/seed-evaluations';
import { seedDemoFrameworks } from '../modules/frameworks/demo/seed-frameworks';
import { seedDemoInspections } from '../modules/inspections/demo/seed-inspections';
import { seedDemoOrders } from '../modules/orders/demo/seed-orders';
import { createTenant } from '../modules/org/tenant.service';
import { seedDemoProblems } from '../modules/problems/demo/seed-problems';
import { seedDemoSelections } from '../modules/selections';
import { seedDemoTimebank } from '../modules/timebank/demo/seed-timebank';
import { seedDemoVolunteers } from '../modules/volunteers/demo/seed-volunteers';
import { seedDemoVenues } from '../modules/venues/demo/seed-venues';
import { seedDemoNews } from '../modules/news/demo/seed-news';
import type { DemoContext } from './context';
import { seedDemoStory } from './seed-story';
import { DEMO_ROOT, type DemoAccount, demoAccountList, seedDemoOrg } from './seed-org';

export { DEMO_DISTRICT, DEMO_OTHER_DISTRICT, DEMO_ROOT, type DemoAccount, demoAccountList } from './seed-org';

/** What the demo seed needs from the platform. */
export interface DemoDeps {
  db: Db;
  cipher: PiiCipher;
  clock: Clock;
  files: FileStore;
}

export interface DemoOptions {
  password: string;
  /** Tenant code (default `demo`). */
  code?: string;
  /** Demo accounts must change their password at first sign-in (production). */
  mustChangePassword?: boolean;
  /** Told of each step as it finishes, with its duration in milliseconds (the start prints them). */
  onStep?: (step: string, ms: number) => void;
}

/** A demo seed that failed: which step, and the error it met (with its code and details when it has them). */
export class DemoSeedError extends Error {
  constructor(
    readonly step: string,
    readonly reason: unknown,
  ) {
    super(`demo seed failed at "${step}": ${describeError(reason)}`);
  }
}

/** An error as a person reads it: AppError code and details, or the message (SQL errors included). */
export function describeError(err: unknown): string {
  const e = err as { code?: unknown; details?: unknown; message?: unknown; detail?: unknown } | null;
  if (!e) return String(err);
  const parts = [e.code ? String(e.code) : null, e.message && e.message !== e.code ? String(e.message) : null];
  if (e.details !== undefined) parts.push(JSON.stringify(e.details));
  if (e.detail) parts.push(String(e.detail));
  return parts.filter(Boolean).join(' — ') || String(err);
}

/** The parts of the demo, in the order they depend on each other. */
const steps: [name: string, run: (d: DemoContext) => Promise<void>][] = [
  ['frameworks', seedDemoFrameworks], // before campaigns: their demo decomposes the published framework
  ['campaigns', seedDemoCampaigns],
  ['problems', seedDemoProblems],
  ['inspections', seedDemoInspections], // after problems: findings need their categories
  ['evaluations', seedDemoEvaluations], // after inspections: three months of monthly rankings
  ['volunteers', seedDemoVolunteers], // teams, volunteers, activities with confirmed hours
  ['timebank', seedDemoTimebank], // after the volunteers' demo: deposits their confirmed hours
  ['orders', seedDemoOrders], // after the time bank: completed orders pay volunteers from the fund
  ['selections', seedDemoSelections], // a 好人 campaign in voting, a 道德模范 campaign named
  ['venues', seedDemoVenues], // the demo centre's 党史馆 with a month of bookings
  ['news', seedDemoNews], // published 工作动态 and 典型案例, one in review, one draft
  ['community', seedDemoCommunity], // the three lists of the demo community, with claims in every state
  ['story', seedDemoStory], // bulletin, self-assessments, notices and plans of every kind: after evaluations
  [
    'region shapes',
    async (d) => {
      await seedRegionShapes(d.db, d.tenantId, DEMO_ROOT);
    },
  ], // outlines for the big-screen map
];

/**
 * Create the 示范市 demo tenant unless it exists. One transaction: on any failure nothing is left behind and a
 * DemoSeedError names the step.
 */
export async function seedDemo(
  deps: DemoDeps,
  opts: DemoOptions,
): Promise<{ created: boolean; tenantId: string; accounts: DemoAccount[] }> {
  const code = opts.code ?? 'demo';
  return deps.db.transaction(async (tx) => {
    const { id: tenantId, created } = await createTenant(tx, { code, name: '示范市', rootRegionCode: DEMO_ROOT });
    if (!created) return { created, tenantId, accounts: demoAccountList() };
    const d: DemoContext = {
      db: tx,
      tenantId,
      clock: deps.clock,
      cipher: deps.cipher,
      files: deps.files,
      jobs: createJobQueue(tx, { error: () => {} }, deps.clock),
    };
    const org = (x: DemoContext) =>
      seedDemoOrg(x, { password: opts.password, mustChangePassword: opts.mustChangePassword ?? false });
    for (const [name, run] of [['organisation', org] as const, ...steps]) {
      const t0 = performance.now();
      await runStep(name, () => run(d));
      opts.onStep?.(name, performance.now() - t0);
    }
    await writeAudit(tx, systemActor(tenantId, 'seed-demo', deps.clock.now()), {
      action: 'tenant.seeded',
      objectType: 'tenant',
      objectId: tenantId,
    });
    return { created, tenantId, accounts: demoAccountList() };
  });
}

async function runStep(step: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    throw err instanceof DemoSeedError ? err : new DemoSeedError(step, err);
  }
}

/** Remove the demo tenant (everything it holds) and seed it again, in one transaction. */
export async function resetDemo(
  deps: DemoDeps,
  opts: DemoOptions,
): Promise<{ created: boolean; tenantId: string; accounts: DemoAccount[] }> {
  const code = opts.code ?? 'demo';
  return deps.db.transaction(async (tx) => {
    const found = await tx.select({ id: tenant.id }).from(tenant).where(eq(tenant.code, code));
    if (found[0]) await purgeTenant(tx, found[0].id);
    return seedDemo({ ...deps, db: tx }, opts);
  });
}
