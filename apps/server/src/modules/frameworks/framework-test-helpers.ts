// Helpers of the frameworks tests: workbooks, uploads, counts and tree comparison.
import type { IndicatorNode } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { XLSX_TYPE } from '../../platform/excel';
import type { Session, TestApp } from '../../test/harness';

/** An xlsx built row by row; `build` may merge cells or add sheets. */
export async function workbook(
  rows: unknown[][],
  build?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('测评体系');
  for (const r of rows) ws.addRow(r);
  build?.(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** POST a file as the multipart field `file`, with optional extra text fields. */
export function upload(
  s: Session,
  url: string,
  bytes: Buffer,
  opts: { field?: string; filename?: string; fields?: Record<string, string> } = {},
) {
  const boundary = `----wenming${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(opts.fields ?? {}))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const name = opts.filename ?? 'framework.xlsx';
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${name}"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return s.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** Rows of the tenant's framework tables, to prove a failed import wrote nothing. */
export async function countRows(t: TestApp): Promise<{ framework: number; indicator: number; negative: number }> {
  const n = async (table: string) =>
    Number(
      (
        (
          await t.ctx.db.execute(
            sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE tenant_id = ${t.tenantId}`,
          )
        ).rows[0] as any
      ).n,
    );
  return { framework: await n('framework'), indicator: await n('indicator'), negative: await n('negative_item') };
}

/** A tree without ids, depths and positions: what two versions are compared by. */
export function shapeOf(nodes: IndicatorNode[]): unknown[] {
  return nodes.map((n) => ({
    code: n.code,
    name: n.name,
    standard: n.standard,
    points: n.points,
    weight: n.weight,
    methods: n.methods,
    pointTypes: n.pointTypes,
    scoringRule: n.scoringRule,
    isSumExempt: n.isSumExempt,
    children: shapeOf(n.children),
  }));
}

/** Codes and names in tree order, indented by depth ("1 一", "  1.1 甲"). */
export function outline(nodes: IndicatorNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.code} ${n.name} ${n.points ?? '-'}`,
    ...outline(n.children, depth + 1),
  ]);
}
