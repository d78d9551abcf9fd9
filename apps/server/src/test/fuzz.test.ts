// Fuzz of every operation of /api/openapi.json (issue 13): bad path parameters, queries and bodies generated from
// each operation's schema with fast-check (NUL bytes, lone surrogates, huge strings, deep nesting, wrong types,
// impossible dates, negative and huge numbers, unknown enum values), sent as the signed-in admin (with its CSRF
// token; where the office admin is refused, as the audit, system and security admins in turn) and anonymously. No
// answer may be a 5xx, and every 4xx carries the error shape (Open311's array form under /open311). Deterministic:
// a fixed seed and a fixed number of requests per operation.
import fs from 'node:fs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp, testEngine } from './harness';

// FUZZ_SEED and FUZZ_ADMIN_RUNS explore further by hand; the suite runs the fixed ones.
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** Requests per operation: as the admin, then anonymously. */
const ADMIN_RUNS = Number(process.env.FUZZ_ADMIN_RUNS ?? 5);
const ANON_RUNS = 2;

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema; required: boolean }[];
  body: Schema | null;
  multipart: boolean;
}

// ---- bad values ---------------------------------------------------------------------------------------------------

const NUL = 'a\u0000b';
const SURROGATE = 'x\ud800y';
const HUGE = 'x'.repeat(20_000);
const badStrings = [
  NUL,
  '\u0000',
  SURROGATE,
  '\udfff',
  HUGE,
  '',
  ' ',
  '2026-13-45',
  '2026-02-30',
  '0000-00-00T25:61:61Z',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999999',
  'no_such_value',
  "'; DROP TABLE tenant; --",
  '../../etc/passwd',
  '😀文明',
];
const badNumbers = [-1, -1e308, 1e308, 2 ** 53 + 1, 0.5, -0.5, 0, 2147483648, -2147483649, 99999999999];

const badDates = fc.constantFrom(
  '2026-13-45',
  '2026-02-30',
  '2026-00-00',
  '0000-00-00T25:61:61Z',
  '99999-01-01',
  '2026-1-1',
  // Real days and instants at the edges of what JavaScript and PostgreSQL can hold.
  '0001-01-01',
  '9999-12-31',
  '1900-01-01',
  '0001-01-01T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
);

function deep(n: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
}
const wrongTypes: unknown[] = [null, true, [], {}, 12345, 'str', [NUL], { [NUL]: SURROGATE }, deep(300)];

// NUL and lone surrogates weigh most: they broke the most answers (issue 13).
const badString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(NUL, '\u0000') },
  { weight: 2, arbitrary: fc.constantFrom(SURROGATE, '\udfff') },
  { weight: 4, arbitrary: fc.constantFrom(...badStrings) },
);
const anyBad: fc.Arbitrary<unknown> = fc.oneof(
  badString,
  fc.constantFrom(...badNumbers),
  fc.constantFrom(...wrongTypes),
);

function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t: string) => t !== 'null');
  return s.type;
}

function variants(s: Schema): Schema[] {
  return s.anyOf ?? s.oneOf ?? s.allOf ?? [];
}

/** A value that fits the schema more or less (the other fields of a body whose one field is bad). */
function plausible(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return fc.constant('x');
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const v = variants(s);
  if (v.length) return plausible(v[0], depth + 1);
  switch (typeOf(s)) {
    case 'string':
      if (s.format === 'date') return fc.constant('2026-06-01');
      if (s.format === 'date-time') return fc.constant('2026-06-01T08:00:00.000Z');
      if (s.format === 'uuid')
        return idPool.length ? fc.constantFrom(...idPool) : fc.constant('00000000-0000-4000-8000-000000000000');
      if (s.pattern) {
        try {
          const re = new RegExp(s.pattern);
          const [min, max] = [s.minLength ?? 0, s.maxLength ?? 200];
          return fc.stringMatching(re, { size: 'xsmall' }).filter((x) => x.length >= min && x.length <= max);
        } catch {
          return fc.constant('示范');
        }
      }
      return fc.constant('示范');
    case 'integer':
    case 'number':
      return fc.constant(typeof s.minimum === 'number' && s.minimum > -1e6 ? s.minimum : 1);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(s.items, depth + 1), { maxLength: 2 });
    case 'object': {
      const props = s.properties ?? {};
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of Object.keys(props)) rec[k] = plausible(props[k], depth + 1);
      return fc.record(rec, { requiredKeys: s.required ?? [] });
    }
    default:
      return fc.constant('x');
  }
}

/** A bad value for a field of this schema: its kind of bad first, any bad value otherwise. */
function bad(s: Schema | undefined): fc.Arbitrary<unknown> {
  if (!s) return anyBad;
  const t = typeOf(s) ?? typeOf(variants(s)[0] ?? {});
  const own: fc.Arbitrary<unknown>[] = [];
  if (t === 'string') own.push(badString);
  if (t === 'string' && (s.format === 'date' || s.format === 'date-time' || String(s.pattern).includes('d{4}')))
    own.push(badDates);
  if (t === 'integer' || t === 'number') own.push(fc.constantFrom(...badNumbers), badString);
  if (s.enum) own.push(fc.constantFrom('no_such_value', NUL, SURROGATE));
  if (t === 'array') own.push(fc.array(anyBad, { minLength: 1, maxLength: 3 }), fc.constant(Array(5000).fill(NUL)));
  if (t === 'object' && s.properties) own.push(badObject(s, 1));
  return own.length ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...own) }, { weight: 1, arbitrary: anyBad }) : anyBad;
}

/** An object of the schema with one field (perhaps nested) bad. */
function badObject(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  const props: Record<string, Schema> = s.properties ?? {};
  const keys = Object.keys(props);
  if (!keys.length || depth > 3) return anyBad;
  return fc
    .tuple(plausible(s) as fc.Arbitrary<Record<string, unknown>>, fc.constantFrom(...keys))
    .chain(([base, key]) => bad(props[key]).map((v) => ({ ...base, [key]: v })));
}

function bodyArb(s: Schema | null): fc.Arbitrary<unknown> {
  if (!s) return fc.oneof(anyBad, fc.constant({ lat: 12.5, long: [1], q: NUL, name: SURROGATE }));
  const t = typeOf(s);
  if (t === 'object' && s.properties)
    return fc.oneof({ weight: 4, arbitrary: badObject(s) }, { weight: 1, arbitrary: anyBad });
  if (t === 'array') return bad(s);
  return anyBad;
}

/** Query values are strings: bad strings, and the string forms of bad numbers. */
const badQueryValue = fc.oneof(badString, fc.constantFrom(...badNumbers.map(String)));

/** A bad query value for this parameter: dates for a date, numbers for a number, bad strings for all. */
function badQueryValueFor(name: string, s: Schema): fc.Arbitrary<string> {
  const t = typeOf(s) ?? typeOf(variants(s)[0] ?? {});
  const own: fc.Arbitrary<string>[] = [];
  if (s.format === 'date' || s.format === 'date-time' || /date|from|to$|since|until|month|day|At$/i.test(name))
    own.push(badDates);
  if (t === 'integer' || t === 'number') own.push(fc.constantFrom(...badNumbers.map(String), '1e309', 'abc'));
  if (s.enum) own.push(fc.constant('no_such_value'));
  return own.length
    ? fc.oneof({ weight: 2, arbitrary: fc.oneof(...own) }, { weight: 1, arbitrary: badQueryValue })
    : badQueryValue;
}
/** Names the Open311 endpoints and many lists read without declaring them. */
const looseQueryNames = ['q', 'from', 'to', 'lat', 'long', 'api_key', 'service_code', 'page', 'status', 'start_date'];

/** Percent-encoding that also writes a lone surrogate (as its WTF-8 bytes, which are invalid UTF-8). */
function enc(v: string): string {
  let out = '';
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)
      out +=
        `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

const pathValue = fc.constantFrom(
  '\u0000',
  NUL,
  SURROGATE,
  'x'.repeat(5000),
  '-1',
  '0',
  '99999999999999999999',
  '2026-13-45',
  'no-such-id',
  '00000000-0000-4000-8000-000000000000',
  '文明',
  '..',
);

interface Case {
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

type Focus = 'path' | 'query' | 'body';

/** One case: bad path parameters, or a bad query, or a bad body; the rest as plausible as the fuzz can make it. */
function caseArb(op: Operation, realIds: string[]): fc.Arbitrary<Case> {
  const write = op.method !== 'GET' && op.method !== 'DELETE';
  const foci: Focus[] = [
    'query',
    ...(op.pathParams.length ? (['path'] as const) : []),
    ...(write ? (['body'] as const) : []),
  ];
  return fc
    .constantFrom(...foci)
    .chain((focus) => {
      const pathArb = fc.tuple(
        ...op.pathParams.map((_, i) => (focus === 'path' ? pathValue : fc.constant(realIds[i]))),
        fc.constant(''),
      );
      const names = op.query.map((q) => q.name);
      const schemaOf = Object.fromEntries(op.query.map((q) => [q.name, q.schema]));
      const plausibleQuery = fc.tuple(
        ...op.query
          .filter((q) => q.required)
          .map((q) =>
            fc.tuple(
              fc.constant(q.name),
              plausible(q.schema).map((v) => String(v)),
            ),
          ),
      );
      const declaredArb: fc.Arbitrary<[string, string][]> =
        focus !== 'query'
          ? plausibleQuery
          : names.length
            ? fc
                .subarray(names, { minLength: 1, maxLength: Math.min(2, names.length) })
                .chain((ns) => fc.tuple(...ns.map((n) => fc.tuple(fc.constant(n), badQueryValueFor(n, schemaOf[n])))))
            : fc.constant([]);
      const queryArb = fc.tuple(
        declaredArb,
        focus === 'query' ? fc.subarray(looseQueryNames, { maxLength: 1 }) : fc.constant([]),
        badQueryValue,
      );
      const bodyKind = write
        ? fc.constantFrom<'json' | 'multipart'>(
            ...(op.multipart || !op.body ? (['json', 'multipart'] as const) : (['json'] as const)),
          )
        : fc.constant(null);
      const body = focus === 'body' ? bodyArb(op.body) : op.body ? plausible(op.body) : fc.constant({});
      return fc.tuple(pathArb, queryArb, bodyKind, body);
    })
    .map(([pathVals, [declaredPairs, loose, looseValue], kind, body]) => {
      let i = 0;
      const p = op.path.replace(/\{[^}]+\}/g, () => enc(pathVals[i++] as string));
      const pairs: [string, string][] = [...declaredPairs, ...loose.map((n) => [n, looseValue] as [string, string])];
      const search = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
      const c: Case = { url: search ? `${p}?${search}` : p, headers: {} };
      if (kind === 'json') {
        c.payload = JSON.stringify(body ?? null);
        c.headers['content-type'] = 'application/json';
      } else if (kind === 'multipart') {
        const boundary = 'fuzzboundary7';
        const fields: Record<string, unknown> =
          body && typeof body === 'object' && !Array.isArray(body)
            ? (body as Record<string, unknown>)
            : { value: body };
        const parts = Object.entries(fields).map(
          ([k, v]) =>
            `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`,
        );
        parts.push(
          `--${boundary}\r\ncontent-disposition: form-data; name="note"\r\n\r\n${NUL}${SURROGATE}\r\n`,
          `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n\xff\xd8\xff\r\n`,
          `--${boundary}--\r\n`,
        );
        c.payload = Buffer.from(parts.join(''), 'utf8');
        c.headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      }
      return c;
    });
}

// ---- the operations -----------------------------------------------------------------------------------------------

function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params: any[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: !!p.required })),
        body: content['application/json']?.schema ?? null,
        multipart: !!content['multipart/form-data'],
      });
    }
  }
  return ops.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Operations the fuzz leaves out, with why. */
const SKIP = new Set<string>([
  // Signs the fuzzing admin out; covered by the sign-in tests.
  'POST /api/v1/auth/logout',
]);

// ---- the run ------------------------------------------------------------------------------------------------------

let t: TestApp;
const SEPARATED = ['auditor', 'sysadmin', 'secadmin'];
const sessions: Record<string, Session> = {};
let ops: Operation[] = [];
let requests = 0;
/** Answers by status, printed with the totals: how far the cases got (400 at the edge or schema, 404 in a handler…). */
const byStatus: Record<number, number> = {};
const fivexx: string[] = [];
const badShape: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  sessions.admin = await t.login('admin');
  for (const who of SEPARATED) sessions[who] = await t.login(who);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  ops = operationsOf(doc).filter((o) => !SKIP.has(`${o.method} ${o.path}`));
});

afterAll(async () => {
  console.log(
    `fuzz (${testEngine()}): ${ops.length} operations, ${requests} requests, ${fivexx.length} 5xx answers, ${badShape.length} 4xx without the error shape; by status ${JSON.stringify(byStatus)}`,
  );
  if (process.env.FUZZ_REPORT) fs.writeFileSync(process.env.FUZZ_REPORT, [...fivexx, ...badShape].join('\n'));
  await t?.close();
});

function hasErrorShape(url: string, res: LightMyRequestResponse): boolean {
  let body: any;
  try {
    body = res.json();
  } catch {
    return url.startsWith('/open311/') && /\.xml(\?|$)/.test(url) && res.body.includes('<error>');
  }
  if (url.startsWith('/open311/'))
    return Array.isArray(body) && typeof body[0]?.code === 'number' && typeof body[0]?.description === 'string';
  const e = body?.error;
  return !!e && typeof e.code === 'string' && typeof e.message === 'string' && typeof e.requestId === 'string';
}

const listCache = new Map<string, string | undefined>();
/** Ids seen in the lists: the plausible value of an id field of a body. */
const idPool: string[] = [];

/** A real id for each path parameter: the first `id` of the list the path continues, when there is one. */
async function realIdsFor(op: Operation): Promise<string[]> {
  const ids: string[] = [];
  for (const m of op.path.matchAll(/\{[^}]+\}/g)) {
    const prefix = op.path.slice(0, m.index).replace(/\/$/, '');
    let k = 0;
    const listPath = prefix.replace(/\{[^}]+\}/g, () => ids[k++] ?? 'x');
    let id = listCache.get(listPath);
    if (!listCache.has(listPath)) {
      let res = await sessions.admin.inject({ method: 'GET', url: listPath });
      for (const who of SEPARATED)
        if (res.statusCode === 403) res = await sessions[who].inject({ method: 'GET', url: listPath });
      let body: any = null;
      try {
        body = res.statusCode === 200 ? res.json() : null;
      } catch {}
      const items = Array.isArray(body) ? body : Array.isArray(body?.items) ? body.items : [];
      id = items.find((x: any) => x && (typeof x.id === 'string' || typeof x.id === 'number'))?.id?.toString();
      listCache.set(listPath, id);
      for (const x of items.slice(0, 3)) if (typeof x?.id === 'string' && !idPool.includes(x.id)) idPool.push(x.id);
    }
    ids.push(id ?? '00000000-0000-4000-8000-000000000000');
  }
  return ids;
}

function record(who: string, op: Operation, c: Case, res: LightMyRequestResponse): void {
  requests++;
  const label = `${who} ${op.method} ${c.url.slice(0, 200)} ${String(c.payload ?? '').slice(0, 200)}`;
  byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
  if (res.statusCode >= 500) fivexx.push(`${res.statusCode} ${label} → ${res.body.slice(0, 200)}`);
  else if (res.statusCode >= 400 && !hasErrorShape(c.url, res))
    badShape.push(`${res.statusCode} ${label} → ${res.body.slice(0, 200)}`);
}

describe('fuzz of every operation', () => {
  it('answers bad input with a 4xx in the error shape, never a 5xx', { timeout: 900_000 }, async () => {
    expect(ops.length).toBeGreaterThan(100);
    for (const [i, op] of ops.entries()) {
      const cases = fc.sample(caseArb(op, await realIdsFor(op)), { seed: SEED + i, numRuns: ADMIN_RUNS + ANON_RUNS });
      for (const [j, c] of cases.entries()) {
        const asAdmin = j < ADMIN_RUNS;
        const req = { method: op.method as any, url: c.url, headers: c.headers, payload: c.payload };
        if (!asAdmin) {
          record('anon', op, c, await t.app.inject(req));
          continue;
        }
        // The office admin first; where it is refused, the separated admins (audit, system, security) in turn.
        for (const who of ['admin', ...SEPARATED]) {
          let res = await sessions[who].inject(req);
          if (res.statusCode === 401) {
            // An operation signed the account out (or locked it): sign in again and resend once.
            requests++;
            sessions[who] = await t.login(who);
            res = await sessions[who].inject(req);
          }
          record(who, op, c, res);
          if (res.statusCode !== 403) break;
        }
      }
    }
    expect.soft(fivexx).toEqual([]);
    expect.soft(badShape).toEqual([]);
  });
});
