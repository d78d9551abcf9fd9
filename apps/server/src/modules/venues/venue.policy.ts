// Who may do what with venues: anyone with venue.read browses every venue of the tenant (they are public places);
// managers change venues and handle bookings of the sites or regions in their venue.manage scope; a booker sees
// their own bookings. Outside that a booking is a 404.
import type { Actor } from '../../platform/access';
import { scopeFilter } from '../../platform/access';
import { type SQL, sql } from 'drizzle-orm';

/** The venue `v` lies in the actor's venue.manage scope. */
export function venueManaged(actor: Actor): SQL {
  return scopeFilter(actor, 'venue.manage', { siteId: sql`v.site_id`, regionCode: sql`v.region_code` });
}

/** The booking `b` (of venue `v`) is the actor's own or in their manage scope. */
export function bookingReadable(actor: Actor): SQL {
  const own = actor.accountId ? sql`b.account_id = ${actor.accountId}::uuid` : sql`false`;
  return sql`(${own} OR ${venueManaged(actor)})`;
}
