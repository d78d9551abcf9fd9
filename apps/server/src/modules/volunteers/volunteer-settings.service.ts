// The tenant's hour rounding rule and star thresholds (configurable; defaults from contracts).
import { sqlTime } from '../../platform/sql';
import {
  type RoundingRule,
  type VolunteerSettingsBody,
  defaultRoundingRule,
  defaultStarThresholds,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requireCityScope } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';

export interface VolunteerSettings {
  rounding: RoundingRule;
  starThresholds: number[];
}

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** The tenant's settings, or the defaults when none were saved. */
export async function getVolunteerSettings(db: Db, tenantId: string): Promise<VolunteerSettings> {
  const res = await db.execute(
    sql`SELECT rounding, star_thresholds FROM volunteer_setting WHERE tenant_id = ${tenantId}`,
  );
  const r = res.rows[0] as { rounding: unknown; star_thresholds: unknown } | undefined;
  if (!r) return { rounding: defaultRoundingRule, starThresholds: defaultStarThresholds };
  return { rounding: parse(r.rounding), starThresholds: parse(r.star_thresholds) };
}

/** Save the rounding rule and star thresholds (office only, audited); applies to hours computed from now on. */
export async function saveVolunteerSettings(db: Db, actor: Actor, body: VolunteerSettingsBody) {
  // A tenant-wide rule: only a tenant-wide office grant may change it.
  requireCityScope(actor, 'hours.confirm');
  const before = await getVolunteerSettings(db, actor.tenantId);
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO volunteer_setting (tenant_id, rounding, star_thresholds)
      VALUES (${actor.tenantId}, ${JSON.stringify(body.rounding)}::jsonb, ${JSON.stringify(body.starThresholds)}::jsonb)
      ON CONFLICT (tenant_id) DO UPDATE SET rounding = EXCLUDED.rounding,
        star_thresholds = EXCLUDED.star_thresholds, updated_at = ${sqlTime(actor.now)}`);
    await writeAudit(tx, actor, {
      action: 'volunteer.settings',
      objectType: 'tenant',
      objectId: actor.tenantId,
      before,
      after: body,
    });
  });
  return getVolunteerSettings(db, actor.tenantId);
}
