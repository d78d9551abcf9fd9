import { sql } from 'drizzle-orm';
import { openDatabase } from '../../apps/server/src/platform/db.ts';
import { buildSearchText } from '../../apps/server/src/platform/search-text.ts';
import { newId } from '../../apps/server/src/platform/ids.ts';
for (const url of [null, 'postgres://postgres@127.0.0.1:5432/postgres']) {
  const d = await openDatabase({ databaseUrl: url });
  const ids = [newId(), newId()];
  const names = ['张"三', null];
  const nums = [1.5, null];
  const js = ['{"a":true}', '{"b":false}'];
  const r = await d.query(
    sql`SELECT a, b, c, d::jsonb FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(names)}::text[], ${sql.param(nums)}::float8[], ${sql.param(js)}::text[]) AS t(a,b,c,d)`,
  );
  console.log(d.engine, r);
  await d.close();
}
let t = performance.now();
const s = new Set<string>();
for (let i = 0; i < 2000; i++)
  s.add(buildSearchText('张' + String.fromCharCode(0x4e00 + i * 7) + String.fromCharCode(0x4e00 + i * 13)));
console.log('buildSearchText us/call', ((performance.now() - t) * 1000) / 2000);
t = performance.now();
for (let i = 0; i < 100000; i++) newId();
console.log('newId us', ((performance.now() - t) * 1000) / 100000);
