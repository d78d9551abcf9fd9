import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { count } from '../campaigns/test-fixtures';
import { DEMO_DISTRICT } from '../../demo/seed-demo';
import { communities } from './test-helpers';

let t: TestApp;
let admin: Session;
let inspector: Session;
let regions: string[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  inspector = await t.login('inspector');
  regions = await communities(t);
});
afterAll(() => t?.close());

const questionnaire = {
  title: '文明城市创建知晓率满意度调查',
  regionCode: DEMO_DISTRICT,
  isPublic: true,
  questions: [
    { id: 'k1', kind: 'awareness', text: '您是否知道本市正在创建全国文明城市？' },
    { id: 'k2', kind: 'awareness', text: '您是否知道社会主义核心价值观的内容？' },
    { id: 's1', kind: 'satisfaction', text: '您对本社区环境卫生是否满意？' },
    { id: 's2', kind: 'satisfaction', scale: 'yes_no', text: '您对公交出行是否满意？' },
  ],
};

const answers = (k1: string, k2: string, s1: string, s2: string) => [
  { questionId: 'k1', value: k1 },
  { questionId: 'k2', value: k2 },
  { questionId: 's1', value: s1 },
  { questionId: 's2', value: s2 },
];

describe('questionnaires: access and bad input', () => {
  it('needs sign-in (401), a valid body (400), survey.manage (403); unknown ones are 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/questionnaires' })).statusCode).toBe(401);
    const bad = { ...questionnaire, questions: [{ kind: 'awareness', scale: 'five_level', text: '？' }] };
    const r = await admin.inject({ method: 'POST', url: '/api/v1/questionnaires', payload: bad });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0].field).toBe('questions.0.scale');
    expect(
      (await inspector.inject({ method: 'POST', url: '/api/v1/questionnaires', payload: questionnaire })).statusCode,
    ).toBe(403);
    const resident = await t.login('resident');
    expect((await resident.inject({ method: 'GET', url: '/api/v1/questionnaires' })).statusCode).toBe(403);
    const missing = await admin.inject({ method: 'GET', url: `/api/v1/questionnaires/${newId()}` });
    expect(missing.json().error.code).toBe('QUESTIONNAIRE_NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${'A'.repeat(46)}` })).statusCode).toBe(
      404,
    );
  });
});

describe('answers and rates per region', () => {
  it('takes answers from inspectors and residents once each, and counts the rates per community and street', async () => {
    const q = (await admin.inject({ method: 'POST', url: '/api/v1/questionnaires', payload: questionnaire })).json();
    expect(q).toMatchObject({ status: 'open', isPublic: true, publicToken: expect.stringMatching(/^[\w-]{46}$/) });
    const seen = await inspector.inject({ method: 'GET', url: `/api/v1/questionnaires/${q.id}` });
    expect(seen.json().publicToken, seen.body).toBeNull();
    const [a, b] = regions;
    const byInspector = [
      answers('knows', 'knows', 'very_satisfied', 'yes'),
      answers('knows', 'not_knows', 'neutral', 'no'),
      answers('not_knows', 'not_knows', 'satisfied', 'yes'),
    ];
    const ids: string[] = [];
    for (const [i, ans] of byInspector.entries()) {
      const body = { id: newId(), questionnaireId: q.id, regionCode: i < 2 ? a : b, answers: ans };
      ids.push(body.id);
      const res = await inspector.inject({ method: 'POST', url: '/api/v1/survey-responses', payload: body });
      expect(res.statusCode, res.body).toBe(201);
      if (i === 0)
        expect(
          (await inspector.inject({ method: 'POST', url: '/api/v1/survey-responses', payload: body })).statusCode,
        ).toBe(200);
    }
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${q.publicToken}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().questions[2].answers.map((x: any) => x.label)).toEqual([
      '满意',
      '比较满意',
      '一般',
      '不满意',
      '很不满意',
    ]);
    expect(page.json().regions.map((r: any) => r.code)).toContain(b);
    const pub = { id: newId(), regionCode: b, answers: answers('knows', 'knows', 'dissatisfied', 'yes') };
    const purl = `/api/v1/public/surveys/${q.publicToken}/responses`;
    expect((await t.app.inject({ method: 'POST', url: purl, payload: pub })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: purl, payload: pub })).statusCode).toBe(200);
    expect(await count(t, 'survey_response', sql`questionnaire_id = ${q.id}`)).toBe(4);

    const res = (
      await admin.inject({ method: 'GET', url: `/api/v1/questionnaires/${q.id}/results?level=village` })
    ).json();
    const rowA = res.rows.find((r: any) => r.regionCode === a);
    const rowB = res.rows.find((r: any) => r.regionCode === b);
    // community a: awareness 3 of 4, satisfaction (s1 top two + s2 yes) 2 of 4
    expect(rowA).toMatchObject({ responses: 2, awareness: { numerator: 3, denominator: 4, percent: 75 } });
    expect(rowA.satisfaction).toEqual({ numerator: 2, denominator: 4, percent: 50 });
    expect(rowB).toMatchObject({ responses: 2, awareness: { numerator: 2, denominator: 4, percent: 50 } });
    expect(rowB.questions.s1).toEqual({ numerator: 1, denominator: 2, percent: 50 });
    expect(res.total).toMatchObject({ responses: 4, awareness: { numerator: 5, denominator: 8, percent: 62.5 } });
    const streets = (
      await admin.inject({ method: 'GET', url: `/api/v1/questionnaires/${q.id}/results?level=township` })
    ).json();
    expect(streets.rows.reduce((s: number, r: any) => s + r.responses, 0)).toBe(4);

    const edit = { ...questionnaire, questions: questionnaire.questions.slice(0, 2), status: 'open', version: 1 };
    const refused = await admin.inject({ method: 'PUT', url: `/api/v1/questionnaires/${q.id}`, payload: edit });
    expect(refused.json().error.code).toBe('QUESTIONNAIRE_HAS_RESPONSES');
    const closed = await admin.inject({
      method: 'PUT',
      url: `/api/v1/questionnaires/${q.id}`,
      payload: { ...questionnaire, status: 'closed', version: 1 },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', version: 2 });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${q.publicToken}` })).statusCode).toBe(
      404,
    );
    const late = await inspector.inject({
      method: 'POST',
      url: '/api/v1/survey-responses',
      payload: { id: newId(), questionnaireId: q.id, regionCode: a, answers: byInspector[0] },
    });
    expect(late.json().error.code).toBe('QUESTIONNAIRE_CLOSED');
  });

  it('refuses answers outside the questionnaire, wrong values, and floods from one address (429)', async () => {
    const q = (await admin.inject({ method: 'POST', url: '/api/v1/questionnaires', payload: questionnaire })).json();
    const purl = `/api/v1/public/surveys/${q.publicToken}/responses`;
    const wrong = {
      id: newId(),
      regionCode: regions[0],
      answers: [
        { questionId: 'k1', value: 'yes' },
        { questionId: 'zz', value: 'knows' },
      ],
    };
    const r = await t.app.inject({ method: 'POST', url: purl, payload: wrong });
    expect(r.json().error.details.fields.map((f: any) => f.field)).toEqual(['answers.0.value', 'answers.1.questionId']);
    const outside = await t.app.inject({
      method: 'POST',
      url: purl,
      payload: { ...wrong, regionCode: '620321001001', answers: answers('knows', 'knows', 'satisfied', 'yes') },
    });
    expect(outside.json().error.details.fields[0].field).toBe('regionCode');
    // One client's socket address (X-Forwarded-For counts only from a configured proxy).
    const remoteAddress = '203.0.113.9';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const body = { id: newId(), regionCode: regions[0], answers: answers('knows', 'knows', 'satisfied', 'yes') };
      statuses.push(
        (await t.app.inject({ method: 'POST', url: purl, payload: body, remoteAddress } as InjectOptions)).statusCode,
      );
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.at(-1)).toBe(429);
  });
});
