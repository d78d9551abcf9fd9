// Helpers of the orders tests: volunteers with their own sign-in, the demo centre, a menu item, orders.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../test/harness';

export { accountIdOf, insertVolunteer, ownSession, volunteerOf, volunteerSession } from '../timebank/test-fixtures';

/** The demo centre (the station admin's site). */
export async function centre(t: TestApp): Promise<{ id: string; region_code: string }> {
  const res = await t.ctx.db.execute(
    sql`SELECT id, region_code FROM practice_site WHERE tenant_id = ${t.tenantId} AND kind = 'centre' LIMIT 1`,
  );
  return res.rows[0] as { id: string; region_code: string };
}

/** A menu item of the centre needing a skill, added by the station. */
export async function menuItem(station: Session, siteId: string, skills: string[], name = '家电维修'): Promise<string> {
  const res = await station.inject({
    method: 'POST',
    url: '/api/v1/service-menu',
    payload: { siteId, category: 'life', name, requiredSkills: skills, description: '上门维修小家电' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Place an order as a session; the created order. */
export async function placeOrder(s: Session, payload: Record<string, unknown>): Promise<any> {
  const res = await s.inject({ method: 'POST', url: '/api/v1/orders', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Post a transition. */
export function act(s: Session, id: string, payload: Record<string, unknown>) {
  return s.inject({ method: 'POST', url: `/api/v1/orders/${id}/transitions`, payload });
}
