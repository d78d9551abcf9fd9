// Excel export of a framework in the project's own template, which the import reads back to the same
// tree: one row per node (编码, 层级, 名称 …) and a 负面清单 sheet.
import {
  type FrameworkView,
  type IndicatorNode,
  type NegativeItemView,
  assessmentMethodNames,
  frameworkStatusNames,
  pointTypeNames,
} from '@wenming/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { type ExportColumn, addSheet } from '../../platform/excel';
import { formatLevel, formatRule } from './framework-cells';
import { effectLabels, negativeExportHeaders } from './framework-negatives';
import { type HeaderKey, exportHeaders } from './framework-sheet';
import { selectNegativeItems, selectTree } from './framework.repository';
import { getFramework } from './framework.service';

const column = (key: HeaderKey, width: number, text = false): ExportColumn => ({
  key,
  header: exportHeaders[key],
  width,
  text,
});
const columns: ExportColumn[] = [
  column('code', 12, true),
  column('level', 8),
  column('name', 40),
  // The template's 测评标准 column (the standard's full text), beside the short name.
  { key: 'standard', header: exportHeaders.l3, width: 60 },
  column('points', 8),
  column('weight', 8),
  column('methods', 20),
  column('pointTypes', 24),
  column('rule', 28),
  column('exempt', 10),
];
const nameColumn = columns.findIndex((c) => c.key === 'name') + 1;

function nodeRows(roots: IndicatorNode[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const visit = (n: IndicatorNode) => {
    rows.push({
      code: n.code,
      level: formatLevel(n.depth),
      depth: n.depth,
      name: n.name,
      standard: n.standard,
      points: n.points,
      weight: n.weight,
      methods: n.methods.map((m) => assessmentMethodNames[m]).join('、') || null,
      pointTypes: n.pointTypes.map((p) => pointTypeNames[p]).join('、') || null,
      rule: formatRule(n.scoringRule),
      exempt: n.isSumExempt ? '是' : null,
    });
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  return rows;
}

/** 版本、总分、达标线 line under the title (the import reads 总分 and 达标线 back). */
function notesLine(fw: FrameworkView): string {
  const parts = [`编码：${fw.code}`, `版本：${fw.version}（${frameworkStatusNames[fw.status]}）`];
  if (fw.totalPoints !== null) parts.push(`总分：${fw.totalPoints}`);
  if (fw.complianceLine !== null) parts.push(`达标线：${Math.round(fw.complianceLine * 10000) / 100}%`);
  return parts.join('；');
}

/** The workbook of a framework (or of an empty template when `fw` is null). */
export async function writeFrameworkWorkbook(
  fw: Pick<FrameworkView, 'name' | 'code' | 'version' | 'status' | 'totalPoints' | 'complianceLine'> | null,
  tree: IndicatorNode[],
  negatives: NegativeItemView[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const rows = nodeRows(tree);
  const ws = addSheet(wb, {
    sheetName: '测评体系',
    title: fw?.name ?? '测评体系导入模板',
    notes: [
      fw
        ? notesLine(fw as FrameworkView)
        : '层级填 一级/二级/三级（或 1/2/3）；分值可写 5 或 5分；测评方法可填多个，用“、”分隔',
    ],
    columns,
    rows,
  });
  // Indent names by depth so the tree reads at a glance; the import takes depth from 层级, not the indent.
  const first = ws.rowCount - rows.length + 1;
  rows.forEach((r, i) => {
    ws.getCell(first + i, nameColumn).alignment = { indent: Math.min(Number(r.depth) - 1, 10) };
  });
  addSheet(wb, {
    sheetName: '负面清单',
    columns: (['code', 'name', 'effect', 'deduction', 'description'] as const).map((k) => ({
      key: k,
      header: negativeExportHeaders[k],
      width: k === 'name' || k === 'description' ? 50 : 10,
      text: k === 'code',
    })),
    rows: negatives.map((n) => ({ ...n, effect: effectLabels[n.effect] })),
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A framework as xlsx in the import template's layout, with a file name made of its name and version. */
export async function exportFramework(db: Db, actor: Actor, id: string): Promise<{ name: string; bytes: Buffer }> {
  const fw = await getFramework(db, actor, id);
  const [tree, negatives] = await Promise.all([
    selectTree(db, actor.tenantId, id),
    selectNegativeItems(db, actor.tenantId, id),
  ]);
  const bytes = await writeFrameworkWorkbook(fw, tree, negatives);
  return { name: `${fw.name}（第${fw.version}版）.xlsx`, bytes };
}

/** An empty import template with three example rows. */
export function frameworkTemplate(): Promise<Buffer> {
  const node = (code: string, depth: number, name: string, points: number, children: IndicatorNode[] = []) =>
    ({
      code,
      depth,
      name,
      points,
      standard: null,
      weight: null,
      methods: depth === 3 ? ['field'] : [],
      pointTypes: depth === 3 ? ['residential'] : [],
      scoringRule: depth === 3 ? { kind: 'deduct', perFinding: 0.5, floor: 0 } : { kind: 'check' },
      isSumExempt: false,
      children,
    }) as unknown as IndicatorNode;
  const example = node('1', 1, '示例测评项目', 5, [
    node('1.1', 2, '示例测评内容', 5, [node('1.1.1', 3, '示例测评标准', 5)]),
  ]);
  return writeFrameworkWorkbook(null, [example], []);
}
