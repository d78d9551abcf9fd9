// A tenant's problem rules: deadlines by severity, reminder and escalation delays, duplicate radius and window.
import { sqlTime } from '../../platform/sql';
import { type ProblemSettings, defaultProblemSettings, problemSettingsBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requireCityScope } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';

/** The tenant's rules, the contracts' defaults filling whatever is not stored. */
export async function getProblemSettings(db: Db, tenantId: string): Promise<ProblemSettings> {
  const res = await db.execute(sql`SELECT settings FROM problem_setting WHERE tenant_id = ${tenantId}`);
  const stored = (res.rows[0] as { settings: unknown } | undefined)?.settings;
  const raw = typeof stored === 'string' ? JSON.parse(stored) : (stored ?? {});
  const parsed = problemSettingsBody.partial().safeParse(raw);
  const s = parsed.success ? parsed.data : {};
  return {
    ...defaultProblemSettings,
    ...s,
    deadlineDays: { ...defaultProblemSettings.deadlineDays, ...(s.deadlineDays ?? {}) },
  };
}

/** Replace the tenant's rules (city-scope office, problem.assign); audited with before and after. */
export async function updateProblemSettings(db: Db, actor: Actor, body: ProblemSettings): Promise<ProblemSettings> {
  requireCityScope(actor, 'problem.assign');
  const before = await getProblemSettings(db, actor.tenantId);
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO problem_setting (tenant_id, settings) VALUES (${actor.tenantId}, ${JSON.stringify(body)}::jsonb)
      ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = ${sqlTime(actor.now)}`);
    await writeAudit(tx, actor, {
      action: 'problem.settings',
      objectType: 'tenant',
      objectId: actor.tenantId,
      before,
      after: body,
    });
  });
  return getProblemSettings(db, actor.tenantId);
}
