// Reading the indicator sheet of a manual: where the header is, what each column means, which rows are
// title, notes, totals, spacers or the 负面清单 section, and the framework's name and totals above the header.
import type { SheetGrid } from '../../platform/excel';
import { halfWidth, parseNumbering } from './framework-cells';

export type AttrKey =
  | 'code'
  | 'level'
  | 'points'
  | 'weight'
  | 'methods'
  | 'pointTypes'
  | 'rule'
  | 'exempt'
  | 'standard';
export const levelKeys = ['l1', 'l2', 'l3', 'l4'] as const;
export type HeaderKey = AttrKey | (typeof levelKeys)[number] | 'name';

/** Header texts each column is known by (normalised: no spaces, brackets' contents or required marks). */
const headerTexts: Record<HeaderKey, string[]> = {
  code: ['编码', '指标编码', '编号', '序号', '代码', 'code'],
  level: ['层级', '级次', '指标层级', '级别', 'level', 'depth'],
  name: ['名称', '指标名称', '指标', '测评指标', 'name'],
  l1: ['测评项目', '一级指标', '项目', '测评项目名称', '一级'],
  l2: ['测评内容', '二级指标', '内容', '二级'],
  l3: ['测评标准', '三级指标', '测评标准及要求', '具体标准', '标准', '三级', '评价标准'],
  l4: ['四级指标', '测评细则', '四级'],
  points: ['分值', '分数', '标准分', '满分', '分值分', 'points', 'score'],
  weight: ['权重', 'weight'],
  methods: ['测评方法', '考核方法', '评价方法', '测评方式', '考核方式', '检查方式', '检查方法', '方法', 'methods'],
  pointTypes: ['适用点位', '点位类型', '测评点位', '点位', '适用范围', '适用对象', 'pointtypes'],
  rule: ['评分规则', '评分标准', '计分方法', '评分办法', '扣分标准', '计分规则', '评分方法', 'scoringrule', 'rule'],
  exempt: ['不校验下级分值', '分值不求和', 'sumexempt'],
  standard: ['测评要求', '具体要求', '标准内容', 'standard'],
};

/** Header names an export writes, one per key. */
export const exportHeaders: Record<HeaderKey, string> = Object.fromEntries(
  Object.entries(headerTexts).map(([k, v]) => [k, v[0]]),
) as Record<HeaderKey, string>;

export function normaliseHeader(text: string): string {
  return halfWidth(text)
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

const keyOfText = new Map<string, HeaderKey>();
for (const [key, texts] of Object.entries(headerTexts))
  for (const t of texts) keyOfText.set(normaliseHeader(t), key as HeaderKey);

export interface Header {
  row: number;
  /** First row the header occupies: a two-row header's upper row is not a title. */
  top: number;
  /** Last row the header occupies (vertically merged header cells). */
  bottom: number;
  cols: Map<HeaderKey, number>;
}

/** Columns named in a row, by any of the given synonym tables. */
export function matchRow<K extends string>(grid: SheetGrid, r: number, lookup: Map<string, K>): Map<K, number> {
  const cols = new Map<K, number>();
  for (let c = 1; c <= grid.columnCount; c++) {
    const t = grid.text(r, c);
    const key = t ? lookup.get(normaliseHeader(t)) : undefined;
    if (key && !cols.has(key)) cols.set(key, c);
  }
  return cols;
}

const HEADER_SCAN_ROWS = 30;

/** The row among the first ones that names the most columns and at least a name or level column. */
export function findHeader(grid: SheetGrid): Header | null {
  let best: Header | null = null;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, grid.rowCount); r++) {
    const cols = matchRow(grid, r, keyOfText);
    const named = cols.has('name') || levelKeys.some((k) => cols.has(k));
    if (named && cols.size >= 2 && cols.size > (best?.cols.size ?? 0)) best = { row: r, top: r, bottom: r, cols };
  }
  if (!best) return null;
  for (const c of best.cols.values()) {
    best.top = Math.min(best.top, grid.mergeAt(best.row, c)?.top ?? best.row);
    best.bottom = Math.max(best.bottom, grid.mergeAt(best.row, c)?.bottom ?? best.row);
  }
  return best;
}

/** The distinct texts of a row, left to right (a merged cell counts once). */
export function rowTexts(grid: SheetGrid, r: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= grid.columnCount; c++) {
    const t = grid.text(r, c);
    if (t && out[out.length - 1] !== t) out.push(t);
  }
  return out;
}

export type RowKind = 'blank' | 'total' | 'note' | 'negative' | 'data';

/** 合计 rows, 注： notes, the 负面清单 heading, spacers — or data. */
export function classifyRow(texts: string[]): RowKind {
  if (!texts.length) return 'blank';
  const first = halfWidth(texts[0]).trim();
  if (/^(合计|总计|总分|小计)/.test(first.replace(/\s/g, ''))) return 'total';
  if (/^(注|说明|备注|附注|填表说明)\s*\d*\s*[:：]/.test(first)) return 'note';
  const heading = parseNumbering(first)?.rest ?? first;
  if (texts.length <= 2 && /^负面清单/.test(heading)) return 'negative';
  return 'data';
}

export interface SheetMeta {
  title: string | null;
  totalPoints: number | null;
  complianceLine: number | null;
}

/** Title (first line above the header that is not a note), total points and compliance line from the notes. */
export function readMeta(grid: SheetGrid, header: Header): SheetMeta {
  const meta: SheetMeta = { title: null, totalPoints: null, complianceLine: null };
  for (let r = 1; r < header.top; r++) {
    const texts = rowTexts(grid, r);
    if (!texts.length) continue;
    const line = halfWidth(texts.join(' '));
    const total = /(?:总分|满分)\s*[:：]?\s*(\d+(?:\.\d+)?)/.exec(line);
    const compliance = /达标线\s*[:：]?\s*(\d+(?:\.\d+)?)\s*%/.exec(line);
    if (total && Number(total[1]) <= 99_999_999) meta.totalPoints = Number(total[1]);
    if (compliance && Number(compliance[1]) <= 100)
      meta.complianceLine = Math.round(Number(compliance[1]) * 100) / 10000;
    if (!meta.title && classifyRow(texts) === 'data' && !total && !compliance) meta.title = texts[0].trim();
  }
  return meta;
}
