// Demo three lists of the demo community (示范市): needs raised by residents, grid workers and visits; resources
// offered by units, party members and businesses; projects shaped from them — with claims in every state, written
// through the module's own repository steps (the conditional claim included). Dates relative to the clock.
import type { CommunityAction, CommunityItemBody, CommunityItemStatus } from '@wenming/contracts';
import { communityTransitions } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { DemoContext } from '../../../demo/context';
import { shanghaiDate } from '../../../platform/clock';
import { newId } from '../../../platform/ids';
import { maybeOne } from '../../../platform/sql';
import { insertClaim, insertItem, setClaimStatus, stepItem, takeOpenItem } from '../community.repository';

type Seed = Omit<CommunityItemBody, 'regionCode' | 'gridId' | 'dueDate' | 'quantity'> & {
  quantity?: number;
  dueInDays: number;
  claimant?: string;
  steps: CommunityAction[];
};

const items: Seed[] = [
  {
    kind: 'need',
    title: '独居老人每日助餐',
    category: 'elderly',
    source: 'visit',
    ownerName: '入户走访',
    dueInDays: 10,
    steps: [],
  },
  {
    kind: 'need',
    title: '楼道杂物清理',
    category: 'environment',
    source: 'grid_worker',
    ownerName: '网格员',
    dueInDays: 5,
    steps: [],
  },
  {
    kind: 'need',
    title: '四点半课堂作业辅导',
    category: 'children',
    source: 'resident',
    ownerName: '居民',
    dueInDays: 20,
    quantity: 12,
    claimant: '示范市第一中学',
    steps: ['claim'],
  },
  {
    kind: 'need',
    title: '老旧小区路灯维修',
    category: 'safety',
    source: 'resident',
    ownerName: '居民',
    dueInDays: 7,
    claimant: '示范市供电公司',
    steps: ['claim', 'approve'],
  },
  {
    kind: 'need',
    title: '高龄老人上门理发',
    category: 'elderly',
    source: 'resident',
    ownerName: '居民',
    dueInDays: 3,
    claimant: '示范市税务局党支部',
    steps: ['claim', 'approve', 'complete'],
  },
  {
    kind: 'need',
    title: '社区健康义诊',
    category: 'health',
    source: 'grid_worker',
    ownerName: '网格员',
    dueInDays: -2,
    claimant: '示范市人民医院',
    steps: ['claim', 'approve', 'complete', 'confirm'],
  },
  {
    kind: 'need',
    title: '残疾人家庭无障碍扶手安装',
    category: 'other',
    source: 'visit',
    ownerName: '入户走访',
    dueInDays: -10,
    claimant: '示范市住建局',
    steps: ['claim', 'approve', 'complete', 'close'],
  },
  {
    kind: 'resource',
    title: '党员志愿理发（每月一次）',
    category: 'elderly',
    source: 'party_member',
    ownerName: '在职党员',
    dueInDays: 30,
    steps: [],
  },
  {
    kind: 'resource',
    title: '单位会议室周末开放',
    category: 'culture',
    source: 'unit',
    ownerName: '示范市图书馆',
    dueInDays: 60,
    claimant: '社区居委会',
    steps: ['claim', 'approve'],
  },
  {
    kind: 'resource',
    title: '超市临期食品捐赠',
    category: 'other',
    source: 'business',
    ownerName: '示范市百货超市',
    dueInDays: 14,
    quantity: 50,
    steps: [],
  },
  {
    kind: 'project',
    title: '“邻里守望”助老项目',
    category: 'elderly',
    source: 'community',
    ownerName: '社区居委会',
    dueInDays: 90,
    steps: [],
  },
];

/** Seed the demo community's three lists once. */
export async function seedDemoCommunity(d: DemoContext): Promise<void> {
  const { db, tenantId } = d;
  const exists = await maybeOne<{ id: string }>(
    db,
    sql`SELECT id FROM community_item WHERE tenant_id = ${tenantId} LIMIT 1`,
  );
  if (exists) return;
  const place = await maybeOne<{ region_code: string; grid_id: string | null; resident: string | null }>(
    db,
    sql`SELECT p.region_code,
        (SELECT g.id FROM grid g WHERE g.tenant_id = p.tenant_id AND g.region_code = p.region_code ORDER BY g.code LIMIT 1) AS grid_id,
        (SELECT r.id FROM account r WHERE r.tenant_id = ac.tenant_id AND r.username = 'resident') AS resident
      FROM account ac JOIN person p ON p.tenant_id = ac.tenant_id AND p.id = ac.person_id
      WHERE ac.tenant_id = ${tenantId} AND ac.username = 'grid_worker'`,
  );
  if (!place) return;
  const now = d.clock.now();
  const day = (n: number) => shanghaiDate(new Date(now.getTime() + n * 86_400_000));
  for (const [n, s] of items.entries()) {
    const id = newId();
    // Older items first; a closed need was done more than the set days ago.
    const createdAt = new Date(now.getTime() - (items.length - n + 20) * 86_400_000);
    await insertItem(
      db,
      tenantId,
      id,
      {
        kind: s.kind,
        title: s.title,
        category: s.category,
        source: s.source,
        ownerName: s.ownerName,
        quantity: s.quantity ?? 1,
        dueDate: day(s.dueInDays),
        regionCode: place.region_code,
        gridId: place.grid_id,
        requesterAccountId: s.kind === 'need' && s.source === 'resident' ? place.resident : null,
      },
      null,
      createdAt,
    );
    let claimId: string | null = null;
    for (const [k, step] of s.steps.entries()) {
      const at = new Date(createdAt.getTime() + (k + 1) * 86_400_000);
      if (step === 'claim') {
        if (!(await takeOpenItem(db, tenantId, id))) break;
        claimId = newId();
        await insertClaim(
          db,
          tenantId,
          { id: claimId, itemId: id, claimantName: s.claimant ?? '共建单位', unitId: null, accountId: null },
          null,
          at,
        );
        continue;
      }
      const t = communityTransitions[step];
      await stepItem(db, tenantId, id, t.from as CommunityItemStatus[], t.to, at);
      const claimStatus = step === 'approve' ? 'accepted' : step === 'complete' ? 'done' : null;
      if (claimId && claimStatus) await setClaimStatus(db, tenantId, claimId, claimStatus);
    }
  }
}
