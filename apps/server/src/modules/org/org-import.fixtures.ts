// Shared by the import/export route tests: workbooks, uploads and counts.
import { computeIdCardCheck, computeUsccCheck } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { XLSX_TYPE } from '../../platform/excel';
import type { Session, TestApp } from '../../test/harness';

let seq = 0;

/** A valid credit code no other test uses. */
export function uscc(): string {
  const body = `91620302MA${String(++seq + 1000).padStart(7, '0')}`;
  return body + computeUsccCheck(body);
}
export function idCard(n: number): string {
  const body = `62030219850101${String(n).padStart(3, '0')}`;
  return body + computeIdCardCheck(body);
}

export async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function upload(s: Session, url: string, bytes: Buffer, field = 'file', headers: Record<string, string> = {}) {
  const boundary = `----wenming${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="import.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return s.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
  });
}

/** Upload, run the queued job, and answer the job as GET /jobs/:id shows it. */
export async function runImport(t: TestApp, s: Session, what: 'units' | 'people', bytes: Buffer) {
  const res = await upload(s, `/api/v1/${what}/import`, bytes);
  expect(res.statusCode, res.body).toBe(202);
  await t.drainJobs();
  const job = await s.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().jobId}` });
  expect(job.statusCode).toBe(200);
  return job.json();
}

export async function count(t: TestApp, table: 'unit' | 'person'): Promise<number> {
  const res = await t.ctx.db.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE tenant_id = ${t.tenantId}`,
  );
  return Number((res.rows[0] as any).n);
}

export const unitHeader = [
  '单位名称',
  '单位类型',
  '统一社会信用代码',
  '所属区划',
  '文明单位等级',
  '联系人',
  '联系电话',
  '地址',
];
