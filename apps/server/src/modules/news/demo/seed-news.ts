// Demo news of 示范市: published 工作动态 and 典型案例 over the last weeks, one article waiting for review and one
// draft, all written and published through the module's own services (sanitised bodies, audit entries).
import type { NewsBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { DemoContext } from '../../../demo/context';
import { systemActor } from '../../../platform/access';
import { maybeOne } from '../../../platform/sql';
import { actOnArticle, createArticle } from '../news.service';

const DAY = 86_400_000;

const articles: (Omit<NewsBody, 'regionCode'> & { daysAgo: number | null; submit?: boolean })[] = [
  {
    kind: 'news',
    title: '示范市召开全国文明城市创建推进会',
    body: '<p>近日，示范市召开全国文明城市创建工作推进会，通报上月测评结果，部署“以考促学”应知应会知识竞赛和“五大课堂”宣讲活动。</p><p>会议要求各区县、各成员单位对照测评体系逐项整改，做到<strong>问题不过夜、整改不反弹</strong>。</p>',
    tags: ['创建推进', '会议'],
    daysAgo: 2,
  },
  {
    kind: 'news',
    title: '党史馆“预约参观”上线 群众扫码即可入馆',
    body: '<p>示范市新时代文明实践中心党史馆开通线上预约，群众在手机上选择时段即可获得入馆二维码，团体参观经审核后安排讲解。</p>',
    tags: ['党史馆', '预约参观'],
    daysAgo: 5,
  },
  {
    kind: 'news',
    title: '理论宣讲进社区 本月已开展宣讲 20 余场',
    body: '<p>本月以来，全市志愿宣讲队深入社区、企业、学校开展理论宣讲 20 余场，受众 4000 余人次。</p><ul><li>社区宣讲 12 场</li><li>企业宣讲 5 场</li><li>校园宣讲 6 场</li></ul>',
    tags: ['理论宣讲', '五大课堂'],
    daysAgo: 9,
  },
  {
    kind: 'case',
    title: '幸福社区：“时间银行”让邻里互助有了回报',
    body: '<p>幸福社区依托新时代文明实践站设立“时间银行”，志愿者服务时长可兑换生活用品和便民服务，已累计存入服务时长 3000 余小时。</p><blockquote>“帮别人也是帮将来的自己。”——社区志愿者王阿姨</blockquote>',
    tags: ['时间银行', '志愿服务'],
    daysAgo: 14,
  },
  {
    kind: 'case',
    title: '示范街道背街小巷整治经验',
    body: '<p>示范街道以网格为单元，对背街小巷环境卫生、车辆乱停、违规广告等问题开展集中整治……</p>',
    tags: ['环境整治', '网格化'],
    daysAgo: null,
    submit: true,
  },
  {
    kind: 'news',
    title: '（草稿）文明交通志愿服务周活动安排',
    body: '<p>待补充活动时间和点位。</p>',
    tags: ['文明交通'],
    daysAgo: null,
  },
];

/** Published, in-review and draft articles of the demo tenant. */
export async function seedDemoNews(d: DemoContext): Promise<void> {
  const admin = await maybeOne<{ id: string; regionCode: string }>(
    d.db,
    sql`SELECT ac.id, t.root_region_code AS "regionCode" FROM account ac JOIN tenant t ON t.id = ac.tenant_id
      WHERE ac.tenant_id = ${d.tenantId} AND ac.username = 'admin'`,
  );
  if (!admin?.regionCode) return;
  const now = d.clock.now().getTime();
  for (const a of articles) {
    const when = new Date(now - (a.daysAgo ?? 1) * DAY);
    const actor = { ...systemActor(d.tenantId, 'demo', when), accountId: admin.id };
    const { daysAgo, submit, ...body } = a;
    const made = await createArticle(d.db, actor, { ...body, regionCode: admin.regionCode });
    if (daysAgo === null && !submit) continue;
    const sent = await actOnArticle(d.db, actor, made.id, { action: 'submit', version: made.version });
    if (daysAgo === null) continue;
    await actOnArticle(d.db, actor, made.id, { action: 'publish', version: sent.version, note: '同意发布' });
  }
}
