// The web build as the server sends it: the phone entry for /m…, brotli/gzip twins by Accept-Encoding, a year of
// immutable caching for fingerprinted assets and revalidation for the rest, and a 404 (not a page) for a lost chunk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-web-'));
const chunk = 'export const phone = "手机端";'.repeat(40);
function write(file: string, text: string, twins = false) {
  fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  fs.writeFileSync(path.join(dist, file), text);
  if (twins) {
    fs.writeFileSync(path.join(dist, `${file}.br`), zlib.brotliCompressSync(text));
    fs.writeFileSync(path.join(dist, `${file}.gz`), zlib.gzipSync(text));
  }
}
write('index.html', '<html>desktop</html>');
write('m/index.html', '<html>phone</html>');
write('m/manifest.webmanifest', '{"name":"文明创建"}');
write('sw.js', 'self.x = 1;');
write('assets/phone-Ab12Cd34.js', chunk, true);
process.env.WENMING_WEB_DIST = dist;

// Imported after WENMING_WEB_DIST is set: app.ts reads it when loaded.
const { createTestApp } = await import('./test/harness');
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('serving the web build', () => {
  it('answers a lost chunk with 404, not with a page (the router would report a broken module)', async () => {
    const res = await get('/assets/gone-Zz99.js');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('serves the phone entry for /m and every /m/… route, the desktop entry elsewhere, never cached', async () => {
    for (const url of ['/m', '/m/', '/m/inspect', '/m/inspect/a/b?x=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('phone');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const desk = await get('/problems');
    expect(desk.body).toContain('desktop');
    expect(desk.headers['cache-control']).toBe('no-cache');
    expect((await get('/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await get('/m/manifest.webmanifest')).headers['cache-control']).toBe('no-cache');
  });

  it('sends a Content-Security-Policy with every page: /, the desktop routes, the phone app (issue 13)', async () => {
    for (const url of ['/', '/problems', '/m', '/m/inspect']) {
      const csp = String((await get(url, 'gzip, br')).headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      // antd's CSS-in-JS and the phone's boot screen write <style> elements; photo previews are blob: URLs.
      expect(csp, url).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp, url).toContain('blob:');
      // The phone's service worker is a file of this origin.
      expect(csp, url).toContain("worker-src 'self'");
    }
    // The service worker and the assets themselves are served as before.
    const sw = await get('/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.body).toBe('self.x = 1;');
  });

  it('sends fingerprinted assets as brotli or gzip when accepted, immutable for a year', async () => {
    const br = await get('/assets/phone-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(chunk);
    const gz = await get('/assets/phone-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/phone-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(chunk);
  });
});
