// News through the routes (工作动态、典型案例): who may write and review, the review lifecycle, server-side
// sanitising (no script, event handler or javascript: URL comes back anywhere), the public list and detail without
// sign-in, covers, and the RSS 2.0 and JSON feeds.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
let admin: Session;
let station: Session;
let resident: Session;
let region: string;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001',
  'hex',
);
const EVIL = `<p onclick="steal()">正文<strong>加粗</strong></p><script>alert(1)</script>
  <img src="x" onerror="alert(2)"><img src="javascript:alert(3)"><a href="javascript:alert(4)">坏链接</a>
  <a href=" JaVaScRiPt:alert(5)">大小写</a><a href="https://example.org/a">好链接</a><iframe src="https://x"></iframe>
  <svg onload="alert(6)"></svg><style>body{display:none}</style><p style="background:url(javascript:alert(7))">样式</p>`;
const clean = (text: string) => {
  expect(text).not.toMatch(/<script/i);
  expect(text).not.toMatch(/onerror|onclick|onload/i);
  expect(text).not.toMatch(/javascript:/i);
  expect(text).not.toMatch(/<iframe|<svg|<style/i);
};

function upload(s: Session, name: string, bytes: Buffer, type: string) {
  const boundary = '----wenming-news';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return s.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
const act = (s: Session, id: string, action: string, version: number, note?: string) =>
  s.inject({ method: 'POST', url: `/api/v1/news/${id}/actions`, payload: { action, version, note } });

beforeAll(async () => {
  t = await createTestApp();
  [admin, station, resident] = await Promise.all(['admin', 'station_admin', 'resident'].map((u) => t.login(u)));
  const [root] = await t.database.query<{ code: string }>(
    sql`SELECT root_region_code AS code FROM tenant WHERE id = ${t.tenantId}`,
  );
  region = root.code;
}, 600_000);
afterAll(() => t?.close());

describe('news desk', () => {
  it('needs sign-in and news.write, and names bad fields', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/news' })).statusCode).toBe(401);
    expect((await resident.inject({ method: 'GET', url: '/api/v1/news' })).statusCode).toBe(403);
    const bad = await station.inject({
      method: 'POST',
      url: '/api/v1/news',
      payload: { kind: 'news', title: '', body: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['title', 'regionCode']),
    );
    const noRegion = await station.inject({
      method: 'POST',
      url: '/api/v1/news',
      payload: { kind: 'news', title: '标题', body: '<p>正文</p>', regionCode: '999999' },
    });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().error.details.fields[0].field).toBe('regionCode');
  });

  it('sanitises the body on the server: no script, event handler or javascript: URL comes back', async () => {
    const res = await station.inject({
      method: 'POST',
      url: '/api/v1/news',
      payload: { kind: 'news', title: '清洗测试', body: EVIL, regionCode: region, tags: ['测试'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json().body as string;
    clean(body);
    expect(body).toContain('<strong>加粗</strong>');
    expect(body).toContain('href="https://example.org/a"');
    expect(body).toContain('rel="noopener noreferrer"');
    const only = await station.inject({
      method: 'POST',
      url: '/api/v1/news',
      payload: { kind: 'news', title: '只有脚本', body: '<script>alert(1)</script>', regionCode: region },
    });
    expect(only.statusCode).toBe(422);
    expect(only.json().error.code).toBe('NEWS_BODY_EMPTY');
  });
});

describe('review and publishing', () => {
  it('goes draft → in review → returned → in review → published, and out to the public with its cover', async () => {
    const png = await upload(station, 'cover.png', PNG, 'image/png');
    expect(png.statusCode, png.body).toBe(201);
    const made = await station.inject({
      method: 'POST',
      url: '/api/v1/news',
      payload: {
        kind: 'case',
        title: '典型案例：楼道微更新',
        body: EVIL,
        regionCode: region,
        tags: ['微更新'],
        coverFileId: png.json().id,
      },
    });
    const a = made.json();
    expect(a).toMatchObject({ status: 'draft', kindLabel: '典型案例', canEdit: true, actions: ['submit'] });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/news/${a.id}` })).statusCode).toBe(404);
    const sent = await act(station, a.id, 'submit', a.version);
    expect(sent.json().status).toBe('in_review');
    expect((await act(station, a.id, 'publish', sent.json().version)).statusCode).toBe(403);
    const edit = await station.inject({
      method: 'PUT',
      url: `/api/v1/news/${a.id}`,
      payload: { kind: 'case', title: '改', body: '<p>x</p>', regionCode: region, version: sent.json().version },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('NEWS_NOT_EDITABLE');
    expect((await act(admin, a.id, 'return', 1)).statusCode).toBe(409);
    const back = await act(admin, a.id, 'return', sent.json().version, '请补充图片说明');
    expect(back.json()).toMatchObject({ status: 'returned', reviewNote: '请补充图片说明' });
    const fixed = await station.inject({
      method: 'PUT',
      url: `/api/v1/news/${a.id}`,
      payload: {
        kind: 'case',
        title: '典型案例：楼道微更新',
        body: '<p>改后的正文<img src="https://example.org/p.png" onerror="x()"></p>',
        regionCode: region,
        tags: ['微更新'],
        coverFileId: png.json().id,
        version: back.json().version,
      },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    clean(fixed.json().body);
    const again = await act(station, a.id, 'submit', fixed.json().version);
    const pub = await act(admin, a.id, 'publish', again.json().version);
    expect(pub.json()).toMatchObject({ status: 'published', statusLabel: '已发布', actions: ['withdraw'] });
    expect(pub.json().publishedAt).toBeTruthy();
    expect((await act(admin, a.id, 'publish', pub.json().version)).statusCode).toBe(409);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/public/news?kind=case' });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((x: { id: string }) => x.id === a.id);
    expect(item).toMatchObject({ title: '典型案例：楼道微更新', coverUrl: `/api/v1/public/news/${a.id}/cover` });
    expect(item.body).toBeUndefined();
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/public/news/${a.id}` });
    expect(detail.json().body).toContain('改后的正文');
    clean(detail.body);
    const cover = await t.app.inject({ method: 'GET', url: `/api/v1/public/news/${a.id}/cover` });
    expect(cover.statusCode).toBe(200);
    expect(cover.headers['content-type']).toBe('image/png');
    expect(cover.rawPayload.equals(PNG)).toBe(true);

    const withdrawn = await act(admin, a.id, 'withdraw', pub.json().version);
    expect(withdrawn.json().status).toBe('draft');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/news/${a.id}` })).statusCode).toBe(404);
  });

  it('refuses a cover that is not an image and a stale version', async () => {
    const pdf = await upload(station, 'a.pdf', Buffer.from('%PDF-1.7\n%%EOF'), 'application/pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    const res = await station.inject({
      method: 'POST',
      url: '/api/v1/news',
      payload: { kind: 'news', title: '封面', body: '<p>x</p>', regionCode: region, coverFileId: pdf.json().id },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NEWS_COVER_NOT_IMAGE');
    const made = (
      await station.inject({
        method: 'POST',
        url: '/api/v1/news',
        payload: { kind: 'news', title: '版本', body: '<p>x</p>', regionCode: region },
      })
    ).json();
    const put = (version: number) =>
      station.inject({
        method: 'PUT',
        url: `/api/v1/news/${made.id}`,
        payload: { kind: 'news', title: '版本 2', body: '<p>y</p>', regionCode: region, version },
      });
    expect((await put(made.version)).statusCode).toBe(200);
    expect((await put(made.version)).json().error.code).toBe('NEWS_STALE_VERSION');
  });
});

describe('public feeds', () => {
  it('lists the demo news without sign-in and serves RSS 2.0 and JSON Feed 1.1 without script', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/public/news' });
    expect(list.json().total).toBeGreaterThanOrEqual(4);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/news?tenant=nope' })).statusCode).toBe(400);
    const rss = await t.app.inject({ method: 'GET', url: '/api/v1/public/news/feed.rss' });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<rss version="2.0">');
    expect(rss.body).toContain('<title>示范市召开全国文明城市创建推进会</title>');
    const json = await t.app.inject({ method: 'GET', url: '/api/v1/public/news/feed.json' });
    expect(json.headers['content-type']).toContain('application/feed+json');
    const feed = json.json();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.length).toBeGreaterThanOrEqual(4);
    expect(feed.items[0]).toHaveProperty('content_html');
    expect(feed.items.map((i: { title: string }) => i.title)).not.toContain('（草稿）文明交通志愿服务周活动安排');
    clean(rss.body);
    clean(json.body);
  });
});
