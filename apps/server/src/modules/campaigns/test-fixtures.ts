// Helpers of the campaigns tests: uploads, workbooks, a docx reader, extra liaison accounts, a published framework.
import { demoCycle } from './demo/seed-campaigns';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { newId } from '../../platform/ids';
import { createAccountRaw } from '../org/tenant.service';
import { DEMO_PASSWORD, type Session, type TestApp } from '../../test/harness';

/** Multipart upload of one file in the field `file` (plus text fields). */
export function upload(
  s: Session,
  url: string,
  bytes: Buffer,
  opts: { field?: string; name?: string; type?: string; fields?: Record<string, string> } = {},
) {
  const boundary = `----wenming${Date.now()}${Math.random().toString(16).slice(2)}`;
  const texts = Object.entries(opts.fields ?? {}).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.name ?? 'upload.xlsx'}"\r\nContent-Type: ${opts.type ?? 'application/octet-stream'}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(texts.join('') + head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return s.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务清单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A tiny PNG, as a photo of evidence. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** One entry of a zip file (stored or deflated), read from its central directory. */
export function readZipEntry(zip: Buffer, name: string): string | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  let p = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extra + comment;
  }
  return null;
}

export async function unitByName(t: TestApp, name: string): Promise<{ id: string; name: string }> {
  const res = await t.ctx.db.execute(sql`SELECT id, name FROM unit WHERE tenant_id = ${t.tenantId} AND name = ${name}`);
  return res.rows[0] as { id: string; name: string };
}

/** A unit liaison account bound to a unit, signed in. */
export async function liaisonOf(t: TestApp, unitId: string, username: string): Promise<Session> {
  await createAccountRaw(t.ctx.db, t.tenantId, {
    username,
    displayName: `${username}（联络员）`,
    password: DEMO_PASSWORD,
    mustChangePassword: false,
    roles: [{ role: 'unit_liaison', scopeKind: 'unit', scopeRef: unitId }],
  });
  return t.login(username);
}

export async function demoCampaignId(t: TestApp): Promise<string> {
  const res = await t.ctx.db.execute(sql`SELECT id FROM campaign WHERE tenant_id = ${t.tenantId}
    AND name = ${demoCycle(t.ctx.clock.now()).name}`);
  return (res.rows[0] as { id: string }).id;
}

/** A published two-level framework written straight into the frameworks tables: 1 → 1.1, 1.2; 2 → 2.1. */
export async function publishedFramework(t: TestApp, status = 'published') {
  const fw = newId();
  await t.ctx.db.execute(sql`INSERT INTO framework (tenant_id, id, family_id, code, name, version, status, total_points)
    VALUES (${t.tenantId}, ${fw}, ${newId()}, ${`TEST-${fw.slice(-6)}`}, '测试测评体系', 1, ${status}, 30)`);
  const nodes: { id: string; code: string; points: number; parent?: string }[] = [];
  const add = async (code: string, points: number, parent?: string) => {
    const id = newId();
    await t.ctx.db.execute(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code,
        name, points, scoring_rule)
      VALUES (${t.tenantId}, ${id}, ${fw}, ${parent ?? null}, ${nodes.length}, ${parent ? 2 : 1}, ${code},
        ${`指标${code}`}, ${points}, '{"kind":"manual"}'::jsonb)`);
    nodes.push({ id, code, points, parent });
    return id;
  };
  const a = await add('1', 20);
  await add('1.1', 10, a);
  await add('1.2', 10, a);
  const b = await add('2', 10);
  await add('2.1', 10, b);
  return { id: fw, indicators: Object.fromEntries(nodes.map((n) => [n.code, n])) };
}

export async function count(t: TestApp, table: string, where = sql`true`): Promise<number> {
  const res = await t.ctx.db.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE tenant_id = ${t.tenantId} AND ${where}`,
  );
  return Number((res.rows[0] as { n: number }).n);
}
