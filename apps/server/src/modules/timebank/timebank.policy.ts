// Who sees which time bank accounts: their own (volunteer, resident), a site's or a region's branches (station,
// office), or all; outside that scope an account is a 404.
import { shanghaiDate, shanghaiDayStart } from '../../platform/clock';
import type { Permission } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, scopeFilter } from '../../platform/access';

/** The account `a` with its branch `b` lies in one of the actor's scopes for the permission. */
export function accountScope(actor: Actor, permission: Permission): SQL {
  return scopeFilter(actor, permission, {
    ownerId: sql`a.account_id`,
    siteId: sql`b.site_id`,
    regionCode: sql`b.region_code`,
  });
}

/** The branch `b` lies in one of the actor's scopes for the permission (or, given, the community `region`). */
export function branchScope(actor: Actor, permission: Permission, region?: SQL): SQL {
  if (region) return scopeFilter(actor, permission, { regionCode: region });
  return scopeFilter(actor, permission, { siteId: sql`b.site_id`, regionCode: sql`b.region_code` });
}

export const ACCOUNT_FROM = sql`timebank_account a
  LEFT JOIN timebank_branch b ON b.tenant_id = a.tenant_id AND b.id = a.branch_id`;

/** The period [start, end) of a statement from inclusive Shanghai days, the month of `now` by default. */
export function statementPeriod(
  q: { from?: string; to?: string },
  now: Date,
): {
  from: string;
  to: string;
  start: Date;
  end: Date;
} {
  const today = shanghaiDate(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const from = q.from ?? (q.to && q.to < monthStart ? `${q.to.slice(0, 8)}01` : monthStart);
  const to = q.to ?? today;
  return { from, to, start: shanghaiDayStart(from), end: new Date(shanghaiDayStart(to).getTime() + 86_400_000) };
}
