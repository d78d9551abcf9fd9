// Helpers of the activities tests: volunteers with accounts, an activity happening now, the station's site.
import { computeIdCardCheck } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { hashPassword } from '../../platform/passwords';
import { DEMO_PASSWORD, type Session, type TestApp } from '../../test/harness';
import { createAccountRaw } from '../org/tenant.service';
import { insertVolunteers } from '../volunteers';

let hash: string | null = null;
let seq = 0;

/** `n` volunteer accounts with volunteer records (and the given skills), signed in. */
export async function volunteerSessions(t: TestApp, n: number, skills: string[] = []): Promise<Session[]> {
  hash ??= await hashPassword(DEMO_PASSWORD);
  const sessions: Session[] = [];
  for (let i = 0; i < n; i++) {
    seq++;
    const username = `vtest${seq}`;
    const accountId = await createAccountRaw(
      t.ctx.db,
      t.tenantId,
      {
        username,
        displayName: `测试志愿者${seq}`,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
        roles: [{ role: 'volunteer', scopeKind: 'own', scopeRef: null }],
      },
      hash,
    );
    const body17 = `62030219900101${String(seq).padStart(3, '0')}`;
    await t.ctx.db.transaction((tx) =>
      insertVolunteers(
        tx,
        t.ctx.cipher,
        t.tenantId,
        [
          {
            name: `测试志愿者${seq}`,
            idCard: body17 + computeIdCardCheck(body17),
            phone: '13900000000',
            regionCode: '620302001001',
            skills: skills as never,
            serviceAreas: [],
            availability: [],
            accountId,
          },
        ],
        { onConflict: 'fail', at: t.ctx.clock.now() },
      ),
    );
    sessions.push(await t.login(username));
  }
  return sessions;
}

/** The practice site the demo station admin runs. */
export async function stationSite(t: TestApp): Promise<{ id: string; region_code: string }> {
  const res = await t.ctx.db.execute(sql`SELECT s.id, s.region_code FROM role_assignment ra
    JOIN account a ON a.tenant_id = ra.tenant_id AND a.id = ra.account_id
    JOIN practice_site s ON s.tenant_id = ra.tenant_id AND s.id::text = ra.scope_ref
    WHERE ra.tenant_id = ${t.tenantId} AND a.username = 'station_admin'`);
  return res.rows[0] as { id: string; region_code: string };
}

export const PLACE = { lat: 38.5201, lng: 102.1877 };

/** Create an activity as a session; by default at the station's site, running from 10 minutes ago for 2 hours. */
export async function createActivity(s: Session, siteId: string, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  const res = await s.inject({
    method: 'POST',
    url: '/api/v1/activities',
    payload: {
      title: '社区环境清洁志愿活动',
      type: 'environment',
      siteId,
      regionCode: '6203',
      place: '金川区北京路社区广场',
      ...PLACE,
      radiusM: 200,
      startsAt: new Date(now - 10 * 60_000).toISOString(),
      endsAt: new Date(now + 2 * 3600_000).toISOString(),
      recruitLimit: 10,
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; [k: string]: any };
}
