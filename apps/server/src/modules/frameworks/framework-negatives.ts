// The 负面清单 of a manual: a sheet of its own (with or without a header), or a section below the
// indicators. Each item's effect comes from its 类型 cell or from its wording (一票否决 / 暂停资格 / 扣N分).
import { type NegativeEffect, indicatorCode } from '@wenming/contracts';
import type { SheetGrid } from '../../platform/excel';
import { halfWidth, parseNumbering, parsePoints } from './framework-cells';
import type { RowProblems } from './framework-import-messages';
import { classifyRow, matchRow, normaliseHeader, rowTexts } from './framework-sheet';
import type { NegativeInput } from './framework.repository';

type NegKey = 'code' | 'name' | 'effect' | 'deduction' | 'description';
const negativeHeaderTexts: Record<NegKey, string[]> = {
  code: ['编码', '序号', '编号'],
  name: ['名称', '负面清单', '负面清单内容', '内容', '情形', '负面情形', '具体情形', '事项'],
  effect: ['类型', '处理方式', '处理', '后果', '认定结果', '效果'],
  deduction: ['扣分', '扣分值', '扣分分值', '分值'],
  description: ['说明', '备注', '依据'],
};
/** Header names an export writes. */
export const negativeExportHeaders: Record<NegKey, string> = {
  code: '编码',
  name: '名称',
  effect: '类型',
  deduction: '扣分',
  description: '说明',
};
const negLookup = new Map<string, NegKey>();
for (const [k, texts] of Object.entries(negativeHeaderTexts))
  for (const t of texts) negLookup.set(normaliseHeader(t), k as NegKey);

export const effectLabels: Record<NegativeEffect, string> = { veto: '一票否决', suspend: '暂停资格', deduct: '扣分' };

/** The effect a text names, if any. */
function effectOf(text: string): NegativeEffect | undefined {
  const t = halfWidth(text);
  if (/否决|veto/i.test(t)) return 'veto';
  if (/暂停|取消.{0,6}资格|suspend/i.test(t)) return 'suspend';
  if (/扣\s*\d|扣分|deduct/i.test(t)) return 'deduct';
  return undefined;
}

const deductionIn = (text: string) => {
  const m = /扣\s*(\d+(?:\.\d+)?)\s*分/.exec(halfWidth(text));
  return m ? Number(m[1]) : undefined;
};

interface RawItem {
  row: number;
  code?: string;
  name: string;
  effectText: string;
  deduction?: string;
  description: string | null;
}

/** Items of a block of rows: by its header when it has one, else one item per row of free text. */
function readBlock(grid: SheetGrid, rows: number[]): RawItem[] {
  const kept = rows.filter((r) => {
    const texts = rowTexts(grid, r);
    return classifyRow(texts) !== 'blank' && classifyRow(texts) !== 'note';
  });
  const headerAt = kept.slice(0, 3).findIndex((r) => {
    const cols = matchRow(grid, r, negLookup);
    return cols.has('name') && cols.size >= 2;
  });
  if (headerAt >= 0) {
    const cols = matchRow(grid, kept[headerAt], negLookup);
    const cell = (r: number, k: NegKey) => (cols.has(k) ? grid.text(r, cols.get(k)!) : null);
    return kept.slice(headerAt + 1).map((r) => ({
      row: r,
      code: cell(r, 'code') ?? undefined,
      name: cell(r, 'name') ?? '',
      effectText: cell(r, 'effect') ?? '',
      deduction: cell(r, 'deduction') ?? undefined,
      description: cell(r, 'description'),
    }));
  }
  return kept
    .map((r) => ({ r, texts: rowTexts(grid, r) }))
    .filter(({ texts }) => !texts.some((t) => t.includes('负面清单')))
    .map(({ r, texts }) => {
      const name = parseNumbering(texts[0])?.rest || texts[0];
      return { row: r, name, effectText: texts.join(' '), description: null };
    });
}

function toItem(raw: RawItem, problems: RowProblems): NegativeInput | null {
  if (!raw.name) {
    problems.add(raw.row, 'no_name');
    return null;
  }
  const deduction = raw.deduction ? parsePoints(raw.deduction.replace(/^扣/, '')) : deductionIn(raw.effectText);
  if (raw.deduction && deduction === undefined) problems.add(raw.row, 'bad_points', { v: raw.deduction });
  const effect = effectOf(raw.effectText) ?? (raw.deduction ? 'deduct' : effectOf(raw.name));
  if (!effect) problems.add(raw.row, 'negative_effect');
  else if (effect === 'deduct' && !deduction) problems.add(raw.row, 'negative_deduction');
  return {
    code: raw.code ?? '',
    name: raw.name.trim().slice(0, 500),
    effect: effect ?? 'veto',
    deduction: effect === 'deduct' ? (deduction ?? null) : null,
    description: raw.description,
  };
}

/** The negative list: sheets named 负面… first, then the section of the indicator sheet; codes N1, N2 … when absent. */
export function readNegatives(
  grids: SheetGrid[],
  section: { grid: SheetGrid; rows: number[] } | null,
  problems: RowProblems,
): NegativeInput[] {
  const sheets = grids.filter((g) => /负面/.test(g.name));
  const raws: (RawItem & { sheet: string | null })[] = [];
  for (const g of sheets) {
    const rows = Array.from({ length: g.rowCount }, (_, i) => i + 1);
    raws.push(...readBlock(g, rows).map((r) => ({ ...r, sheet: g.name })));
  }
  if (section?.rows.length) raws.push(...readBlock(section.grid, section.rows).map((r) => ({ ...r, sheet: null })));
  const items = raws.map((r) => {
    problems.sheet = r.sheet;
    return toItem(r, problems);
  });
  const seen = new Map<string, number>();
  for (const r of raws) {
    problems.sheet = r.sheet;
    if (!r.code) continue;
    if (!indicatorCode.safeParse(r.code).success) problems.add(r.row, 'bad_code', { v: r.code });
    else if (seen.has(r.code)) problems.add(r.row, 'duplicate_code', { v: r.code, row: seen.get(r.code)! });
    else seen.set(r.code, r.row);
  }
  problems.sheet = null;
  let k = 0;
  return items.flatMap((item) => {
    if (!item) return [];
    if (!item.code) {
      do k++;
      while (seen.has(`N${k}`));
      item.code = `N${k}`;
    }
    return [item];
  });
}
