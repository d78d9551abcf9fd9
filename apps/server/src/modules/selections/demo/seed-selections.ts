// Demo selections of 示范市: a 好人 campaign in its voting week with candidates and a few days of votes from the demo
// accounts (nobody has voted today, so the resident can), and a 道德模范 campaign named a month ago, one person
// per class, shown on the public 光荣榜. Dates are relative to the seed's day; names are fictional.
import { type CandidateState, type SelectionCategory, maskPhone, selectionKindCategories } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { DemoContext } from '../../../demo/context';
import { DEMO_ROOT } from '../../../demo/seed-org';
import { addDays, shanghaiDate } from '../../../platform/clock';
import { newId } from '../../../platform/ids';
import { rows } from '../../../platform/sql';
import { personKeyOf } from '../nomination.service';
import {
  type NewCampaign,
  insertCampaign,
  insertCandidate,
  setCampaignStage,
  setCandidateState,
  setNamedAt,
} from '../selection.repository';
import { insertVote, saveFinalVotes } from '../vote.repository';

interface DemoNominee {
  name: string;
  category: SelectionCategory;
  story: string;
  state: CandidateState;
  /** Votes a day (good person) or the final tally (moral model). */
  votes: number;
}

const goodPeople: DemoNominee[] = [
  {
    name: '马春梅',
    category: 'helping_others',
    story: '十年如一日照顾社区独居老人，义务送餐上门。',
    state: 'eligible',
    votes: 6,
  },
  { name: '郭立新', category: 'bravery', story: '在金川河畔跳水救起落水儿童。', state: 'eligible', votes: 5 },
  {
    name: '何淑珍',
    category: 'honesty',
    story: '拾得装有两万元现金的挎包，等候失主两个小时。',
    state: 'eligible',
    votes: 3,
  },
  { name: '林浩然', category: 'dedication', story: '乡村教师，坚守山区教学点二十年。', state: 'eligible', votes: 2 },
  { name: '罗玉兰', category: 'filial_piety', story: '悉心照料瘫痪婆婆十五年。', state: 'eligible', votes: 1 },
  { name: '高德胜', category: 'helping_others', story: '热心参与社区公益活动。', state: 'ineligible', votes: 0 },
];

const moralModels: DemoNominee[] = [
  {
    name: '周建国',
    category: 'helping_others',
    story: '自费开办爱心驿站，服务环卫工人八年。',
    state: 'named',
    votes: 1260,
  },
  { name: '吴丽华', category: 'bravery', story: '深夜火场中三次冲入楼道疏散群众。', state: 'named', votes: 1184 },
  { name: '徐和平', category: 'honesty', story: '企业困难时坚持足额偿还农民工工资。', state: 'named', votes: 1032 },
  { name: '孙海燕', category: 'dedication', story: '社区医生，扎根基层卫生室二十六年。', state: 'named', votes: 987 },
  { name: '朱文明', category: 'filial_piety', story: '带着患病父亲上班，父子相依十二年。', state: 'named', votes: 956 },
  {
    name: '胡晓东',
    category: 'helping_others',
    story: '长期资助困难学生完成学业。',
    state: 'not_selected',
    votes: 640,
  },
  {
    name: '黄子涵',
    category: 'dedication',
    story: '公交司机，安全行驶一百万公里。',
    state: 'not_selected',
    votes: 512,
  },
];

type Windows = Pick<
  NewCampaign,
  'nominationStart' | 'nominationEnd' | 'votingStart' | 'votingEnd' | 'publicityStart' | 'publicityEnd'
>;

async function campaign(
  d: DemoContext,
  c: Omit<NewCampaign, 'id' | 'regionCode' | 'categories' | 'description' | 'voteRule' | keyof Windows>,
  w: Windows,
  stage: 'voting' | 'named',
  people: DemoNominee[],
): Promise<{ id: string; candidates: { id: string; person: DemoNominee }[] }> {
  const at = d.clock.now();
  const id = newId();
  await insertCampaign(
    d.db,
    d.tenantId,
    {
      ...c,
      ...w,
      id,
      regionCode: DEMO_ROOT,
      categories: [...selectionKindCategories[c.kind]],
      description: '按照“群众推荐、资格审查、评审、公众投票、公示、命名”的程序开展。',
      voteRule: 'per_day',
    },
    null,
    at,
  );
  await setCampaignStage(d.db, d.tenantId, id, 1, stage, at);
  const candidates: { id: string; person: DemoNominee }[] = [];
  for (const [i, p] of people.entries()) {
    const phone = `139${String(61000000 + i * 7919 + (stage === 'named' ? 500 : 0)).slice(0, 8)}`;
    const cid = newId();
    await insertCandidate(
      d.db,
      d.tenantId,
      {
        id: cid,
        campaignId: id,
        category: p.category,
        source: i % 3 === 0 ? 'public' : i % 3 === 1 ? 'unit' : 'organisation',
        name: p.name,
        personKey: personKeyOf(d.cipher, p.name, phone),
        phoneEnc: d.cipher.encrypt(phone),
        phoneMasked: maskPhone(phone) ?? '',
        regionCode: DEMO_ROOT,
        nominatorAccountId: null,
        nominatorName: i % 3 === 0 ? null : '示范市文明办',
        story: p.story,
        photoFileIds: [],
      },
      at,
    );
    const checked = p.state === 'ineligible' ? 'ineligible' : 'eligible';
    const reason = checked === 'ineligible' ? '事迹材料不全，未通过资格审查' : null;
    await setCandidateState(d.db, d.tenantId, cid, { from: 'nominated', to: checked, reason }, at);
    if (p.state !== checked) await setCandidateState(d.db, d.tenantId, cid, { from: checked, to: p.state }, at);
    candidates.push({ id: cid, person: p });
  }
  return { id, candidates };
}

export async function seedDemoSelections(d: DemoContext): Promise<void> {
  const today = shanghaiDate(d.clock.now());
  const day = (n: number) => addDays(today, n);

  // 好人: nominations closed two weeks ago, voting from a week ago until a week from now.
  const good = await campaign(
    d,
    { kind: 'good_person', name: '示范市本季度“示范好人”评选', quota: 3 },
    {
      nominationStart: day(-30),
      nominationEnd: day(-15),
      votingStart: day(-7),
      votingEnd: day(7),
      publicityStart: day(8),
      publicityEnd: day(15),
    },
    'voting',
    goodPeople,
  );
  const voters = await rows<{ id: string }>(
    d.db,
    sql`SELECT a.id FROM account a JOIN person p ON p.tenant_id = a.tenant_id AND p.id = a.person_id
    WHERE a.tenant_id = ${d.tenantId} AND a.is_demo AND p.phone_enc IS NOT NULL ORDER BY a.username`,
  );
  const at = d.clock.now();
  for (const { id, person } of good.candidates)
    for (let back = 1; back <= 7; back++)
      for (const [i, voter] of voters.slice(0, person.votes).entries())
        if ((i + back) % 4 !== 0)
          await insertVote(
            d.db,
            d.tenantId,
            {
              id: newId(),
              campaignId: good.id,
              candidateId: id,
              voterAccountId: voter.id,
              voteDay: day(-back),
              network: `10.20.${back}.${i + 1}`,
              device: null,
              flagged: false,
            },
            at,
          );

  // 道德模范: named a month ago, after voting and a week of 公示.
  const moral = await campaign(
    d,
    { kind: 'moral_model', name: '第一届示范市道德模范评选', quota: 5 },
    {
      nominationStart: day(-90),
      nominationEnd: day(-70),
      votingStart: day(-60),
      votingEnd: day(-46),
      publicityStart: day(-45),
      publicityEnd: day(-38),
    },
    'named',
    moralModels,
  );
  await saveFinalVotes(
    d.db,
    d.tenantId,
    moral.candidates.map((c) => ({ id: c.id, votes: c.person.votes })),
  );
  await setNamedAt(d.db, d.tenantId, moral.id, new Date(`${day(-36)}T02:00:00.000Z`));
}
