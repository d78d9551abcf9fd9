import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';
import { sniffContentType } from './files';
import { newId } from './ids';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001',
  'hex',
);

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type: string }) {
  const boundary = '----wenming';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ WENMING_UPLOAD_MAX_MB: '1' });
});
afterAll(() => t?.close());

describe('files', () => {
  it('recognises types by magic bytes, not by name', () => {
    expect(sniffContentType(PNG)).toBe('image/png');
    expect(sniffContentType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
  });

  it('stores by SHA-256 with client time, GPS and device; a resend with the same id stores once', async () => {
    const s = await t.login('inspector');
    const id = newId();
    const body = multipart(
      { id, clientTime: '2026-11-20T09:30:00+08:00', gpsLat: '38.52', gpsLng: '102.19', device: 'Pixel 9' },
      { name: 'before.png', bytes: PNG, type: 'image/png' },
    );
    const a = await s.inject({ method: 'POST', url: '/api/v1/files', ...body });
    expect(a.statusCode).toBe(201);
    const f = a.json();
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(f.gpsLat).toBe('38.52');
    expect(new Date(f.clientTime).toISOString()).toBe('2026-11-20T01:30:00.000Z');
    expect(f.receivedAt).toBeTruthy();
    const b = await s.inject({ method: 'POST', url: '/api/v1/files', ...body });
    expect(b.json().id).toBe(id);
    const download = await s.inject({ method: 'GET', url: `/api/v1/files/${id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a file whose bytes are not an allowed type, even named .jpg (415)', async () => {
    const s = await t.login('inspector');
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/files',
      ...multipart({}, { name: 'x.jpg', bytes: Buffer.from('MZ\x90\x00 not an image'), type: 'image/jpeg' }),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses a file over the size limit (413)', async () => {
    const s = await t.login('inspector');
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10)]);
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/files',
      ...multipart({}, { name: 'big.png', bytes: big, type: 'image/png' }),
    });
    expect(res.statusCode).toBe(413);
  });

  it('serves a file only to its uploader or to holders of file.read; others get 404', async () => {
    const s = await t.login('grid_worker');
    const up = await s.inject({
      method: 'POST',
      url: '/api/v1/files',
      ...multipart({}, { name: 'p.png', bytes: PNG, type: 'image/png' }),
    });
    const id = up.json().id;
    const other = await t.login('volunteer');
    expect((await other.inject({ method: 'GET', url: `/api/v1/files/${id}` })).statusCode).toBe(404);
    const admin = await t.login('admin');
    expect((await admin.inject({ method: 'GET', url: `/api/v1/files/${id}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}` })).statusCode).toBe(401);
  });
});
