// Authorization matrix (issue 13): every operation of /api/openapi.json × every demo role and anonymous, with real
// ids from the demo tenant, one inside the caller's scope and one outside it where the path has an id. Each answer
// is reduced to a small label and compared with the reviewable table in authz-matrix.expected.tsv:
//
//   ok       2xx                       invalid  400, 409, 422 (reached the handler, refused the input)
//   denied   401, 403                  hidden   404
//   sNNN     any other status (406 not multipart, 405, 429…; a 5xx is always a failure worth a look)
//
// A cell is `a/b` when the path has ids: `a` with the id inside the caller's scope (金川区 620302, or the caller's
// own object), `b` with one outside it (永昌县 620321, or someone else's). The `ids` column says what a and b are
// for the row ("in/out", "self/other", "draft/published", "one" when a single real id is used, "none" when the demo
// has no such object and a well-formed unknown id is sent, "-" when the path has no id).
//
// Bodies are the smallest ones the route schema accepts (so the request reaches the handler's authorization), with
// references to unknown ids and `version` numbers that never match, so an authorized write is usually refused
// (404/409) rather than done. Each role runs on its own fresh copy of the demo (the run's template), reads first,
// then writes, then deletes, then logout, so a write that does succeed disturbs no other cell.
//
// The test fails on an operation without a row, a row whose operation no longer exists, and any changed cell.
// After a deliberate change in authorization, regenerate the table and review its diff:
//
//   WENMING_UPDATE_MATRIX=1 npx vitest run apps/server/src/test/authz-matrix.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeIdCardCheck } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp, testEngine } from './harness';

const EXPECTED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'authz-matrix.expected.tsv');
const UPDATE = process.env.WENMING_UPDATE_MATRIX === '1';
const ROLES = [
  'anonymous',
  'admin',
  'district_admin',
  'inspector',
  'unit_liaison',
  'grid_worker',
  'station_admin',
  'volunteer',
  'resident',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;

const IN = '620302';
const OUT = '620321';
/** A well-formed id that names nothing (UUID v4 shape, so every uuid schema accepts it). */
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000abcd';

type Params = Record<string, string>;
interface Sides {
  note: string;
  a: Params;
  b?: Params;
}

type Query = (text: string) => Promise<string | undefined>;

function queryOf(t: TestApp): Query {
  return async (text) => {
    const rows = await t.database.query<Record<string, unknown>>(sql.raw(text));
    const first = rows[0];
    return first ? String(Object.values(first)[0]) : undefined;
  };
}

/** An in-scope and an out-of-scope row of a table with a region_code (ordered by id: the seed's order). */
async function byRegion(q: Query, select: (like: string) => string): Promise<[string?, string?]> {
  return [await q(select(`'${IN}%'`)), await q(select(`'${OUT}%'`))];
}

async function sides(key: string, [a, b]: [string?, string?], child?: (id: string) => Promise<Params>): Promise<Sides> {
  const ids = [a, b].filter((x): x is string => !!x);
  if (ids.length === 0) return { note: 'none', a: { [key]: UNKNOWN_ID } };
  const make = async (id: string) => ({ [key]: id, ...(child ? await child(id) : {}) });
  if (ids.length === 1 || a === b) return { note: 'one', a: await make(ids[0]) };
  return { note: 'in/out', a: await make(a!), b: await make(b!) };
}

const first = (q: Query, text: string) => q(text).then((x) => x ?? UNKNOWN_ID);

/**
 * The ids of a path template's parameters. `self` is the caller's account id (null for anonymous).
 * The first matching entry wins; a path with parameters and no entry fails the test (add one).
 */
const RESOLVERS: [RegExp, (q: Query, self: { account: string | null; other: string }) => Promise<Sides>][] = [
  [
    // The demo's campaigns are city-wide: a is the 好人 campaign in voting, b the 道德模范 campaign named.
    /^\/api\/v1\/selection-campaigns\/\{id\}/,
    async (q) => ({
      note: 'voting/named',
      a: { id: await first(q, "SELECT id FROM selection_campaign WHERE stage = 'voting' ORDER BY id LIMIT 1") },
      b: { id: await first(q, "SELECT id FROM selection_campaign WHERE stage = 'named' ORDER BY id LIMIT 1") },
    }),
  ],
  [
    // a: a candidate on the ballot; b: one who failed the eligibility check (hidden from the public).
    /^\/api\/v1\/selection-candidates\/\{id\}/,
    async (q) => ({
      note: 'ballot/rejected',
      a: { id: await first(q, "SELECT id FROM selection_candidate WHERE state = 'eligible' ORDER BY id LIMIT 1") },
      b: { id: await first(q, "SELECT id FROM selection_candidate WHERE state = 'ineligible' ORDER BY id LIMIT 1") },
    }),
  ],
  [
    /^\/api\/v1\/selection-objections\/\{id\}/,
    async (q) => sides('id', [await q('SELECT id FROM selection_objection ORDER BY id LIMIT 1'), undefined]),
  ],
  [
    /^\/api\/v1\/files\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(
          q,
          (l) =>
            `SELECT pp.file_id FROM problem_photo pp JOIN problem p ON p.id = pp.problem_id WHERE p.region_code LIKE ${l} ORDER BY pp.file_id LIMIT 1`,
        ),
      ),
  ],
  [
    /^\/api\/v1\/jobs\/\{id\}/,
    async (q) => ({ note: 'one', a: { id: await first(q, 'SELECT id FROM job ORDER BY id LIMIT 1') } }),
  ],
  [
    /^\/api\/v1\/regions\/\{code\}/,
    async (q) =>
      sides(
        'code',
        await byRegion(
          q,
          (l) => `SELECT code FROM region WHERE level = 'village' AND code LIKE ${l} ORDER BY code LIMIT 1`,
        ),
      ),
  ],
  [
    /^\/api\/v1\/units\/\{id\}/,
    async (q) =>
      sides('id', [
        await q(`SELECT scope_ref FROM role_assignment WHERE role_code = 'unit_liaison' LIMIT 1`),
        await q(`SELECT id FROM unit WHERE region_code LIKE '${OUT}%' ORDER BY id LIMIT 1`),
      ]),
  ],
  [
    /^\/api\/v1\/people\/\{id\}/,
    async (q) =>
      sides('id', await byRegion(q, (l) => `SELECT id FROM person WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`)),
  ],
  [
    /^\/api\/v1\/accounts\/\{id\}/,
    async (q, self) => {
      const side = async (account: string) => ({
        id: account,
        assignmentId: await first(
          q,
          `SELECT id FROM role_assignment WHERE account_id = '${account}' ORDER BY id LIMIT 1`,
        ),
      });
      if (!self.account) return { note: 'one', a: await side(self.other) };
      return { note: 'self/other', a: await side(self.account), b: await side(self.other) };
    },
  ],
  [
    /^\/api\/v1\/sites\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(
          q,
          (l) => `SELECT id FROM practice_site WHERE kind = 'station' AND region_code LIKE ${l} ORDER BY id LIMIT 1`,
        ),
      ),
  ],
  [
    /^\/api\/v1\/grids\/\{id\}/,
    async (q) =>
      sides('id', await byRegion(q, (l) => `SELECT id FROM grid WHERE region_code LIKE ${l} ORDER BY code LIMIT 1`)),
  ],
  [
    // The checklist of a point in a plan that samples it (hole 8 of issue 13): `planId` goes in the query.
    /^\/api\/v1\/points\/\{id\}\/checklist$/,
    async (q) => {
      const pr = await byRegion(
        q,
        (l) => `SELECT p.id FROM point p WHERE p.region_code LIKE ${l}
        AND EXISTS (SELECT 1 FROM inspection_plan_point pp WHERE pp.point_id = p.id) ORDER BY p.id LIMIT 1`,
      );
      return sides('id', pr, async (id) => ({
        '?planId': await first(
          q,
          `SELECT plan_id FROM inspection_plan_point WHERE point_id = '${id}' ORDER BY plan_id LIMIT 1`,
        ),
      }));
    },
  ],
  [
    /^\/api\/v1\/points\/\{id\}/,
    async (q) =>
      sides('id', await byRegion(q, (l) => `SELECT id FROM point WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`)),
  ],
  [
    /^\/api\/v1\/pairings\/\{id\}/,
    async (q) =>
      sides('id', await byRegion(q, (l) => `SELECT id FROM pairing WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`)),
  ],
  [
    /^\/api\/v1\/frameworks\/\{id\}/,
    async (q) => {
      const side = async (id: string) => ({
        id,
        nodeId: await first(
          q,
          `SELECT id FROM (SELECT id, position FROM indicator WHERE framework_id = '${id}' UNION ALL
          SELECT id, position FROM negative_item WHERE framework_id = '${id}') x ORDER BY position, id LIMIT 1`,
        ),
      });
      const draft = await q(`SELECT id FROM framework WHERE status = 'draft' ORDER BY id LIMIT 1`);
      const published = await first(q, `SELECT id FROM framework WHERE status = 'published' ORDER BY id LIMIT 1`);
      if (!draft) return { note: 'published', a: await side(published) };
      return { note: 'draft/published', a: await side(draft), b: await side(published) };
    },
  ],
  [
    /^\/api\/v1\/campaigns\/\{id\}/,
    async (q) => ({ note: 'one', a: { id: await first(q, 'SELECT id FROM campaign ORDER BY id LIMIT 1') } }),
  ],
  [
    /^\/api\/v1\/tasks\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(
          q,
          (l) =>
            `SELECT t.id FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE u.region_code LIKE ${l} ORDER BY t.id LIMIT 1`,
        ),
      ),
  ],
  [
    /^\/api\/v1\/notices\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(
          q,
          (l) =>
            `SELECT n.id FROM notice n JOIN unit u ON u.id = n.unit_id WHERE u.region_code LIKE ${l} ORDER BY n.id LIMIT 1`,
        ),
      ),
  ],
  [
    /^\/api\/v1\/self-assessments\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(
          q,
          (l) =>
            `SELECT s.id FROM self_assessment s JOIN unit u ON u.id = s.unit_id WHERE u.region_code LIKE ${l} ORDER BY s.id LIMIT 1`,
        ),
      ),
  ],
  [
    /^\/api\/v1\/problems\/\{id\}/,
    async (q) => {
      const pr = await byRegion(
        q,
        (l) => `SELECT p.id FROM problem p WHERE p.region_code LIKE ${l}
        AND EXISTS (SELECT 1 FROM problem_photo pp WHERE pp.problem_id = p.id) ORDER BY p.id LIMIT 1`,
      );
      return sides('id', pr, async (id) => ({
        fileId: await first(q, `SELECT file_id FROM problem_photo WHERE problem_id = '${id}' ORDER BY file_id LIMIT 1`),
      }));
    },
  ],
  [
    /^\/api\/v1\/public\/problem-reports\/\{number\}/,
    async (q) =>
      sides(
        'number',
        await byRegion(q, (l) => `SELECT number FROM problem WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`),
      ),
  ],
  [
    /^\/api\/v1\/inspection-plans\/\{id\}/,
    async (q) => {
      const pr = await byRegion(
        q,
        (l) => `SELECT p.id FROM inspection_plan p WHERE p.region_code LIKE ${l}
        AND EXISTS (SELECT 1 FROM inspection_team t WHERE t.plan_id = p.id) ORDER BY p.id LIMIT 1`,
      );
      const any = await q(`SELECT p.id FROM inspection_plan p
        WHERE EXISTS (SELECT 1 FROM inspection_team t WHERE t.plan_id = p.id) ORDER BY p.id LIMIT 1`);
      return sides('id', pr[0] || pr[1] ? pr : [any, undefined], async (id) => ({
        teamId: await first(q, `SELECT id FROM inspection_team WHERE plan_id = '${id}' ORDER BY id LIMIT 1`),
      }));
    },
  ],
  [
    /^\/api\/v1\/inspections\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(q, (l) => `SELECT id FROM inspection WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`),
      ),
  ],
  [
    /^\/api\/v1\/questionnaires\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(q, (l) => `SELECT id FROM questionnaire WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`),
      ),
  ],
  [
    /^\/api\/v1\/public\/surveys\/\{token\}/,
    async (q) => ({
      note: 'one',
      a: {
        token: await first(
          q,
          'SELECT public_token FROM questionnaire WHERE public_token IS NOT NULL ORDER BY id LIMIT 1',
        ),
      },
    }),
  ],
  [
    /^\/api\/v1\/volunteers\/\{id\}/,
    async (q) =>
      sides('id', await byRegion(q, (l) => `SELECT id FROM volunteer WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`)),
  ],
  [
    /^\/api\/v1\/teams\/\{id\}/,
    async (q) => {
      const pr = await byRegion(
        q,
        (l) => `SELECT t.id FROM volunteer_team t WHERE t.region_code LIKE ${l}
        AND EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id) ORDER BY t.id LIMIT 1`,
      );
      return sides('id', pr, async (id) => ({
        volunteerId: await first(
          q,
          `SELECT volunteer_id FROM team_member WHERE team_id = '${id}' ORDER BY volunteer_id LIMIT 1`,
        ),
      }));
    },
  ],
  [
    /^\/api\/v1\/activity-projects\/\{id\}/,
    // The demo has one project (at the city's practice centre).
    async (q) => sides('id', [await q('SELECT id FROM activity_project ORDER BY id LIMIT 1'), undefined]),
  ],
  [
    /^\/api\/v1\/activities\/\{id\}/,
    async (q) => {
      const pr = await byRegion(
        q,
        (l) => `SELECT a.id FROM activity a WHERE a.region_code LIKE ${l}
        AND EXISTS (SELECT 1 FROM activity_signup s WHERE s.activity_id = a.id) ORDER BY a.id LIMIT 1`,
      );
      return sides('id', pr, async (id) => ({
        volunteerId: await first(
          q,
          `SELECT volunteer_id FROM activity_signup WHERE activity_id = '${id}' ORDER BY volunteer_id LIMIT 1`,
        ),
      }));
    },
  ],
  [
    /^\/api\/v1\/certificates\/\{id\}/,
    async (q) => sides('id', [await q('SELECT id FROM volunteer_certificate ORDER BY id LIMIT 1'), undefined]),
  ],
  [
    /^\/api\/v1\/evaluations\/\{id\}\/bulletin-preview/,
    async (q) => {
      const id = await first(q, `SELECT id FROM evaluation WHERE state = 'done' ORDER BY id LIMIT 1`);
      return { note: 'one', a: { id, format: 'pdf' } };
    },
  ],
  [
    /^\/api\/v1\/evaluations\/\{id\}/,
    async (q) => sides('id', [await q('SELECT id FROM evaluation ORDER BY id LIMIT 1'), undefined]),
  ],
  [
    /^\/api\/v1\/(public\/)?bulletins\/\{id\}/,
    async (q) => {
      const id = await first(q, 'SELECT id FROM bulletin ORDER BY id LIMIT 1');
      return { note: 'one', a: { id, format: 'xlsx' } };
    },
  ],
  [
    /^\/api\/v1\/timebank\/accounts\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(
          q,
          (l) =>
            `SELECT a.id FROM timebank_account a JOIN volunteer v ON v.id = a.volunteer_id WHERE v.region_code LIKE ${l} ORDER BY a.id LIMIT 1`,
        ),
      ),
  ],
  [
    /^\/api\/v1\/community\/items\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(q, (l) => `SELECT id FROM community_item WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`),
      ),
  ],
  [
    /^\/api\/v1\/timebank\/journals\/\{id\}/,
    async (q) => sides('id', [await q('SELECT id FROM timebank_journal ORDER BY id LIMIT 1'), undefined]),
  ],
  [
    /^\/api\/v1\/timebank\/branches\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(q, (l) => `SELECT id FROM timebank_branch WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`),
      ),
  ],
  [
    /^\/api\/v1\/timebank\/redemptions\/\{code\}/,
    async (q) => {
      const code = await q('SELECT code FROM timebank_redemption ORDER BY id LIMIT 1');
      return code ? { note: 'one', a: { code } } : { note: 'none', a: { code: 'ZZZZ9999' } };
    },
  ],
  [
    /^\/api\/v1\/orders\/\{id\}/,
    async (q) => {
      const pr = await byRegion(
        q,
        (l) => `SELECT id FROM service_order WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`,
      );
      return sides('id', pr, async (id) => ({
        fileId: await first(
          q,
          `SELECT file_id FROM service_order_photo WHERE order_id = '${id}' ORDER BY file_id LIMIT 1`,
        ),
      }));
    },
  ],
  [
    /^\/api\/v1\/service-menu\/\{id\}/,
    async (q) =>
      sides(
        'id',
        await byRegion(
          q,
          (l) =>
            `SELECT i.id FROM service_item i JOIN practice_site s ON s.id = i.site_id WHERE s.region_code LIKE ${l} ORDER BY i.id LIMIT 1`,
        ),
      ),
  ],
  [
    /^\/api\/v1\/venues\/\{id\}/,
    // The demo's venues are at the demo centre, outside both sample regions: the first one.
    async (q) => sides('id', [await q('SELECT id FROM venue ORDER BY id LIMIT 1'), undefined]),
  ],
  [
    // The demo resident's own booking and one of someone else.
    /^\/api\/v1\/venue-bookings\/\{id\}/,
    async (q) =>
      sides('id', [
        await q('SELECT id FROM venue_booking WHERE account_id IS NOT NULL ORDER BY id LIMIT 1'),
        await q('SELECT id FROM venue_booking WHERE account_id IS NULL ORDER BY id LIMIT 1'),
      ]),
  ],
  [
    // A published article and a draft.
    /^\/api\/v1\/(public\/)?news\/\{id\}/,
    async (q) =>
      sides('id', [
        await q("SELECT id FROM news_article WHERE status = 'published' ORDER BY id LIMIT 1"),
        await q("SELECT id FROM news_article WHERE status = 'draft' ORDER BY id LIMIT 1"),
      ]),
  ],
  [
    /^\/api\/v1\/open311\/clients\/\{id\}/,
    async (q) => sides('id', [await q('SELECT id FROM open311_client ORDER BY id LIMIT 1'), undefined]),
  ],
  [
    /^\/open311\/v2\/services\/\{file\}/,
    async (q) => ({
      note: 'one',
      a: { file: `${await first(q, 'SELECT code FROM problem_category ORDER BY code LIMIT 1')}.json` },
    }),
  ],
  [
    /^\/open311\/v2\/requests\/\{file\}/,
    async (q) => {
      const [a, b] = await byRegion(
        q,
        (l) => `SELECT number FROM problem WHERE region_code LIKE ${l} ORDER BY id LIMIT 1`,
      );
      return { note: 'in/out', a: { file: `${a}.json` }, b: { file: `${b}.json` } };
    },
  ],
  [
    /^\/open311\/v2\/tokens\/\{file\}/,
    async (q) => ({
      note: 'one',
      a: { file: `${await first(q, 'SELECT token FROM open311_token ORDER BY token LIMIT 1')}.json` },
    }),
  ],
];

/** Sample strings for the patterns the route schemas use (an unknown pattern fails the test: add it). */
const PATTERN_SAMPLES: Record<string, string> = {
  '^\\d{2,12}$': IN,
  '^[a-zA-Z0-9_.-]{3,64}$': 'matrix_user',
  '^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$': 'matrix',
  '^[0-9A-Za-z\\u4e00-\\u9fff][0-9A-Za-z\\u4e00-\\u9fff._-]{0,39}$': 'matrix',
  '^[^=＝,，;；:：、\\s得]{1,20}$': 'matrix',
  '^[A-Za-z0-9_.-]{1,64}$': 'matrix',
  '^\\d{4}-(0[1-9]|1[0-2])$': '2026-01',
  '^[a-z][a-z0-9_]{0,39}$': 'matrix',
  '^[A-Za-z0-9_-]{1,40}$': 'matrix',
  '^[A-Za-z0-9_-]{20,80}$': 'matrix_matrix_matrix_matrix',
  '^\\d{4}-\\d{2}-\\d{2}$': '2026-01-15',
  '^(region:\\d{2,12}|unit:[0-9a-f-]{36}|point:[0-9a-f-]{36})$': `region:${IN}`,
  '^[A-Z0-9]{8}$': 'ZZZZ9999',
  '^1\\d{10}$': '13800000000',
  '^[a-z0-9_]{1,40}$': 'matrix',
  '^([01]\\d|2[0-3]):[0-5]\\d$': '09:00',
  '^(19|2\\d)\\d{2}-\\d{2}-\\d{2}$': '2026-01-15',
};

/** Operations that take a multipart upload: sent a file that is not what they accept (refused if authorized). */
const UPLOADS = /^POST .*(\/import|\/files|\/public\/problem-reports)$/;
const BOUNDARY = 'wenming-authz-matrix';
const MULTIPART = {
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  payload:
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="matrix.xlsx"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\nnot a spreadsheet\r\n' +
    `--${BOUNDARY}--\r\n`,
};
/** Debugging aid: WENMING_MATRIX_ROLES=admin,volunteer runs only those roles (and compares nothing). */
const ONLY = process.env.WENMING_MATRIX_ROLES?.split(',');
/** Debugging aid: WENMING_MATRIX_DEBUG=<role> prints that role's 400 answers with the body sent. */
const DEBUG = process.env.WENMING_MATRIX_DEBUG;

/**
 * Fields that the route schemas require beyond what the OpenAPI document shows (refinements), merged into the
 * sampled body or query, so the request passes validation and reaches the handler's authorization.
 */
const EXTRA: Record<string, { body?: Record<string, unknown>; query?: Record<string, string> }> = {
  'GET /api/v1/problems/duplicates': { query: { lat: '38.5', lng: '102.2' } },
  // The grant of issue 13 hole 1: a city-wide business role, to the caller itself (self) and to another account.
  'POST /api/v1/accounts/{id}/roles': { body: { role: 'office_admin', scopeKind: 'all' } },
  'POST /api/v1/activities': { body: { siteId: UNKNOWN_ID, endsAt: '2026-01-15T10:00:00Z' } },
  'POST /api/v1/activities/{id}/attendance/{volunteerId}/correct': { body: { checkOutAt: '2026-01-15T10:00:00Z' } },
  'POST /api/v1/activity-projects': { body: { siteId: UNKNOWN_ID } },
  'PUT /api/v1/activity-projects/{id}': { body: { siteId: UNKNOWN_ID } },
  'POST /api/v1/auth/password': { body: { currentPassword: 'Not-the-password-1', newPassword: 'Matrix@2026-new' } },
  'POST /api/v1/evaluations': { body: { period: { kind: 'month', value: '2026-01' } } },
  'POST /api/v1/inspection-plans': { body: { startDate: '2026-01-15', endDate: '2026-01-31' } },
  'PUT /api/v1/inspection-plans/{id}': { body: { startDate: '2026-01-15', endDate: '2026-01-31' } },
  'POST /api/v1/orders': { body: { itemId: UNKNOWN_ID } },
  'POST /api/v1/venues': { body: { siteId: UNKNOWN_ID, openingSlots: [{ weekday: 1, start: '09:00', end: '10:00' }] } },
  'POST /api/v1/news': { body: { regionCode: IN } },
  'PUT /api/v1/news/{id}': { body: { regionCode: IN } },
  'PUT /api/v1/venues/{id}': { body: { openingSlots: [{ weekday: 1, start: '09:00', end: '10:00' }] } },
  'POST /api/v1/problems': { body: { lat: 38.5, lng: 102.2, regionCode: IN } },
  'POST /api/v1/problems/{id}/transitions': { body: { unitId: UNKNOWN_ID } },
  'POST /api/v1/teams': { body: { siteId: UNKNOWN_ID } },
};

const ID_CARD = `62030219800101001${computeIdCardCheck('62030219800101001')}`;

type Schema = Record<string, any>;

/** The smallest value the schema accepts: required properties only, unknown ids, versions that never match. */
function sample(s: Schema | undefined, name: string, problems: string[]): unknown {
  if (!s) return null;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  for (const k of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[k])) {
      const opt = s[k].find((o: Schema) => o.type !== 'null') ?? s[k][0];
      return sample(opt, name, problems);
    }
  }
  if (Array.isArray(s.allOf)) return Object.assign({}, ...s.allOf.map((x: Schema) => sample(x, name, problems)));
  const type = Array.isArray(s.type) ? s.type.find((x: string) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties?.[key], key, problems);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, name, problems));
    case 'integer':
    case 'number': {
      if (name === 'version' || name === 'rowVersion') return 999_999;
      const min =
        s.exclusiveMinimum === true
          ? (s.minimum ?? 0) + 1
          : typeof s.exclusiveMinimum === 'number'
            ? s.exclusiveMinimum + 1
            : (s.minimum ?? 1);
      return s.maximum !== undefined && min > s.maximum ? s.maximum : min;
    }
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'uuid') return UNKNOWN_ID;
      if (name === 'phone') return '13800000000';
      if (name === 'idCard') return ID_CARD;
      if (s.format === 'date-time') return '2026-01-15T08:00:00Z';
      if (s.format === 'date') return '2026-01-15';
      if (s.pattern) {
        if (!(s.pattern in PATTERN_SAMPLES)) problems.push(`no sample for the pattern ${s.pattern} (${name})`);
        return PATTERN_SAMPLES[s.pattern] ?? 'x';
      }
      const min = s.minLength ?? 0;
      const max = s.maxLength ?? 64;
      return 'matrix'.padEnd(Math.max(min, 1), 'x').slice(0, Math.max(max, min));
    }
    default:
      // A refined or coerced value the document leaves untyped: a time or a date by its name.
      if (/At$/.test(name)) return '2026-01-15T08:00:00Z';
      if (/Date$/.test(name)) return '2026-01-15';
      return {};
  }
}

interface Operation {
  method: string;
  path: string;
  key: string;
  query: Record<string, string>;
  body: unknown;
  hasJsonBody: boolean;
}

function operationsOf(doc: any, problems: string[]): Operation[] {
  const ops: Operation[] = [];
  for (const [p, item] of Object.entries<any>(doc.paths)) {
    for (const [m, op] of Object.entries<any>(item)) {
      const method = m.toUpperCase();
      const query: Record<string, string> = {};
      for (const prm of op.parameters ?? []) {
        if (prm.in !== 'query' || !prm.required) continue;
        query[prm.name] = String(sample(prm.schema, prm.name, problems));
      }
      const key = `${method} ${p}`;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const body = schema ? sample(schema, '(body)', problems) : undefined;
      ops.push({
        method,
        path: p,
        key,
        query: { ...query, ...EXTRA[key]?.query },
        body: EXTRA[key]?.body ? { ...(body as object), ...EXTRA[key].body } : body,
        hasJsonBody: !!schema,
      });
    }
  }
  return ops;
}

/**
 * Reads, then writes, then deletes, then grants and then revokes of roles (one that succeeds on the caller itself
 * changes what it may do next), then logout: a write that succeeds comes after every read of the role.
 */
function rank(op: Operation): number {
  if (op.path === '/api/v1/auth/logout') return 4;
  if (op.path.startsWith('/api/v1/accounts/{id}/roles')) return op.method === 'DELETE' ? 3.5 : 3;
  if (op.method === 'GET') return 0;
  if (op.method === 'DELETE') return 2;
  return 1;
}

function label(status: number): string {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 400 || status === 409 || status === 422) return 'invalid';
  if (status === 401 || status === 403) return 'denied';
  if (status === 404) return 'hidden';
  return `s${status}`;
}

/** The `?name` entries of a side's ids: query parameters that belong to the object (a point's plan). */
function queryParams(params: Params): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([k]) => k.startsWith('?'))
      .map(([k, v]) => [k.slice(1), v]),
  );
}

function fill(template: string, params: Params, problems: string[]): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in params)) problems.push(`${template}: no id for {${k}}`);
    return encodeURIComponent(params[k] ?? UNKNOWN_ID);
  });
}

interface Row {
  key: string;
  ids: string;
  cells: Record<string, string>;
}

function toTsv(rows: Row[]): string {
  const head = ['operation', 'ids', ...ROLES].join('\t');
  const lines = rows.map((r) => [r.key, r.ids, ...ROLES.map((role) => r.cells[role] ?? '?')].join('\t'));
  return `${[head, ...lines].join('\n')}\n`;
}

function fromTsv(text: string): Map<string, Row> {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head.split('\t');
  const rows = new Map<string, Row>();
  for (const line of lines) {
    const f = line.split('\t');
    const cells: Record<string, string> = {};
    cols.slice(2).forEach((c, i) => {
      cells[c] = f[i + 2];
    });
    rows.set(f[0], { key: f[0], ids: f[1], cells });
  }
  return rows;
}

const opened: TestApp[] = [];
afterAll(async () => {
  for (const t of opened) await t.close();
});

describe('authorization matrix', () => {
  it('answers every operation × role as authz-matrix.expected.tsv says', async () => {
    const started = performance.now();
    const problems: string[] = [];
    let requests = 0;
    const slow: [number, string][] = [];
    let ops: Operation[] = [];
    const rows = new Map<string, Row>();
    const resolved = new Map<string, Sides>();

    for (const role of ROLES) {
      if (ONLY && !ONLY.includes(role)) continue;
      // A fresh copy of the demo for each role: what one role writes never shows in another role's cells.
      const t = await createTestApp();
      opened.push(t);
      if (ops.length === 0) {
        const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
        ops = operationsOf(doc, problems).sort((x, y) => rank(x) - rank(y) || x.key.localeCompare(y.key));
        for (const op of ops) rows.set(op.key, { key: op.key, ids: '-', cells: {} });
      }
      const q = queryOf(t);
      const session: Session | null = role === 'anonymous' ? null : await t.login(role);
      const account =
        role === 'anonymous' ? null : ((await q(`SELECT id FROM account WHERE username = '${role}'`)) ?? null);
      const other = (await q(
        `SELECT id FROM account WHERE username = '${role === 'resident' ? 'volunteer' : 'resident'}'`,
      ))!;
      const send = (opts: Parameters<Session['inject']>[0]) => (session ? session.inject(opts) : t.app.inject(opts));

      for (const op of ops) {
        let s: Sides = { note: '-', a: {} };
        if (/\{\w+\}/.test(op.path)) {
          const resolver = RESOLVERS.find(([re]) => re.test(op.path));
          if (!resolver) {
            problems.push(`${op.key}: no id resolver for this path (add one to RESOLVERS)`);
            s = { note: 'none', a: {} };
          } else {
            // Ids are the same in every copy of the demo; only the accounts' self/other depend on the caller.
            const cacheKey = op.path.startsWith('/api/v1/accounts/') ? `${op.path} ${role}` : op.path;
            s = resolved.get(cacheKey) ?? (await resolver[1](q, { account, other }));
            resolved.set(cacheKey, s);
          }
        }
        const labels: string[] = [];
        // The out-of-scope id first: the in-scope write may succeed.
        for (const params of [s.b, s.a]) {
          if (!params) continue;
          const url = fill(op.path, params, problems);
          const t0 = performance.now();
          const res = await send({
            method: op.method as never,
            url,
            query: { ...op.query, ...queryParams(params) },
            ...(op.hasJsonBody ? { payload: op.body as object } : UPLOADS.test(op.key) ? MULTIPART : {}),
          });
          if (DEBUG === role && res.statusCode === 400)
            console.log(`${op.key} ${JSON.stringify(op.body)}\n  ${res.body}`);
          requests++;
          if (process.env.WENMING_MATRIX_TIMING) slow.push([performance.now() - t0, `${role} ${op.key}`]);
          if (res.statusCode >= 500)
            problems.push(`${op.key} as ${role} (${url}): ${res.statusCode} ${res.body.slice(0, 200)}`);
          labels.unshift(label(res.statusCode));
        }
        const row = rows.get(op.key)!;
        row.ids = s.note;
        row.cells[role] = labels.join('/');
      }
      await t.close();
      opened.splice(opened.indexOf(t), 1);
    }

    const actual = [...rows.values()].sort((x, y) => x.key.localeCompare(y.key));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `authz matrix (${testEngine()}): ${actual.length} operations × ${ROLES.length} roles, ${requests} requests, ${seconds} s`,
    );
    if (slow.length) {
      slow.sort((x, y) => y[0] - x[0]);
      console.log(
        slow
          .slice(0, 40)
          .map(([ms, k]) => `${ms.toFixed(0)} ms ${k}`)
          .join('\n'),
      );
      console.log(`total in requests: ${(slow.reduce((n, [ms]) => n + ms, 0) / 1000).toFixed(1)} s`);
    }
    if (ONLY) return;
    if (UPDATE) {
      fs.writeFileSync(EXPECTED, toTsv(actual));
      console.log(`wrote ${path.relative(process.cwd(), EXPECTED)}`);
    }
    expect(problems, 'the matrix could not be built as written').toEqual([]);
    if (UPDATE) return;
    expect(fs.existsSync(EXPECTED), `${EXPECTED} is missing: run with WENMING_UPDATE_MATRIX=1`).toBe(true);
    const expected = fromTsv(fs.readFileSync(EXPECTED, 'utf8'));
    const diffs: string[] = [];
    for (const row of actual) {
      const want = expected.get(row.key);
      if (!want) {
        diffs.push(`+ ${row.key}: a new operation without a row in the matrix`);
        continue;
      }
      if (want.ids !== row.ids) diffs.push(`~ ${row.key} ids: expected ${want.ids}, got ${row.ids}`);
      for (const role of ROLES)
        if (want.cells[role] !== row.cells[role])
          diffs.push(`~ ${row.key} as ${role}: expected ${want.cells[role] ?? '(none)'}, got ${row.cells[role]}`);
    }
    for (const key of expected.keys())
      if (!rows.has(key)) diffs.push(`- ${key}: a row for an operation that no longer exists`);
    expect(
      diffs,
      `${diffs.length} differences from authz-matrix.expected.tsv; if intended, regenerate it with ` +
        'WENMING_UPDATE_MATRIX=1 npx vitest run apps/server/src/test/authz-matrix.test.ts and review the diff:\n' +
        diffs.join('\n'),
    ).toEqual([]);
  }, 600_000);
});
