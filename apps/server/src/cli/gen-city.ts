// Synthetic city generator for load and benchmark runs (`wenming gen-city`): regions, grids, units,
// inspection points, practice sites, pairings and people, bulk-loaded with multi-row unnest inserts.
import {
  computeIdCardCheck,
  computeUsccCheck,
  maskIdCard,
  maskPhone,
  pointTypes,
  type UnitType,
} from '@wenming/contracts';
import cliProgress from 'cli-progress';
import { type SQL, sql } from 'drizzle-orm';
import type { PiiCipher } from '../platform/crypto';
import type { Database, Db } from '../platform/db';
import { newId } from '../platform/ids';
import { hashPassword } from '../platform/passwords';
import { buildSearchText } from '../platform/search-text';
import { countRows, createAccountRaw, createTenant } from '../modules/org/tenant.service';

export type CitySize = 'S' | 'M' | 'L';
export type ProgressFn = (stage: string, done: number, total: number) => void;

export interface GenCityOptions {
  tenantCode: string;
  tenantName?: string;
  size: CitySize;
  /** Tenant personal-data cipher: ID and phone numbers are stored encrypted with it. */
  cipher: PiiCipher;
  seed?: number;
  password?: string;
  /** Rows per INSERT statement (default 10,000). */
  batchSize?: number;
  onProgress?: ProgressFn;
}

export interface GenCityResult {
  tenantId: string;
  counts: Record<string, number>;
  seconds: number;
  accounts: { username: string; role: string; scopeRef: string | null }[];
}

export interface CityCounts {
  districts: number;
  streets: number;
  communities: number;
  grids: number;
  units: number;
  points: number;
  people: number;
}

const L_COUNTS: CityCounts = {
  districts: 12,
  streets: 150,
  communities: 1_700,
  grids: 17_000,
  units: 5_000,
  points: 50_000,
  people: 1_000_000,
};

/** Row counts of a city size: M is a tenth of L, S a hundredth, with small floors. */
export function cityCounts(size: CitySize): CityCounts {
  const divisor = { S: 100, M: 10, L: 1 }[size];
  const floor = size === 'M' ? 3 : 2;
  const out = {} as CityCounts;
  for (const [k, v] of Object.entries(L_COUNTS) as [keyof CityCounts, number][]) {
    out[k] = Math.max(k === 'districts' ? floor : 2, Math.round(v / divisor));
  }
  return out;
}

/** The synthetic prefecture's code: province prefix 99 is not used by GB/T 2260. */
export const CITY_ROOT_CODE = '9901';
/** Inspection point types (点位类型) of the generated points. */
/** The point types of the contracts (小区, 背街小巷, 农贸市场 …), so generated points match real ones. */
export const benchPointTypes = pointTypes;

/** mulberry32: a small, fast, seedable PRNG (the generator's only source of randomness besides ids). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }
}

// Name parts. Small pools on purpose: search text is computed once per distinct name.
const words = (s: string) => s.split(' ');
const DISTRICT_WORDS = words(
  '东湖 西山 南江 北塘 青云 白沙 金水 玉泉 龙山 凤凰 清河 长安 新城 安平 临江 望海 石门 桃源',
);
const STREET_WORDS = words(
  '人民 解放 建设 和平 新华 朝阳 光明 友谊 胜利 文化 中山 长江 滨江 城关 东风 红旗 幸福 团结 繁荣 前进 复兴 振兴 兴华 向阳 东升 湖滨 花园 钟楼 鼓楼 府前',
);
const PLACE_HEAD = [...'春秋东南西北金银青翠锦花柳桃李松竹梅兰荷桂云星月阳光丰福康宁'];
const PLACE_TAIL = [...'园苑庭湾林坊里湖山桥港岭门塘泉溪池亭'];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const MALE_CHARS = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆建国志'];
const FEMALE_CHARS = [...'芳娜敏静丽艳娟霞秀英华慧巧美娅玲桂丹萍红梅琳雪颖倩婷洁'];

const UNIT_NAME_PARTS: Record<UnitType, string[]> = {
  organ: words(
    '教育局 民政局 卫生健康局 市场监督管理局 城市管理局 交通运输局 文化和旅游局 生态环境局 住房和城乡建设局',
  ),
  institution: words('图书馆 文化馆 档案馆 疾病预防控制中心 青少年宫 博物馆 融媒体中心'),
  enterprise: words('商贸有限公司 科技有限公司 建筑工程有限公司 物业服务有限公司 食品有限公司 物流有限公司'),
  school: words('小学 中学 幼儿园 实验学校'),
  hospital: words('社区卫生服务中心 人民医院 中医院 妇幼保健院'),
  window: words('供电营业厅 农商银行支行 政务服务中心 邮政支局 燃气营业厅 汽车客运站'),
  religious: words('寺 天主堂 基督教堂 清真寺 道观'),
  social_org: words('志愿者协会 慈善会 书法家协会 老年人协会 个体劳动者协会'),
  scenic: words('公园 风景区 古镇 湿地公园'),
  community: ['居民委员会'],
  other: words('农贸市场 购物中心 大酒店'),
};
const UNIT_TYPE_WEIGHTS: [UnitType, number][] = [
  ['organ', 10],
  ['institution', 8],
  ['enterprise', 30],
  ['school', 12],
  ['hospital', 5],
  ['window', 10],
  ['religious', 2],
  ['social_org', 5],
  ['scenic', 3],
  ['community', 10],
  ['other', 5],
];
const USCC_PREFIX: Record<UnitType, string> = {
  organ: '11',
  institution: '12',
  enterprise: '91',
  school: '12',
  hospital: '12',
  window: '91',
  religious: '71',
  social_org: '51',
  scenic: '92',
  community: '54',
  other: '93',
};
const HONOR_WEIGHTS: [string, number][] = [
  ['none', 70],
  ['county', 12],
  ['city', 10],
  ['province', 5],
  ['national', 2],
  ['model', 1],
];
const POINT_NAME_PARTS: Record<(typeof benchPointTypes)[number], string[]> = {
  residential: words('小区 花园 家园 公寓 新村'),
  back_street: words('巷 里弄 后街 横街'),
  market: words('农贸市场 菜市场'),
  main_road: words('大道 主干道 路段'),
  park_square: words('公园 游园 文化广场'),
  window: words('便民服务大厅 营业厅'),
  hospital: words('卫生院 医院门诊部'),
  school_area: words('小学周边 中学周边'),
  bus_stop: words('公交站 公交首末站'),
  toilet: words('公厕 公共卫生间'),
  practice_site: words('新时代文明实践站'),
};
const POSITIONS = words('职员 科长 主任 干部 教师 医生 会计 联络员');

function weighted<T>(rng: Rng, table: [T, number][]): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1][0];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Split `total` items over `buckets` as evenly as possible: index of the bucket of item i. */
const bucketOf = (i: number, total: number, buckets: number) => Math.floor((i * buckets) / total);

interface RegionPlan {
  code: string;
  name: string;
  level: 'prefecture' | 'county' | 'township' | 'village';
  parentIndex: number;
  path: string;
  lat: number;
  lng: number;
}

interface CityPlan {
  counts: CityCounts;
  root: RegionPlan;
  districts: RegionPlan[];
  streets: RegionPlan[];
  communities: RegionPlan[];
  gridIds: string[];
  /** Community index of each grid, and the first grid and grid count of each community. */
  gridCommunity: number[];
  communityGrids: { first: number; count: number }[];
  unitIds: string[];
  pointIds: string[];
  pointCommunity: number[];
  pointGrid: number[];
}

const CITY_LAT = 30.6;
const CITY_LNG = 114.3;

function planLevel(
  rng: Rng,
  parents: RegionPlan[],
  count: number,
  level: RegionPlan['level'],
  digits: number,
  nameOf: (k: number, parent: number) => string,
  spread: number,
): RegionPlan[] {
  const out: RegionPlan[] = [];
  const perParent = new Array(parents.length).fill(0);
  for (let i = 0; i < count; i++) {
    const p = bucketOf(i, count, parents.length);
    const k = ++perParent[p];
    const parent = parents[p];
    const code = parent.code + pad(k, digits);
    const lat = parent.lat + (rng.next() - 0.5) * spread;
    const lng = parent.lng + (rng.next() - 0.5) * spread;
    out.push({ code, name: nameOf(k, p), level, parentIndex: p, path: `${parent.path}.${code}`, lat, lng });
  }
  return out;
}

function planRegions(rng: Rng, counts: CityCounts) {
  const root: RegionPlan = {
    code: CITY_ROOT_CODE,
    name: '明德市',
    level: 'prefecture',
    parentIndex: -1,
    path: CITY_ROOT_CODE,
    lat: CITY_LAT,
    lng: CITY_LNG,
  };
  const districtName = (k: number) => DISTRICT_WORDS[(k - 1) % DISTRICT_WORDS.length] + '区';
  const districts = planLevel(rng, [root], counts.districts, 'county', 2, districtName, 0.6);
  // Siblings get distinct names: a per-parent offset into the pool, then consecutive entries.
  const streetName = (k: number, p: number) => STREET_WORDS[(p * 7 + k) % STREET_WORDS.length] + '街道';
  const streets = planLevel(rng, districts, counts.streets, 'township', 3, streetName, 0.15);
  const places = PLACE_HEAD.flatMap((h) => PLACE_TAIL.map((t) => h + t));
  const communityName = (k: number, p: number) => places[(p * 37 + k * 11) % places.length] + '社区';
  const communities = planLevel(rng, streets, counts.communities, 'village', 3, communityName, 0.04);
  return { root, districts, streets, communities };
}

/** Cached search text: buildSearchText is slow, names repeat. */
function searchTextCache(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let v = cache.get(name);
    if (v === undefined) {
      v = buildSearchText(name);
      cache.set(name, v);
    }
    return v;
  };
}

type PgType = 'uuid' | 'text' | 'float8' | 'int4' | 'jsonb' | 'ltree';
/** Types that travel as text[] and are cast in the SELECT (no array type to bind them to). */
const CAST_FROM_TEXT = new Set<PgType>(['jsonb', 'ltree']);
type Columns = Record<string, { type: PgType; values: unknown[] }>;

/** Build a columns object from a spec: column name → type, with empty value arrays. */
function columns(spec: Record<string, PgType>): Columns {
  return Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type, values: [] as unknown[] }]));
}

/** One multi-row INSERT … SELECT FROM unnest(arrays), one array parameter per column. */
async function insertColumns(db: Db, table: string, tenantId: string, cols: Columns): Promise<void> {
  const names = Object.keys(cols);
  const arrays = names.map((n) => {
    const arrayType = CAST_FROM_TEXT.has(cols[n].type) ? 'text' : cols[n].type;
    return sql`${sql.param(cols[n].values)}::${sql.raw(arrayType)}[]`;
  });
  const selected = names.map((n) =>
    CAST_FROM_TEXT.has(cols[n].type) ? sql`${sql.identifier(n)}::${sql.raw(cols[n].type)}` : sql.identifier(n),
  );
  const target = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  const q: SQL = sql`INSERT INTO ${sql.identifier(table)} (tenant_id, ${target})
    SELECT ${tenantId}::uuid, ${sql.join(selected, sql`, `)}
    FROM unnest(${sql.join(arrays, sql`, `)}) AS t(${target})`;
  await db.execute(q);
}

/**
 * Generate and insert rows in batches, generating the next batch while the database writes the
 * previous one (on PostgreSQL that keeps both the Node process and the server busy).
 */
async function loadInBatches(
  total: number,
  batchSize: number,
  make: (from: number, to: number) => Columns,
  insert: (cols: Columns) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  let pending: Promise<void> | null = null;
  progress(0);
  for (let from = 0; from < total; from += batchSize) {
    const cols = make(from, Math.min(total, from + batchSize));
    if (pending) {
      await pending;
      progress(from);
    }
    pending = insert(cols);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (pending) await pending;
  progress(total);
}

interface LoadContext {
  tx: Db;
  tenantId: string;
  rng: Rng;
  cipher: PiiCipher;
  plan: CityPlan;
  batchSize: number;
  searchText: (name: string) => string;
  report: ProgressFn;
}

async function loadRegions(c: LoadContext): Promise<void> {
  const { root, districts, streets, communities } = c.plan;
  const levels: [RegionPlan[], RegionPlan[]][] = [
    [[root], []],
    [districts, [root]],
    [streets, districts],
    [communities, streets],
  ];
  const total = 1 + districts.length + streets.length + communities.length;
  let done = 0;
  c.report('regions', 0, total);
  for (const [rows, parents] of levels) {
    const cols = columns({
      code: 'text',
      name: 'text',
      level: 'text',
      parent_code: 'text',
      path: 'ltree',
      search_text: 'text',
    });
    for (const r of rows) {
      cols.code.values.push(r.code);
      cols.name.values.push(r.name);
      cols.level.values.push(r.level);
      cols.parent_code.values.push(r.parentIndex < 0 ? null : parents[r.parentIndex].code);
      cols.path.values.push(r.path);
      cols.search_text.values.push(c.searchText(r.name));
    }
    await insertColumns(c.tx, 'region', c.tenantId, cols);
    done += rows.length;
    c.report('regions', done, total);
  }
}

function planGrids(counts: CityCounts, communities: RegionPlan[]) {
  const gridIds: string[] = [];
  const gridCommunity: number[] = [];
  const communityGrids = communities.map(() => ({ first: 0, count: 0 }));
  for (let i = 0; i < counts.grids; i++) {
    const ci = bucketOf(i, counts.grids, communities.length);
    if (communityGrids[ci].count === 0) communityGrids[ci].first = i;
    communityGrids[ci].count++;
    gridIds.push(newId());
    gridCommunity.push(ci);
  }
  return { gridIds, gridCommunity, communityGrids };
}

async function loadGrids(c: LoadContext): Promise<void> {
  const { plan } = c;
  const make = (from: number, to: number) => {
    const cols = columns({
      id: 'uuid',
      code: 'text',
      name: 'text',
      region_code: 'text',
      center_lat: 'float8',
      center_lng: 'float8',
      search_text: 'text',
    });
    for (let i = from; i < to; i++) {
      const ci = plan.gridCommunity[i];
      const community = plan.communities[ci];
      const n = i - plan.communityGrids[ci].first + 1;
      const name = `${community.name}第${n}网格`;
      cols.id.values.push(plan.gridIds[i]);
      cols.code.values.push(community.code + pad(n, 3));
      cols.name.values.push(name);
      cols.region_code.values.push(community.code);
      cols.center_lat.values.push(community.lat + (c.rng.next() - 0.5) * 0.01);
      cols.center_lng.values.push(community.lng + (c.rng.next() - 0.5) * 0.01);
      cols.search_text.values.push(c.searchText(name));
    }
    return cols;
  };
  const total = plan.gridIds.length;
  await loadInBatches(
    total,
    c.batchSize,
    make,
    (cols) => insertColumns(c.tx, 'grid', c.tenantId, cols),
    (d) => c.report('grids', d, total),
  );
}

/** A valid unified social credit code (GB 32100), unique per unit index. */
function creditCodeOf(type: UnitType, districtCode: string, index: number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  // An odd multiplier modulo 31^9 is a bijection, so distinct indexes give distinct codes.
  let n = ((index + 1) * 7_368_787) % 31 ** 9;
  let body = '';
  for (let i = 0; i < 9; i++) {
    body = chars[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = USCC_PREFIX[type] + districtCode + body;
  return first17 + computeUsccCheck(first17);
}

const PHONE_SECOND = [...'3456789'];
function randomPhone(rng: Rng): string {
  return `1${rng.pick(PHONE_SECOND)}${rng.digits(9)}`;
}

function randomPersonName(rng: Rng, male: boolean): string {
  const chars = male ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.3) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
  return rng.pick(SURNAMES) + given;
}

function unitNameOf(rng: Rng, type: UnitType, district: RegionPlan, street: RegionPlan, community: RegionPlan): string {
  const part = rng.pick(UNIT_NAME_PARTS[type]);
  if (type === 'organ' || type === 'institution' || type === 'social_org') return district.name + part;
  if (type === 'community') return community.name + part;
  if (type === 'school' || type === 'hospital') return street.name.replace('街道', '') + part;
  return community.name.replace('社区', '') + part;
}

async function loadUnits(c: LoadContext): Promise<void> {
  const { plan } = c;
  const make = (from: number, to: number) => {
    const cols = columns({
      id: 'uuid',
      name: 'text',
      type: 'text',
      credit_code: 'text',
      region_code: 'text',
      honor_tier: 'text',
      contact_name: 'text',
      contact_phone_enc: 'text',
      address: 'text',
      search_text: 'text',
    });
    for (let i = from; i < to; i++) {
      const community = plan.communities[bucketOf(i, plan.unitIds.length, plan.communities.length)];
      const street = plan.streets[community.parentIndex];
      const district = plan.districts[street.parentIndex];
      const type = weighted(c.rng, UNIT_TYPE_WEIGHTS);
      const name = unitNameOf(c.rng, type, district, street, community);
      const region = type === 'organ' || type === 'institution' ? district : type === 'community' ? community : street;
      cols.id.values.push(plan.unitIds[i]);
      cols.name.values.push(name);
      cols.type.values.push(type);
      cols.credit_code.values.push(creditCodeOf(type, district.code, i));
      cols.region_code.values.push(region.code);
      cols.honor_tier.values.push(weighted(c.rng, HONOR_WEIGHTS));
      cols.contact_name.values.push(randomPersonName(c.rng, c.rng.chance(0.5)));
      cols.contact_phone_enc.values.push(c.cipher.encrypt(randomPhone(c.rng)));
      cols.address.values.push(`${district.name}${street.name}${community.name}${1 + c.rng.int(300)}号`);
      cols.search_text.values.push(c.searchText(name));
    }
    return cols;
  };
  const total = plan.unitIds.length;
  await loadInBatches(
    total,
    c.batchSize,
    make,
    (cols) => insertColumns(c.tx, 'unit', c.tenantId, cols),
    (d) => c.report('units', d, total),
  );
}

function planPoints(counts: CityCounts, communityGrids: CityPlan['communityGrids']) {
  const pointIds: string[] = [];
  const pointCommunity: number[] = [];
  const pointGrid: number[] = [];
  for (let i = 0; i < counts.points; i++) {
    const ci = bucketOf(i, counts.points, communityGrids.length);
    const g = communityGrids[ci];
    pointIds.push(newId());
    pointCommunity.push(ci);
    pointGrid.push(g.first + (i % g.count));
  }
  return { pointIds, pointCommunity, pointGrid };
}

async function loadPoints(c: LoadContext): Promise<void> {
  const { plan } = c;
  const make = (from: number, to: number) => {
    const cols = columns({
      id: 'uuid',
      name: 'text',
      point_type: 'text',
      region_code: 'text',
      grid_id: 'uuid',
      address: 'text',
      lat: 'float8',
      lng: 'float8',
      search_text: 'text',
    });
    for (let i = from; i < to; i++) {
      const community = plan.communities[plan.pointCommunity[i]];
      const street = plan.streets[community.parentIndex];
      const type = c.rng.pick(benchPointTypes);
      const name = `${community.name.replace('社区', '')}${c.rng.pick(POINT_NAME_PARTS[type])}`;
      cols.id.values.push(plan.pointIds[i]);
      cols.name.values.push(name);
      cols.point_type.values.push(type);
      cols.region_code.values.push(community.code);
      cols.grid_id.values.push(plan.gridIds[plan.pointGrid[i]]);
      cols.address.values.push(`${street.name}${community.name}${1 + c.rng.int(200)}号`);
      cols.lat.values.push(community.lat + (c.rng.next() - 0.5) * 0.01);
      cols.lng.values.push(community.lng + (c.rng.next() - 0.5) * 0.01);
      cols.search_text.values.push(c.searchText(name));
    }
    return cols;
  };
  const total = plan.pointIds.length;
  await loadInBatches(
    total,
    c.batchSize,
    make,
    (cols) => insertColumns(c.tx, 'point', c.tenantId, cols),
    (d) => c.report('points', d, total),
  );
}

async function loadSites(c: LoadContext): Promise<void> {
  const { plan } = c;
  const sites: [RegionPlan, string, string][] = [
    [plan.root, 'centre', `${plan.root.name}新时代文明实践中心`],
    ...plan.streets.map((s): [RegionPlan, string, string] => [s, 'institute', `${s.name}新时代文明实践所`]),
    ...plan.communities.map((s): [RegionPlan, string, string] => [s, 'station', `${s.name}新时代文明实践站`]),
  ];
  const make = (from: number, to: number) => {
    const cols = columns({
      id: 'uuid',
      name: 'text',
      kind: 'text',
      region_code: 'text',
      five_has: 'jsonb',
      lat: 'float8',
      lng: 'float8',
      search_text: 'text',
    });
    for (let i = from; i < to; i++) {
      const [region, kind, name] = sites[i];
      const five = ['organisation', 'plan', 'carrier', 'highlight', 'effect'].map((k) => [k, c.rng.chance(0.8)]);
      cols.id.values.push(newId());
      cols.name.values.push(name);
      cols.kind.values.push(kind);
      cols.region_code.values.push(region.code);
      cols.five_has.values.push(JSON.stringify(Object.fromEntries(five)));
      cols.lat.values.push(region.lat);
      cols.lng.values.push(region.lng);
      cols.search_text.values.push(c.searchText(name));
    }
    return cols;
  };
  await loadInBatches(
    sites.length,
    c.batchSize,
    make,
    (cols) => insertColumns(c.tx, 'practice_site', c.tenantId, cols),
    (d) => c.report('sites', d, sites.length),
  );
}

/**
 * Pairings: every point is paired (包联) with one unit of its community; every unit is also paired
 * (结对共建) with its home community and (包联) with one or two of its grids.
 */
function pairingRows(c: LoadContext): Columns {
  const { plan } = c;
  const cols = columns({
    id: 'uuid',
    unit_id: 'uuid',
    kind: 'text',
    target_kind: 'text',
    target_ref: 'text',
    region_code: 'text',
  });
  const add = (unit: number, kind: string, targetKind: string, ref: string, region: string) => {
    cols.id.values.push(newId());
    cols.unit_id.values.push(plan.unitIds[unit]);
    cols.kind.values.push(kind);
    cols.target_kind.values.push(targetKind);
    cols.target_ref.values.push(ref);
    cols.region_code.values.push(region);
  };
  const units = plan.unitIds.length;
  const communities = plan.communities.length;
  for (let u = 0; u < units; u++) {
    const ci = bucketOf(u, units, communities);
    const community = plan.communities[ci];
    add(u, 'jiedui', 'region', community.code, community.code);
    const g = plan.communityGrids[ci];
    const gridCount = Math.min(g.count, 1 + c.rng.int(2));
    const start = c.rng.int(g.count);
    for (let k = 0; k < gridCount; k++)
      add(u, 'baolian', 'grid', plan.gridIds[g.first + ((start + k) % g.count)], community.code);
  }
  // Units of a community are a contiguous index range (same bucketing as above).
  const firstUnit = (ci: number) => Math.ceil((ci * units) / communities);
  for (let p = 0; p < plan.pointIds.length; p++) {
    const ci = plan.pointCommunity[p];
    const lo = firstUnit(ci);
    const hi = Math.max(lo + 1, firstUnit(ci + 1));
    const unit = Math.min(units - 1, lo + (p % (hi - lo)));
    add(unit, 'baolian', 'point', plan.pointIds[p], plan.communities[ci].code);
  }
  return cols;
}

async function loadPairings(c: LoadContext): Promise<void> {
  const all = pairingRows(c);
  const total = all.id.values.length;
  const slice = (from: number, to: number): Columns =>
    Object.fromEntries(Object.entries(all).map(([k, v]) => [k, { type: v.type, values: v.values.slice(from, to) }]));
  await loadInBatches(
    total,
    c.batchSize,
    slice,
    (cols) => insertColumns(c.tx, 'pairing', c.tenantId, cols),
    (d) => c.report('pairings', d, total),
  );
}

const DAY_MS = 86_400_000;
const BIRTH_FROM = Date.UTC(1945, 0, 1);
const BIRTH_DAYS = Math.floor((Date.UTC(2008, 11, 31) - BIRTH_FROM) / DAY_MS);

/** A fresh, valid 居民身份证 number (GB 11643) with a region-derived prefix; gender in the 17th digit. */
function newIdCard(rng: Rng, prefix: string, male: boolean, seen: Set<string>): string {
  for (;;) {
    const birth = new Date(BIRTH_FROM + rng.int(BIRTH_DAYS) * DAY_MS);
    const ymd = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}`;
    const seq = rng.int(500) * 2 + (male ? 1 : 0);
    const first17 = prefix + ymd + pad(seq, 3);
    if (seen.has(first17)) continue;
    seen.add(first17);
    return first17 + computeIdCardCheck(first17);
  }
}

async function loadPeople(c: LoadContext): Promise<void> {
  const { plan } = c;
  const total = plan.counts.people;
  const seen = new Set<string>();
  const units = plan.unitIds.length;
  const communities = plan.communities.length;
  const make = (from: number, to: number) => {
    const cols = columns({
      id: 'uuid',
      name: 'text',
      gender: 'text',
      id_card_enc: 'text',
      id_card_hash: 'text',
      id_card_masked: 'text',
      phone_enc: 'text',
      phone_masked: 'text',
      unit_id: 'uuid',
      region_code: 'text',
      position: 'text',
      search_text: 'text',
    });
    for (let i = from; i < to; i++) {
      const ci = bucketOf(i, total, communities);
      const community = plan.communities[ci];
      const male = c.rng.chance(0.5);
      const name = randomPersonName(c.rng, male);
      const idCard = c.rng.chance(0.6) ? newIdCard(c.rng, community.code.slice(0, 6), male, seen) : null;
      const phone = c.rng.chance(0.8) ? randomPhone(c.rng) : null;
      const unit = c.rng.chance(0.3)
        ? Math.min(units - 1, Math.floor(((ci + c.rng.next()) * units) / communities))
        : -1;
      cols.id.values.push(newId());
      cols.name.values.push(name);
      cols.gender.values.push(male ? 'male' : 'female');
      cols.id_card_enc.values.push(idCard && c.cipher.encrypt(idCard));
      cols.id_card_hash.values.push(idCard && c.cipher.blindIndex(idCard));
      cols.id_card_masked.values.push(maskIdCard(idCard));
      cols.phone_enc.values.push(phone && c.cipher.encrypt(phone));
      cols.phone_masked.values.push(maskPhone(phone));
      cols.unit_id.values.push(unit < 0 ? null : plan.unitIds[unit]);
      cols.region_code.values.push(community.code);
      cols.position.values.push(unit < 0 ? null : c.rng.pick(POSITIONS));
      cols.search_text.values.push(c.searchText(name));
    }
    return cols;
  };
  await loadInBatches(
    total,
    c.batchSize,
    make,
    (cols) => insertColumns(c.tx, 'person', c.tenantId, cols),
    (d) => c.report('people', d, total),
  );
}

function planCity(rng: Rng, counts: CityCounts): CityPlan {
  const regions = planRegions(rng, counts);
  const grids = planGrids(counts, regions.communities);
  const points = planPoints(counts, grids.communityGrids);
  const unitIds = Array.from({ length: counts.units }, () => newId());
  return { counts, ...regions, ...grids, ...points, unitIds };
}

async function createBenchAccounts(db: Db, tenantId: string, password: string, districtCode: string) {
  const accounts = [
    { username: 'bench_admin', displayName: '基准测试管理员', role: 'office_admin', scopeKind: 'all', scopeRef: null },
    {
      username: 'bench_district',
      displayName: '基准测试区管理员',
      role: 'office_admin',
      scopeKind: 'region',
      scopeRef: districtCode,
    },
  ];
  const hash = await hashPassword(password);
  for (const a of accounts) {
    const roles = [{ role: a.role, scopeKind: a.scopeKind, scopeRef: a.scopeRef }];
    const account = {
      username: a.username,
      displayName: a.displayName,
      password,
      isDemo: true,
      mustChangePassword: false,
      roles,
    };
    await createAccountRaw(db, tenantId, account, hash);
  }
  return accounts.map((a) => ({ username: a.username, role: a.role, scopeRef: a.scopeRef }));
}

const COUNTED_TABLES = ['region', 'grid', 'unit', 'point', 'practice_site', 'pairing', 'person', 'account'];

/** Generate a synthetic city of the given size into a new tenant; bulk-loaded in one transaction. */
export async function genCity(database: Database, opts: GenCityOptions): Promise<GenCityResult> {
  const started = performance.now();
  const report: ProgressFn = opts.onProgress ?? (() => {});
  const rng = new Rng(opts.seed ?? 20_260_101);
  const plan = planCity(rng, cityCounts(opts.size));
  const tenantName = opts.tenantName ?? `${plan.root.name}（合成城市 ${opts.size}）`;
  const tenant = await createTenant(database.db, {
    code: opts.tenantCode,
    name: tenantName,
    rootRegionCode: CITY_ROOT_CODE,
  });
  if (!tenant.created && (await countRows(database.db, 'region', tenant.id)) > 0) {
    throw new Error(`tenant "${opts.tenantCode}" already exists and has regions; choose another tenant code`);
  }
  await database.db.transaction(async (tx) => {
    if (database.engine === 'postgres') await tx.execute(sql`SET LOCAL synchronous_commit = off`);
    const c: LoadContext = {
      tx,
      tenantId: tenant.id,
      rng,
      cipher: opts.cipher,
      plan,
      batchSize: opts.batchSize ?? 10_000,
      searchText: searchTextCache(),
      report,
    };
    for (const load of [loadRegions, loadGrids, loadUnits, loadPoints, loadSites, loadPairings, loadPeople])
      await load(c);
  });
  report('accounts', 0, 2);
  const accounts = await createBenchAccounts(
    database.db,
    tenant.id,
    opts.password ?? 'Wenming@2026',
    plan.districts[0].code,
  );
  report('accounts', 2, 2);
  report('analyze', 0, COUNTED_TABLES.length);
  const counts: Record<string, number> = {};
  for (const [i, table] of COUNTED_TABLES.entries()) {
    await database.query(sql`ANALYZE ${sql.identifier(table)}`);
    counts[table] = await countRows(database.db, table, tenant.id);
    report('analyze', i + 1, COUNTED_TABLES.length);
  }
  return { tenantId: tenant.id, counts, seconds: (performance.now() - started) / 1000, accounts };
}

/**
 * A cli-progress multi-bar, one bar per stage, for genCity's onProgress. When the stream is not a
 * terminal (CI logs, pipes) it prints one line per finished stage instead.
 */
export function progressBarReporter(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: ProgressFn;
  stop: () => void;
} {
  if (!stream.isTTY) return lineReporter(stream);
  const multi = new cliProgress.MultiBar(
    {
      format: ' {stage} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      stream,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const onProgress: ProgressFn = (stage, done, total) => {
    let bar = bars.get(stage);
    if (!bar) {
      bar = multi.create(total, 0, { stage: stage.padEnd(8) });
      bars.set(stage, bar);
    }
    bar.setTotal(total);
    bar.update(done);
  };
  return { onProgress, stop: () => multi.stop() };
}

function lineReporter(stream: NodeJS.WritableStream): { onProgress: ProgressFn; stop: () => void } {
  const started = new Map<string, number>();
  const onProgress: ProgressFn = (stage, done, total) => {
    if (!started.has(stage)) started.set(stage, performance.now());
    if (done !== total || started.get(stage) === -1) return;
    const seconds = (performance.now() - started.get(stage)!) / 1000;
    started.set(stage, -1);
    stream.write(`  ${stage}: ${total} in ${seconds.toFixed(1)} s\n`);
  };
  return { onProgress, stop: () => {} };
}
