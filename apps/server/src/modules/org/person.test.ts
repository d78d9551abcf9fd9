import { computeIdCardCheck } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const body17 = '62030219900101123';
const idCard = body17 + computeIdCardCheck(body17);

describe('people and personal data', () => {
  it('400 names a wrong ID check digit and a bad phone, in the user language, and stores nothing', async () => {
    const s = await t.login('admin');
    const wrong = body17 + (computeIdCardCheck(body17) === '1' ? '2' : '1');
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: '测试', idCard: wrong, phone: '12345', regionCode: '620302001001' },
      headers: { 'x-wenming-lang': 'zh-TW' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields;
    expect(fields.map((f: any) => f.field).sort()).toEqual(['idCard', 'phone']);
    expect(fields.find((f: any) => f.field === 'idCard').message).toMatch(/身分證/);
    const n = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM person WHERE name = '测试'`);
    expect(n[0].n).toBe(0);
  });

  it('encrypts ID numbers and phones at rest, masks them in lists, and finds names by pinyin and either script', async () => {
    const s = await t.login('admin');
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: '张团结', idCard, phone: '13812341234', regionCode: '620302001001' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().idCardMasked).toBe(`620***********${idCard.slice(-4)}`);
    expect(res.json().phoneMasked).toBe('138****1234');
    const raw = await t.database.query<Record<string, string>>(
      sql`SELECT id_card_enc, phone_enc FROM person WHERE name = '张团结'`,
    );
    expect(raw[0].id_card_enc).not.toContain(idCard.slice(0, 6));
    expect(raw[0].phone_enc).not.toContain('1381234');
    for (const q of ['张团结', '張團結', 'ztj', 'zhangtuanjie']) {
      const found = (await s.inject({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}` })).json();
      expect(found.items.map((p: any) => p.name)).toContain('张团结');
    }
    const dup = await s.inject({
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: '重复', idCard, regionCode: '620302001001' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('PERSON_ID_CARD_TAKEN');
  });

  it('shows the whole ID number only with person.reveal_pii, and audits each view', async () => {
    const admin = await t.login('admin');
    const p = (await admin.inject({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent('张团结')}` })).json()
      .items[0];
    const shown = await admin.inject({ method: 'POST', url: `/api/v1/people/${p.id}/reveal` });
    expect(shown.json()).toEqual({ idCard, phone: '13812341234' });
    const liaison = await t.login('unit_liaison');
    expect((await liaison.inject({ method: 'POST', url: `/api/v1/people/${p.id}/reveal` })).statusCode).toBe(403);
    const audit = await (await t.login('auditor')).inject({
      method: 'GET',
      url: `/api/v1/audit-events?action=person.reveal_pii&objectId=${p.id}`,
    });
    expect(audit.json().total).toBe(1);
    expect(audit.json().items[0].actorName).toBe('admin');
  });

  it('updates with the version and answers 409 to a stale one', async () => {
    const s = await t.login('admin');
    const p = (await s.inject({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent('张团结')}` })).json()
      .items[0];
    const body = { name: '张团结', regionCode: '620302001001', position: '主任', version: p.version };
    expect((await s.inject({ method: 'PUT', url: `/api/v1/people/${p.id}`, payload: body })).statusCode).toBe(200);
    const stale = await s.inject({ method: 'PUT', url: `/api/v1/people/${p.id}`, payload: body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.json().error.details.current.position).toBe('主任');
  });
});

describe('editing without the personal data', () => {
  it('keeps the stored ID number and phone when the keys are left out, clears them with null', async () => {
    const s = await t.login('admin');
    const p = (await s.inject({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent('张团结')}` })).json()
      .items[0];
    const kept = await s.inject({
      method: 'PUT',
      url: `/api/v1/people/${p.id}`,
      payload: { name: '张团结', regionCode: '620302001001', version: p.version },
    });
    expect(kept.json().idCardMasked).toBe(p.idCardMasked);
    expect(kept.json().phoneMasked).toBe('138****1234');
    const cleared = await s.inject({
      method: 'PUT',
      url: `/api/v1/people/${p.id}`,
      payload: { name: '张团结', regionCode: '620302001001', phone: null, version: kept.json().version },
    });
    expect(cleared.json().phoneMasked).toBeNull();
    expect(cleared.json().idCardMasked).toBe(p.idCardMasked);
  });
});
