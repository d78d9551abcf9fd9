import { computeIdCardCheck } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 600_000);
afterAll(() => t?.close());

const idOf = (body17: string) => body17 + computeIdCardCheck(body17);
const base = (idCard: string, extra: Record<string, unknown> = {}) => ({
  name: '赵志愿',
  idCard,
  phone: '13912345678',
  regionCode: '620302001001',
  skills: ['first_aid', 'elderly_care'],
  serviceAreas: ['620302001001'],
  availability: ['sat_am', 'sun_pm'],
  politicalStatus: 'cyl_member',
  education: 'bachelor',
  homeLat: 38.52,
  homeLng: 102.19,
  ...extra,
});

describe('volunteer registration', () => {
  it('401 without a session, 400 naming a bad ID number in the user language, nothing stored', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/volunteers',
      payload: base(idOf('62030219950505321')),
    });
    expect(anon.statusCode).toBe(401);
    const s = await t.login('resident');
    const wrong = `6203021995050532${computeIdCardCheck('62030219950505321') === '1' ? '12' : '11'}`.slice(0, 18);
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/volunteers',
      payload: base(wrong, { skills: ['flying'] }),
      headers: { 'x-wenming-lang': 'zh-CN' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.details.fields.map((f: any) => f.field)
      .sort();
    expect(fields).toEqual(['idCard', 'skills.0']);
    const n = await t.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM volunteer WHERE name = '赵志愿'`,
    );
    expect(n[0].n).toBe(0);
  });

  it('self-registration links the account, numbers the volunteer, derives gender and birth, masks PII', async () => {
    const s = await t.login('resident');
    const idCard = idOf('62030219950505321');
    const res = await s.inject({ method: 'POST', url: '/api/v1/volunteers', payload: base(idCard) });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v.number).toMatch(/^V620302\d{4}\d{6}$/);
    expect(v.number).not.toContain(idCard.slice(6, 14));
    expect(v.gender).toBe(Number(idCard[16]) % 2 ? 'male' : 'female');
    expect(v.birthDate).toBe('1995-05-05');
    expect(v.idCardMasked).toBe(`620***********${idCard.slice(-4)}`);
    expect(v.phoneMasked).toBe('139****5678');
    expect(v.accountId).toBeTruthy();
    expect(v.starLevel).toBe(0);
    const me = await s.inject({ method: 'GET', url: '/api/v1/volunteers/me' });
    expect(me.json().id).toBe(v.id);
    // Registering made the resident a volunteer: the role is granted and takes effect at once.
    const who = await s.inject({ method: 'GET', url: '/api/v1/me' });
    expect(JSON.stringify(who.json())).toContain('activity.join');
    const raw = await t.database.query<{ id_card_enc: string }>(
      sql`SELECT id_card_enc FROM volunteer WHERE id = ${v.id}`,
    );
    expect(raw[0].id_card_enc).not.toContain(idCard.slice(0, 10));

    // The same ID number again, by a station: 409 naming the existing record.
    const admin = await t.login('admin');
    const dup = await admin.inject({
      method: 'POST',
      url: '/api/v1/volunteers',
      payload: base(idCard, { name: '另一人' }),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('VOLUNTEER_ALREADY_REGISTERED');
    expect(dup.json().error.details.existing).toEqual({ id: v.id, number: v.number });

    // The account cannot register a second person.
    const again = await s.inject({
      method: 'POST',
      url: '/api/v1/volunteers',
      payload: base(idOf('62030219960606322')),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VOLUNTEER_ACCOUNT_TAKEN');
  });

  it('a resend with the same client id stores once', async () => {
    const admin = await t.login('admin');
    const id = '01900000-0000-7000-8000-00000000a001';
    const payload = base(idOf('62030219800101555'), { id, name: '钱重发' });
    const first = await admin.inject({ method: 'POST', url: '/api/v1/volunteers', payload });
    const second = await admin.inject({ method: 'POST', url: '/api/v1/volunteers', payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().number).toBe(first.json().number);
    const n = await t.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM volunteer WHERE name = '钱重发'`,
    );
    expect(n[0].n).toBe(1);
  });

  it('a station registers into its own site; others outside its scope are 404; audit written', async () => {
    const station = await t.login('station_admin');
    const res = await station.inject({
      method: 'POST',
      url: '/api/v1/volunteers',
      payload: base(idOf('62030219880808777'), { name: '孙站注' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().siteId).toBeTruthy();
    expect(res.json().accountId).toBeNull();
    const own = (await t.database.query<{ id: string }>(sql`SELECT id FROM volunteer WHERE name = '赵志愿'`))[0].id;
    expect((await station.inject({ method: 'GET', url: `/api/v1/volunteers/${own}` })).statusCode).toBe(404);
    const list = (await station.inject({ method: 'GET', url: '/api/v1/volunteers?pageSize=500' })).json();
    expect(list.items.map((x: any) => x.name)).toContain('孙站注');
    expect(list.items.map((x: any) => x.name)).not.toContain('赵志愿');
    const audit = await t.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'volunteer.register' AND object_id = ${res.json().id}`,
    );
    expect(audit[0].n).toBe(1);
    // The volunteer account sees only itself.
    const resident = await t.login('resident');
    expect((await resident.inject({ method: 'GET', url: `/api/v1/volunteers/${res.json().id}` })).statusCode).toBe(404);
  });

  it('filters by star level and confirmed hours, in the list and the Excel export', async () => {
    const station = await t.login('station_admin');
    for (const [body17, name, hours] of [
      ['62030219900101123', '钱一星', 120],
      ['62030219900202123', '周三星', 650],
    ] as const) {
      const res = await station.inject({
        method: 'POST',
        url: '/api/v1/volunteers',
        payload: base(idOf(body17), { name }),
      });
      expect(res.statusCode).toBe(201);
      await t.database.query(sql`UPDATE volunteer SET confirmed_hours = ${hours} WHERE id = ${res.json().id}`);
    }
    const names = async (query: string) =>
      (await station.inject({ method: 'GET', url: `/api/v1/volunteers?pageSize=500&${query}` }))
        .json()
        .items.map((v: any) => v.name)
        .filter((n: string) => n === '钱一星' || n === '周三星');
    expect(await names('minStar=1')).toEqual(['钱一星', '周三星']);
    expect(await names('minStar=3')).toEqual(['周三星']);
    expect(await names('minStar=6')).toEqual([]);
    expect(await names('minHours=200')).toEqual(['周三星']);
    expect(await names('minHours=100.5&minStar=1')).toEqual(['钱一星', '周三星']);
    const three = (await station.inject({ method: 'GET', url: '/api/v1/volunteers?minStar=3' })).json();
    expect(three.items.every((v: any) => v.starLevel >= 3)).toBe(true);
    const file = await station.inject({ method: 'GET', url: '/api/v1/volunteers/export.xlsx?minStar=3' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('周三星');
    expect(text).not.toContain('钱一星');
    const bad = await station.inject({
      method: 'GET',
      url: '/api/v1/volunteers?minStar=0&minHours=-1',
      headers: { 'x-wenming-lang': 'zh-CN' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: any) => f.field)
        .sort(),
    ).toEqual(['minHours', 'minStar']);
  });

  it('updates with a version check; a volunteer cannot change their own status', async () => {
    const s = await t.login('resident');
    const me = (await s.inject({ method: 'GET', url: '/api/v1/volunteers/me' })).json();
    const { idCard: _, ...rest } = base('');
    const ok = await s.inject({
      method: 'PUT',
      url: `/api/v1/volunteers/${me.id}`,
      payload: { ...rest, skills: ['legal'], version: me.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().skills).toEqual(['legal']);
    const stale = await s.inject({
      method: 'PUT',
      url: `/api/v1/volunteers/${me.id}`,
      payload: { ...rest, version: me.version },
    });
    expect(stale.statusCode).toBe(409);
    const status = await s.inject({
      method: 'PUT',
      url: `/api/v1/volunteers/${me.id}`,
      payload: { ...rest, status: 'suspended', version: ok.json().version },
    });
    expect(status.statusCode).toBe(403);
  });
});
