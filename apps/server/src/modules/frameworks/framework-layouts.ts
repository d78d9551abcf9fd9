// The two shapes an indicator sheet comes in. Flat: one row per node, its level given by a 层级 column,
// a code or a numbering prefix. Columnar: 测评项目 | 测评内容 | 测评标准 columns, parents as merged
// cells (or repeated or left blank) spanning their children's rows.
import type { SheetGrid } from '../../platform/excel';
import { parseCodeCell, parseLevel, parseNumbering, parsePoints, splitTrailingPoints } from './framework-cells';
import type { RowProblems } from './framework-import-messages';
import { type AttrKey, type Header, classifyRow, exportHeaders, levelKeys, rowTexts } from './framework-sheet';

export interface SheetNode {
  row: number;
  /** Known depth: from a 层级 column, or the column a columnar sheet names the node in. */
  depth?: number;
  /** Numbering style's rank (flat sheets without levels); resolved to a depth over the whole sheet. */
  rank?: number;
  name: string;
  code?: string;
  cells: Partial<Record<AttrKey, string>>;
  pointsFromName?: number;
  /** Its level was already reported as unreadable. */
  reported?: boolean;
}

export interface RowScan {
  data: number[];
  negative: number[];
  totalPoints: number | null;
}

/** Sort the rows under the header: data, the 负面清单 section, and the 合计 row's points; spacers and notes dropped. */
export function scanRows(grid: SheetGrid, header: Header): RowScan {
  const scan: RowScan = { data: [], negative: [], totalPoints: null };
  let inNegative = false;
  for (let r = header.bottom + 1; r <= grid.rowCount; r++) {
    const texts = rowTexts(grid, r);
    const kind = classifyRow(texts);
    if (kind === 'negative') inNegative = true;
    else if (inNegative && kind !== 'blank') scan.negative.push(r);
    else if (kind === 'data') scan.data.push(r);
    else if (kind === 'total' && scan.totalPoints === null) {
      const col = header.cols.get('points');
      const p = col ? grid.text(r, col) : texts.find((t) => parsePoints(t) !== undefined);
      scan.totalPoints = p ? (parsePoints(p) ?? null) : null;
    }
  }
  return scan;
}

const attrKeys: AttrKey[] = [
  'code',
  'level',
  'points',
  'weight',
  'methods',
  'pointTypes',
  'rule',
  'exempt',
  'standard',
];

/** Numbering and a trailing "（10分）" taken off a name written in a manual's own style. */
function cleanName(node: SheetNode, raw: string): Partial<SheetNode> {
  const numbering = parseNumbering(raw);
  const split = splitTrailingPoints(numbering?.rest || raw.trim());
  return {
    name: split.name || raw,
    pointsFromName: split.points,
    rank: numbering?.rank,
    code: node.code ?? (numbering?.code?.includes('.') ? numbering.code : undefined),
  };
}

/** Flat sheets: each data row is one node. */
export function readFlat(grid: SheetGrid, header: Header, rows: number[], problems: RowProblems): SheetNode[] {
  const cols = new Map(header.cols);
  const nameCol = cols.get('name') ?? levelKeys.map((k) => cols.get(k)).find((c) => c !== undefined)!;
  // Beside a 名称 column, a 测评标准 column holds the standard's text (the project's own template).
  if (!cols.has('standard') && cols.has('name') && cols.has('l3')) cols.set('standard', cols.get('l3')!);
  const hasLevel = cols.has('level');
  const nodes: SheetNode[] = [];
  for (const r of rows) {
    const cells: SheetNode['cells'] = {};
    for (const k of attrKeys) {
      const t = cols.has(k) ? grid.text(r, cols.get(k)!) : null;
      if (t) cells[k] = t;
    }
    const raw = grid.text(r, nameCol);
    if (!raw) {
      problems.add(r, 'no_name');
      continue;
    }
    // Without a 层级 column, plain numbers (1, 2 under each parent) are labels, not codes: only dotted ones are kept.
    const code = hasLevel || cells.code?.includes('.') ? cells.code : undefined;
    const node: SheetNode = { row: r, name: raw, cells, code };
    if (hasLevel) {
      // The project's template: names are kept exactly as written.
      node.depth = cells.level ? parseLevel(cells.level) : undefined;
      if (node.depth === undefined) {
        problems.add(r, 'bad_level', { v: cells.level ?? '' });
        node.reported = true;
      }
    } else {
      Object.assign(node, cleanName(node, raw));
      const fromCode = cells.code ? parseCodeCell(cells.code) : undefined;
      if (fromCode) node.rank = fromCode.rank;
    }
    nodes.push(node);
  }
  resolveRanks(nodes);
  return nodes;
}

/** Numbering styles used in the sheet, in their conventional order, become depths 1, 2, 3 … */
function resolveRanks(nodes: SheetNode[]): void {
  const ranks = [...new Set(nodes.filter((n) => n.depth === undefined && n.rank !== undefined).map((n) => n.rank!))];
  ranks.sort((a, b) => a - b);
  for (const n of nodes) if (n.depth === undefined && n.rank !== undefined) n.depth = ranks.indexOf(n.rank) + 1;
}

interface OpenNode extends SheetNode {
  raw: string;
  startRow: number;
  endRow: number;
}

/** Columnar sheets: a new node starts where a level cell starts (a merge's top row, or a new text). */
export function readColumnar(grid: SheetGrid, header: Header, rows: number[], problems: RowProblems): SheetNode[] {
  const levelCols = levelKeys.filter((k) => header.cols.has(k)).map((k) => header.cols.get(k)!);
  const attrCols = attrKeys.filter((k) => header.cols.has(k)).map((k) => [k, header.cols.get(k)!] as const);
  const nodes: OpenNode[] = [];
  const open: (OpenNode | null)[] = levelCols.map(() => null);
  const cells: { key: AttrKey; text: string; top: number; bottom: number }[] = [];
  for (const r of rows) {
    let started = false;
    levelCols.forEach((col, li) => {
      const t = grid.text(r, col);
      const m = grid.mergeAt(r, col);
      if (!t || (m && (m.top < r || m.left < col))) return;
      // A parent's name repeated on each row continues it; standards (the last column) may repeat.
      if (!m && !started && li < levelCols.length - 1 && open[li]?.raw === t) return;
      const depth = open.slice(0, li).filter(Boolean).length + 1;
      const node: OpenNode = { row: r, raw: t, depth, name: t, cells: {}, startRow: r, endRow: m?.bottom ?? r };
      Object.assign(node, cleanName(node, t), { rank: undefined });
      nodes.push(node);
      open[li] = node;
      open.fill(null, li + 1);
      started = true;
    });
    for (const n of open) if (n) n.endRow = Math.max(n.endRow, r);
    for (const [key, col] of attrCols) {
      const t = grid.text(r, col);
      const m = grid.mergeAt(r, col);
      if (t && !(m && m.top < r)) cells.push({ key, text: t, top: r, bottom: m?.bottom ?? r });
    }
  }
  attachCells(nodes, cells, problems);
  return nodes;
}

/**
 * Give each attribute cell to the deepest node spanning exactly its rows (a merged 分值 cell over a
 * 测评内容's rows belongs to that 测评内容), else to the deepest node whose rows hold it.
 */
function attachCells(
  nodes: OpenNode[],
  cells: { key: AttrKey; text: string; top: number; bottom: number }[],
  problems: RowProblems,
) {
  const deepest = (list: OpenNode[]) =>
    list.reduce<OpenNode | undefined>((a, n) => (a && a.depth! >= n.depth! ? a : n), undefined);
  const startingAt = new Map<number, OpenNode[]>();
  for (const n of nodes) startingAt.set(n.startRow, [...(startingAt.get(n.startRow) ?? []), n]);
  for (const c of cells) {
    const starting = startingAt.get(c.top) ?? [];
    const target =
      deepest(starting.filter((n) => n.endRow === c.bottom)) ??
      deepest(starting) ??
      deepest(nodes.filter((n) => n.startRow <= c.top && c.top <= n.endRow));
    if (!target) problems.add(c.top, 'orphan_cell', { v: c.text });
    else if (target.cells[c.key] !== undefined) problems.add(c.top, 'repeated_cell', { col: exportHeaders[c.key] });
    else target.cells[c.key] = c.text;
  }
  for (const n of nodes) if (n.cells.code && !n.cells.code.includes('.')) delete n.cells.code;
  for (const n of nodes) n.code = n.cells.code ?? n.code;
}
