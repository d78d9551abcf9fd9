// The workbench's reads for the three officers kept apart (三员): accounts and lockouts, failed jobs, the audit trail.
// These are tenant-wide by nature: their roles carry the `all` scope.
import { sql } from 'drizzle-orm';
import { iso } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { one, rows } from '../../platform/sql';
import type { StateCount } from './work.repository';

/** Accounts of the tenant: how many, how many must still change their password, how many hold a live session. */
export async function findAccountFigures(db: Db, tenantId: string, now: Date) {
  return one<{ total: number; must_change: number; live_sessions: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE NOT a.is_disabled)::int AS total,
        count(*) FILTER (WHERE NOT a.is_disabled AND a.must_change_password AND NOT a.is_demo)::int AS must_change,
        (SELECT count(DISTINCT s.account_id)::int FROM session s WHERE s.tenant_id = ${tenantId}
          AND s.expires_at > ${iso(now)}::timestamptz) AS live_sessions
      FROM account a WHERE a.tenant_id = ${tenantId}`,
  );
}

/** Usernames locked out at `now` after failed sign-ins. */
export async function countLockedUsernames(db: Db, tenantId: string, now: Date) {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM login_lock l WHERE l.tenant_id = ${tenantId}
      AND l.locked_until > ${iso(now)}::timestamptz`,
  );
  return r.n;
}

/** Accounts by the roles they hold. */
export async function countAccountsByRole(db: Db, tenantId: string) {
  return rows<StateCount>(
    db,
    sql`SELECT ra.role_code AS code, count(DISTINCT ra.account_id)::int AS value FROM role_assignment ra
      WHERE ra.tenant_id = ${tenantId} GROUP BY ra.role_code ORDER BY ra.role_code`,
  );
}

/** Background jobs of the tenant that failed for good. */
export async function countFailedJobs(db: Db, tenantId: string) {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM job j WHERE j.tenant_id = ${tenantId} AND j.status = 'failed'`,
  );
  return r.n;
}

/** Audit events per Shanghai day since `from`. */
export async function countAuditEventsByDay(db: Db, tenantId: string, from: Date) {
  return rows<StateCount>(
    db,
    sql`SELECT to_char(e.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS code, count(*)::int AS value
      FROM audit_event e WHERE e.tenant_id = ${tenantId} AND e.at >= ${iso(from)}::timestamptz
      GROUP BY 1 ORDER BY 1`,
  );
}
