// Selections end to end over the API: a campaign through its stages, nominations and the eligibility check, votes
// that cannot be gamed (the unique key, bursts flagged, the counter equal to a recount), 公示 with objections, and
// the public honour roll. Windows are moved by SQL between steps: the test runs on any day.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../platform/clock';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { photo } from '../problems/test-fixtures';

let t: TestApp;
let admin: Session;
let resident: Session;
let volunteer: Session;
let today: string;
beforeAll(async () => {
  t = await createTestApp();
  [admin, resident, volunteer] = await Promise.all(['admin', 'resident', 'volunteer'].map((u) => t.login(u)));
  today = shanghaiDate(t.ctx.clock.now());
}, 600_000);
afterAll(() => t?.close());

const d = (n: number) => addDays(today, n);
const body = (extra: Record<string, unknown> = {}) => ({
  kind: 'moral_model',
  name: '第二届示范市道德模范评选',
  quota: 2,
  nominationStart: d(-2),
  nominationEnd: d(2),
  votingStart: d(3),
  votingEnd: d(10),
  publicityStart: d(11),
  publicityEnd: d(17),
  ...extra,
});
const nominee = (name: string, phone: string, extra: Record<string, unknown> = {}) => ({
  source: 'public',
  category: 'helping_others',
  name,
  phone,
  story: `${name}常年照顾孤寡老人，义务为社区居民理发。`,
  ...extra,
});

/** Move a campaign's windows (time passing, without a clock). */
async function windows(id: string, w: Record<string, [number, number]>) {
  for (const [name, [from, to]] of Object.entries(w))
    await t.database.query(
      sql`UPDATE selection_campaign SET ${sql.raw(`${name}_start`)} = ${d(from)}::date,
        ${sql.raw(`${name}_end`)} = ${d(to)}::date WHERE id = ${id}`,
    );
}

async function step(id: string, action: string) {
  const c = await admin.inject({ method: 'GET', url: `/api/v1/selection-campaigns/${id}` });
  return admin.inject({
    method: 'POST',
    url: `/api/v1/selection-campaigns/${id}/transition`,
    payload: { action, version: c.json().version },
  });
}

const vote = (s: Session, candidateId: string, headers: Record<string, string> = {}) =>
  s.inject({ method: 'POST', url: `/api/v1/selection-candidates/${candidateId}/votes`, headers });

describe('selection campaigns', () => {
  it('refuses a 公示 shorter than 7 days and a class outside the kind, naming the fields; residents may not create', async () => {
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/selection-campaigns',
      payload: body({ publicityEnd: d(13), kind: 'best_family', categories: ['bravery'] }),
      headers: { 'x-wenming-lang': 'zh-CN' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields.sort()).toEqual(['categories.0', 'publicityEnd']);
    expect(JSON.stringify(bad.json())).toContain('公示期不少于 7 天');
    const denied = await resident.inject({ method: 'POST', url: '/api/v1/selection-campaigns', payload: body() });
    expect(denied.statusCode).toBe(403);
  });

  it('runs a 道德模范 campaign from draft to named, with votes, 公示, an objection and the public honour roll', async () => {
    const created = await admin.inject({ method: 'POST', url: '/api/v1/selection-campaigns', payload: body() });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.stage).toBe('draft');
    expect(c.categories).toEqual(['helping_others', 'bravery', 'honesty', 'dedication', 'filial_piety']);
    expect(c.actions).toEqual(['open_nomination', 'close']);

    // Residents do not see drafts; nominating before the stage opens is 409.
    expect((await resident.inject({ method: 'GET', url: `/api/v1/selection-campaigns/${c.id}` })).statusCode).toBe(404);
    expect((await step(c.id, 'open_voting')).statusCode).toBe(409);
    expect((await step(c.id, 'open_nomination')).json().stage).toBe('nominating');

    // Nominations: one with a photo; the same person again (by someone else) is 409; a unit needs its name.
    const pic = await photo(resident);
    const n1 = await resident.inject({
      method: 'POST',
      url: `/api/v1/selection-campaigns/${c.id}/nominations`,
      payload: nominee('王秀英', '13800000001', { photoFileIds: [pic] }),
    });
    expect(n1.statusCode, n1.body).toBe(201);
    expect(n1.json().state).toBe('nominated');
    const dup = await volunteer.inject({
      method: 'POST',
      url: `/api/v1/selection-campaigns/${c.id}/nominations`,
      payload: nominee(' 王秀英', '13800000001', { category: 'honesty' }),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('SELECTION_DUPLICATE_NOMINATION');
    const unit = await admin.inject({
      method: 'POST',
      url: `/api/v1/selection-campaigns/${c.id}/nominations`,
      payload: nominee('李志强', '13800000002', { source: 'unit' }),
    });
    expect(unit.json().error.details.fields[0].field).toBe('nominatorName');
    const ids: string[] = [n1.json().id];
    for (const [name, phone] of [
      ['李志强', '13800000002'],
      ['张海燕', '13800000003'],
      ['刘国庆', '13800000004'],
    ]) {
      const r = await admin.inject({
        method: 'POST',
        url: `/api/v1/selection-campaigns/${c.id}/nominations`,
        payload: nominee(name, phone, { source: 'organisation', nominatorName: '示范市总工会' }),
      });
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
    }

    // Eligibility check: a rejection needs a reason; review waits until every nomination is checked.
    const check = (id: string, payload: Record<string, unknown>) =>
      admin.inject({ method: 'POST', url: `/api/v1/selection-candidates/${id}/check`, payload });
    expect((await check(ids[3], { decision: 'reject', version: 1 })).json().error.details.fields[0].field).toBe(
      'reason',
    );
    expect((await step(c.id, 'close_nomination')).json().stage).toBe('checking');
    expect((await step(c.id, 'start_review')).json().error.details.unchecked).toBe(4);
    const rejected = await check(ids[3], { decision: 'reject', reason: '有不良记录', version: 1 });
    expect(rejected.json()).toMatchObject({ state: 'ineligible', checkReason: '有不良记录' });
    for (const id of ids.slice(0, 3))
      expect((await check(id, { decision: 'approve', version: 1 })).statusCode).toBe(200);
    expect((await check(ids[0], { decision: 'approve', version: 2 })).statusCode).toBe(409);
    expect((await step(c.id, 'start_review')).json().stage).toBe('reviewing');

    // Voting: the public does not see the campaign under review; outside the window it is 409.
    expect((await vote(resident, ids[0])).statusCode).toBe(404);
    expect((await step(c.id, 'open_voting')).json().stage).toBe('voting');
    expect((await vote(resident, ids[0])).json().error.code).toBe('SELECTION_VOTING_CLOSED');
    await windows(c.id, { nomination: [-10, -5], voting: [-4, 3], publicity: [4, 11] });
    const v1 = await vote(resident, ids[0]);
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toEqual({ counted: true, flagged: false, voteDay: today });
    expect((await vote(resident, ids[0])).json().error.code).toBe('SELECTION_ALREADY_VOTED');
    expect((await vote(resident, ids[3])).statusCode).toBe(404);
    expect((await vote(admin, ids[0])).statusCode).toBe(403);
    expect((await vote(volunteer, ids[1])).statusCode).toBe(201);

    // The public sees only the ballot, with live counts and no phones.
    const seen = await resident.inject({ method: 'GET', url: `/api/v1/selection-campaigns/${c.id}/candidates` });
    expect(seen.json().total).toBe(3);
    expect(seen.json().items.every((x: { phoneMasked: string | null }) => x.phoneMasked === null)).toBe(true);
    const tally = await resident.inject({ method: 'GET', url: `/api/v1/selection-campaigns/${c.id}/tally` });
    expect(tally.json().items.map((x: { votes: number }) => x.votes)).toEqual([1, 1, 0]);

    // A burst from one network: after 20 votes in a minute from it, the next is stored flagged and counted apart.
    const [acct] = await t.database.query<{ id: string }>(sql`SELECT id FROM account WHERE username = 'resident'`);
    for (let i = 1; i <= 20; i++)
      await t.database.query(sql`INSERT INTO selection_vote (tenant_id, id, campaign_id, candidate_id,
          voter_account_id, vote_day, cast_at, network, flagged)
        VALUES (${t.tenantId}, gen_random_uuid(), ${c.id}, ${ids[2]}, ${acct.id}, ${d(-100 - i)}::date,
          ${t.ctx.clock.now().toISOString()}::timestamptz, '10.9.9.9', false)`);
    await t.database.query(sql`INSERT INTO selection_tally (tenant_id, candidate_id, campaign_id, votes)
      VALUES (${t.tenantId}, ${ids[2]}, ${c.id}, 20)`);
    const burst = await t.app.inject({
      method: 'POST',
      url: `/api/v1/selection-candidates/${ids[2]}/votes`,
      headers: { cookie: volunteer.cookie, 'x-csrf-token': volunteer.csrf },
      remoteAddress: '10.9.9.9',
    });
    expect(burst.json()).toMatchObject({ counted: true, flagged: true });
    const after = await admin.inject({ method: 'GET', url: `/api/v1/selection-candidates/${ids[2]}` });
    expect(after.json()).toMatchObject({ votes: 20, flaggedVotes: 1 });

    // Closing the vote recounts from the records, equals the counters, is audited, and puts the top 2 in 公示.
    const closed = await step(c.id, 'close_voting');
    expect(closed.json().stage).toBe('publicizing');
    const [ev] = await t.database.query<{ after: { counterMatches: boolean; publicized: string[] } }>(
      sql`SELECT after FROM audit_event WHERE object_id = ${c.id} AND action = 'selection_campaign.close_voting'`,
    );
    expect(ev.after.counterMatches).toBe(true);
    expect(ev.after.publicized).toEqual([ids[2], ids[0]]);
    const [plain] = await t.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM selection_vote WHERE campaign_id = ${c.id} AND NOT flagged`,
    );
    const [finals] = await t.database.query<{ n: number }>(
      sql`SELECT sum(final_votes)::int AS n FROM selection_candidate WHERE campaign_id = ${c.id}`,
    );
    expect(finals.n).toBe(plain.n);
    expect((await vote(resident, ids[0])).json().error.code).toBe('SELECTION_VOTING_CLOSED');
    const states = await admin.inject({ method: 'GET', url: `/api/v1/selection-campaigns/${c.id}/candidates` });
    expect(Object.fromEntries(states.json().items.map((x: { id: string; state: string }) => [x.id, x.state]))).toEqual({
      [ids[0]]: 'publicized',
      [ids[1]]: 'not_selected',
      [ids[2]]: 'publicized',
      [ids[3]]: 'ineligible',
    });

    // 公示: objections only within its window; the office answers; naming waits for the end and the answers.
    const object = (id: string) =>
      resident.inject({
        method: 'POST',
        url: `/api/v1/selection-candidates/${id}/objections`,
        payload: { content: '事迹材料与实际不符' },
      });
    expect((await object(ids[0])).json().error.code).toBe('SELECTION_PUBLICITY_CLOSED');
    await windows(c.id, { voting: [-10, -4], publicity: [-3, 4] });
    const o1 = await object(ids[0]);
    expect(o1.statusCode, o1.body).toBe(201);
    expect((await step(c.id, 'name')).json().error.code).toBe('SELECTION_PUBLICITY_NOT_OVER');
    await windows(c.id, { publicity: [-8, -1] });
    expect((await object(ids[2])).json().error.code).toBe('SELECTION_PUBLICITY_CLOSED');
    expect((await step(c.id, 'name')).json().error.code).toBe('SELECTION_OBJECTIONS_OPEN');
    const list = await admin.inject({ method: 'GET', url: `/api/v1/selection-campaigns/${c.id}/objections` });
    expect(list.json()).toHaveLength(1);
    const answered = await admin.inject({
      method: 'POST',
      url: `/api/v1/selection-objections/${o1.json().id}/answer`,
      payload: { answer: '经核实，事迹属实，异议不成立', upheld: false },
    });
    expect(answered.json()).toMatchObject({ status: 'answered', upheld: false });
    const again = await admin.inject({
      method: 'POST',
      url: `/api/v1/selection-objections/${o1.json().id}/answer`,
      payload: { answer: '重复答复', upheld: true },
    });
    expect(again.json().error.code).toBe('SELECTION_OBJECTION_ANSWERED');
    const named = await step(c.id, 'name');
    expect(named.json()).toMatchObject({ stage: 'named', actions: [] });

    // The honour roll, without signing in.
    const roll = await t.app.inject({ method: 'GET', url: '/api/v1/public/honour-roll?kind=moral_model' });
    expect(roll.statusCode).toBe(200);
    const entry = roll.json().items.find((x: { campaignId: string }) => x.campaignId === c.id);
    expect(entry.people.map((p: { name: string }) => p.name).sort()).toEqual(['张海燕', '王秀英']);
    expect(JSON.stringify(entry)).not.toContain('1380000');
  });
});

/** A 好人 campaign in voting today with one eligible candidate; answers the candidate's id. */
async function votingCampaign(voteRule: 'per_day' | 'once' = 'per_day'): Promise<{ id: string; candidate: string }> {
  const c = (
    await admin.inject({
      method: 'POST',
      url: '/api/v1/selection-campaigns',
      payload: body({ kind: 'good_person', name: `示范市好人评选（${voteRule}）`, voteRule }),
    })
  ).json();
  await step(c.id, 'open_nomination');
  const n = await admin.inject({
    method: 'POST',
    url: `/api/v1/selection-campaigns/${c.id}/nominations`,
    payload: nominee('赵德胜', '13800000009', { category: 'bravery', source: 'self' }),
  });
  await admin.inject({
    method: 'POST',
    url: `/api/v1/selection-candidates/${n.json().id}/check`,
    payload: { decision: 'approve', version: 1 },
  });
  for (const a of ['close_nomination', 'start_review', 'open_voting'])
    expect((await step(c.id, a)).statusCode).toBe(200);
  await windows(c.id, { nomination: [-10, -5], voting: [-4, 3], publicity: [4, 11] });
  return { id: c.id, candidate: n.json().id };
}

describe('votes that cannot be gamed', () => {
  it('50 simultaneous votes by one voter for one candidate on one day count exactly once', async () => {
    const { id, candidate } = await votingCampaign();
    const answers = await Promise.all(Array.from({ length: 50 }, () => vote(volunteer, candidate)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((x) => x === 201)).toHaveLength(1);
    expect(codes.filter((x) => x === 409)).toHaveLength(49);
    const [stored] = await t.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM selection_vote WHERE candidate_id = ${candidate}`,
    );
    expect(stored.n).toBe(1);
    const tally = await admin.inject({ method: 'GET', url: `/api/v1/selection-campaigns/${id}/tally` });
    expect(tally.json().items[0]).toMatchObject({ candidateId: candidate, votes: 1, flaggedVotes: 0 });
  }, 120_000);

  it('a once-only campaign keeps one vote for the whole window; an account without a phone may not vote', async () => {
    const { candidate } = await votingCampaign('once');
    const first = await vote(resident, candidate);
    expect(first.json()).toMatchObject({ counted: true, voteDay: d(-4) });
    expect((await vote(resident, candidate)).json().error.code).toBe('SELECTION_ALREADY_VOTED');
    await t.database.query(sql`UPDATE person SET phone_enc = NULL WHERE id =
      (SELECT person_id FROM account WHERE username = 'volunteer')`);
    const refused = await vote(volunteer, candidate);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('SELECTION_VOTER_NOT_VERIFIED');
  });
});

describe('the demo selections', () => {
  it('has a 好人 campaign in voting whose counters equal a recount, and a named 道德模范 campaign on the 光荣榜', async () => {
    const list = await resident.inject({
      method: 'GET',
      url: '/api/v1/selection-campaigns?kind=good_person&stage=voting',
    });
    const good = list.json().items.find((c: { name: string }) => c.name.includes('示范好人'));
    expect(good).toBeTruthy();
    const tally = await resident.inject({ method: 'GET', url: `/api/v1/selection-campaigns/${good.id}/tally` });
    expect(tally.json().items).toHaveLength(5);
    const [check] = await t.database.query<{ bad: number }>(sql`SELECT count(*)::int AS bad FROM selection_tally tl
      WHERE tl.campaign_id = ${good.id} AND tl.votes <> (SELECT count(*) FROM selection_vote v
        WHERE v.candidate_id = tl.candidate_id AND NOT v.flagged)`);
    expect(check.bad).toBe(0);
    expect(tally.json().items[0].votes).toBeGreaterThan(0);
    const first = tally.json().items[0].candidateId;
    expect((await vote(resident, first)).statusCode).toBe(201);
    const roll = await t.app.inject({ method: 'GET', url: '/api/v1/public/honour-roll?kind=moral_model' });
    const named = roll
      .json()
      .items.find((x: { campaignName: string }) => x.campaignName === '第一届示范市道德模范评选');
    expect(named.people).toHaveLength(5);
  });
});
