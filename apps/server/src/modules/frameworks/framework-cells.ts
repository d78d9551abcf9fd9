// How the cells of an indicator manual read: points ("5分"), methods and point types as free text,
// Chinese numbering (一、 （一） 1. 1.1), levels, and scoring rules as the export writes them.
import {
  type AssessmentMethod,
  type PointType,
  type ScoringRule,
  assessmentMethodNames,
  pointTypeNames,
  scoringRule,
} from '@wenming/contracts';

/** Full-width digits and punctuation as their ASCII forms (５．０分 → 5.0分). */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** "5", "5分", "5.0分", "５分" → 5; undefined when the text is not a number of points. */
export function parsePoints(text: string): number | undefined {
  const m = /^\+?(\d+(?:\.\d+)?)\s*分?$/.exec(halfWidth(text).trim());
  // numeric(10,2) holds whole cents below 10^8.
  const n = m ? Number(m[1]) : Number.NaN;
  return n <= 99_999_999 && Math.abs(Math.round(n * 100) - n * 100) < 1e-6 ? n : undefined;
}

/** "0.2", "20%" → 0.2. */
export function parseWeight(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(halfWidth(text).trim());
  if (!m) return undefined;
  const n = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  return n <= 999_999 ? n : undefined;
}

type Terms<T> = [term: string, code: T][];

function termsOf<T extends string>(names: Record<T, string>, synonyms: Record<T, string[]>): Terms<T> {
  const out: Terms<T> = [];
  for (const code of Object.keys(names) as T[])
    for (const t of [names[code], code, ...synonyms[code]]) out.push([t, code]);
  return out.sort((a, b) => b[0].length - a[0].length);
}

const methodTerms = termsOf<AssessmentMethod>(assessmentMethodNames, {
  field: [
    '实地察看',
    '实地查看',
    '实地检查',
    '实地测评',
    '实地暗访',
    '现场检查',
    '现场查看',
    '现场考察',
    '暗访',
    '实地',
  ],
  document: [
    '资料审核',
    '材料审查',
    '资料审查',
    '查阅资料',
    '查阅材料',
    '查看资料',
    '查看台账',
    '台账',
    '材料',
    '资料',
  ],
  questionnaire: ['入户调查', '调查问卷', '问卷'],
  online_survey: ['网上调查', '网络问卷', '在线调查', '网络测评'],
  report: ['汇报', '座谈'],
  observation: ['综合观察', '观察'],
});

const pointTypeTerms = termsOf<PointType>(pointTypeNames, {
  residential: ['居民小区', '住宅小区', '老旧小区'],
  back_street: ['背街', '小巷'],
  market: ['集贸市场', '菜市场', '农贸'],
  main_road: ['主干道', '次干道', '主要街道', '城市道路'],
  park_square: ['公园', '广场'],
  window: ['窗口行业', '窗口'],
  hospital: ['医疗机构'],
  school_area: ['校园周边', '学校'],
  bus_stop: ['公交站台', '公交车站', '公交站'],
  toilet: ['公共厕所', '厕所'],
  practice_site: [
    '新时代文明实践中心',
    '文明实践所站',
    '文明实践站',
    '文明实践所',
    '实践所站',
    '实践站',
    '实践所',
    '实践中心',
  ],
});

/** Every term found in the text, in the order written, longest term first at each place; no repeats. */
function findTerms<T>(text: string, terms: Terms<T>): T[] {
  const lower = text.toLowerCase();
  const found: T[] = [];
  for (let i = 0; i < lower.length; ) {
    const hit = terms.find(([t]) => lower.startsWith(t, i));
    if (!hit) {
      i++;
      continue;
    }
    if (!found.includes(hit[1])) found.push(hit[1]);
    i += hit[0].length;
  }
  return found;
}

/** Methods named in free text ("实地考察、材料审核", "查阅资料+实地察看"); undefined when none is recognised. */
export function parseMethods(text: string): AssessmentMethod[] | undefined {
  const found = findTerms(text, methodTerms);
  return found.length ? found : undefined;
}

const allPoints = /^(全部|所有|全部点位|所有点位|通用|不限|—|-|\/)$/;

/** Point types named in free text; "全部"/"通用" means all (an empty list); undefined when none is recognised. */
export function parsePointTypes(text: string): PointType[] | undefined {
  if (allPoints.test(text.trim())) return [];
  const found = findTerms(text, pointTypeTerms);
  return found.length ? found : undefined;
}

const cnDigits = '零一二三四五六七八九十';
const levelNames: Record<string, number> = { 测评项目: 1, 项目: 1, 测评内容: 2, 内容: 2, 测评标准: 3, 标准: 3 };

/** "2", "二级", "二级指标", "测评内容" → 2. */
export function parseLevel(text: string): number | undefined {
  const t = halfWidth(text).trim();
  if (/^\d+$/.test(t)) return Number(t) || undefined;
  const cn = /^([一二三四五六七八九十])级/.exec(t);
  if (cn) return cnDigits.indexOf(cn[1]);
  return levelNames[t];
}

/** The level an export writes: 一级, 二级, … */
export function formatLevel(depth: number): string {
  return depth <= 10 ? `${cnDigits[depth]}级` : String(depth);
}

export interface Numbering {
  /** Conventional nesting order of the style: 第一部分 < 一、 < （一） < 1. < 1.1 < 1.1.1 < （1） < ①. */
  rank: number;
  /** The number itself when it can serve as a code ("1.2.3"). */
  code: string | null;
  /** The text after the number. */
  rest: string;
}

const cn = '[一二三四五六七八九十百零〇]+';
const numberingStyles: [RegExp, (m: RegExpExecArray) => { rank: number; code: string | null }][] = [
  [new RegExp(`^第${cn}(?:部分|章|篇)\\s*[、.:：]?\\s*`), () => ({ rank: -1, code: null })],
  [new RegExp(`^${cn}\\s*[、.，,]\\s*`), () => ({ rank: 0, code: null })],
  [new RegExp(`^[(]\\s*${cn}\\s*[)]\\s*[、.]?\\s*`), () => ({ rank: 1, code: null })],
  // Digits only in names, so that "PM2.5浓度" is not read as a number.
  [/^(\d+(?:\.\d+)+)\.?(?:\s+|(?![0-9A-Za-z.]))/, (m) => dotted(m[1])],
  [/^(\d+)\s*[、.)](?!\d)\s*/, (m) => ({ rank: 2, code: m[1] })],
  [/^[(]\s*(\d+)\s*[)]\s*/, () => ({ rank: 6, code: null })],
  [/^[\u2460-\u2473]\s*/, () => ({ rank: 7, code: null })],
];

function dotted(code: string) {
  return { rank: 1 + code.split('.').length, code };
}

/** The numbering a text starts with ("（一）公共秩序" → rank 1, rest "公共秩序"), or undefined. */
export function parseNumbering(text: string): Numbering | undefined {
  // halfWidth maps character for character, so offsets in it are offsets in the text as written.
  const written = text.trim();
  const t = halfWidth(written);
  for (const [re, make] of numberingStyles) {
    const m = re.exec(t);
    if (m) return { ...make(m), rest: written.slice(m[0].length).trim() };
  }
  return undefined;
}

/** A code cell read as numbering: "1.2.3" or "A.1" (dotted), "3" (plain), or any numbering style alone. */
export function parseCodeCell(text: string): Numbering | undefined {
  const t = halfWidth(text)
    .trim()
    .replace(/[.、]$/, '');
  if (/^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$/.test(t)) return { ...dotted(t), rest: '' };
  const n = parseNumbering(`${t}、`);
  return n && !n.rest ? n : undefined;
}

/** "公共秩序（10分）" → points 10 and the name without them. */
export function splitTrailingPoints(name: string): { name: string; points?: number } {
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(halfWidth(name));
  return m ? { name: name.slice(0, m.index).trim(), points: Number(m[1]) } : { name };
}

export function parseExempt(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '√', '✓', '1'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '×', '0'].includes(t)) return false;
  return undefined;
}

const fmt = (n: number) => String(Number(n.toPrecision(12)));

/** A scoring rule as the export writes it; parseRule reads it back to the same rule. */
export function formatRule(rule: ScoringRule): string {
  switch (rule.kind) {
    case 'check':
      return '达标/不达标';
    case 'deduct':
      return `每处扣${fmt(rule.perFinding)}分，最低${fmt(rule.floor)}分`;
    case 'graded':
      return `分档：${rule.levels.map((l) => `${l.label}=${fmt(l.ratio)}`).join('，')}`;
    case 'survey':
      return '按调查率×分值';
    case 'manual':
      return rule.note ? `人工评分：${rule.note}` : '人工评分';
  }
}

/** "按满意率计分", "知晓率×分值", "按注册率折算": the score is a measured rate times the points. */
const surveyWords = /(调查|满意|知晓|支持|认可|参与|注册|覆盖)率|按.{0,8}率.{0,4}(计分|折算|得分)|[×*]\s*分值|乘以分值/;

const surveyOnly = (methods: AssessmentMethod[]) =>
  methods.length > 0 && methods.every((m) => m === 'questionnaire' || m === 'online_survey');

/** "满分", "80%", "0.8", "4分" (of 5 points) → a share of full marks. */
function ratioOf(v: string, points: number | null): number | undefined {
  if (v === '满分') return 1;
  const n = Number.parseFloat(v);
  if (v.endsWith('%')) return n / 100;
  if (v.endsWith('分') || n > 1) return points ? n / points : undefined;
  return n;
}

function parseGraded(t: string, points: number | null): ScoringRule | undefined {
  const pairs = [...t.matchAll(/([^=,，;；:：、\s得]+)\s*(?:=|得)\s*(满分|\d+(?:\.\d+)?[%分]?)/g)];
  if (pairs.length < 2) return undefined;
  const levels = pairs.map((p) => ({ label: p[1], ratio: ratioOf(p[2], points) }));
  if (levels.some((l) => l.ratio === undefined || l.ratio > 1)) return undefined;
  return { kind: 'graded', levels: levels.map((l) => ({ label: l.label, ratio: Math.round(l.ratio! * 1e4) / 1e4 })) };
}

function parseDeduct(t: string, points: number | null): ScoringRule | undefined {
  const per = /(?:每|一)[^，,；;。]{0,8}?扣\s*(\d+(?:\.\d+)?)\s*分/.exec(t);
  if (!per) return undefined;
  const floor = /最低\s*(\d+(?:\.\d+)?)\s*分/.exec(t);
  const most = /最多扣\s*(\d+(?:\.\d+)?)\s*分/.exec(t);
  const fromMost = most && points !== null ? Math.max(0, points - Number(most[1])) : 0;
  return { kind: 'deduct', perFinding: Number(per[1]), floor: floor ? Number(floor[1]) : fromMost };
}

/**
 * A rule from its text. Empty: survey for survey-only methods, otherwise met/not met. Text that
 * names no known rule is kept as a manual rule with the text as its note (nothing is lost).
 */
export function parseRule(
  text: string | null | undefined,
  ctx: { points: number | null; methods: AssessmentMethod[] },
): ScoringRule | undefined {
  const raw = (text ?? '').trim();
  const t = halfWidth(raw);
  if (!t) return surveyOnly(ctx.methods) ? { kind: 'survey' } : { kind: 'check' };
  // Notes keep the text as written (full-width punctuation and all).
  const manual = /^人工评分(?:[:：]\s*([\s\S]+))?$/.exec(raw);
  const rule: ScoringRule = manual
    ? { kind: 'manual', ...(manual[1] ? { note: manual[1].trim() } : {}) }
    : (parseGraded(t, ctx.points) ??
      parseDeduct(t, ctx.points) ??
      (surveyWords.test(t) ? { kind: 'survey' } : undefined) ??
      (/达标|符合|是否/.test(t) ? { kind: 'check' } : undefined) ?? { kind: 'manual', note: raw.slice(0, 500) });
  return scoringRule.safeParse(rule).success ? rule : undefined;
}
