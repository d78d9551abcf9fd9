// What a complete demo tenant holds, checked by counting: the story a visitor follows on any day, from a score to
// the photo that lost its point. The multi-date test and `wenming seed-demo --check` read this.
import { orderStatuses, problemStatuses, taskStates } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { addMonths, shanghaiMonth } from '../platform/clock';
import type { Db } from '../platform/db';
import { rows } from '../platform/sql';

export interface DemoCompleteness {
  counts: Record<string, number>;
  /** Human-readable names of what is missing; empty when the demo is complete. */
  missing: string[];
}

async function count(db: Db, q: SQL): Promise<number> {
  return Number((await rows<{ n: number | string }>(db, q))[0]?.n ?? 0);
}

async function distinctValues(db: Db, q: SQL): Promise<Set<string>> {
  return new Set((await rows<{ v: string }>(db, q)).map((r) => r.v));
}

/** Count the parts of the demo tenant seeded at `now` and list what is missing. */
export async function demoCompleteness(db: Db, tenantId: string, now: Date): Promise<DemoCompleteness> {
  const t = tenantId;
  const month = shanghaiMonth(now);
  const months = [-3, -2, -1].map((k) => addMonths(month, k));
  const at = now.toISOString();
  const counts: Record<string, number> = {
    regions: await count(db, sql`SELECT count(*) AS n FROM region WHERE tenant_id = ${t}`),
    units: await count(db, sql`SELECT count(*) AS n FROM unit WHERE tenant_id = ${t}`),
    accounts: await count(db, sql`SELECT count(*) AS n FROM account WHERE tenant_id = ${t}`),
    publishedFrameworks: await count(
      db,
      sql`SELECT count(*) AS n FROM framework WHERE tenant_id = ${t} AND status = 'published'`,
    ),
    thisMonthInspections: await count(
      db,
      sql`SELECT count(*) AS n FROM inspection i JOIN inspection_plan p ON p.tenant_id = i.tenant_id
        AND p.id = i.plan_id WHERE i.tenant_id = ${t} AND p.period = ${month}`,
    ),
    surveyResponses: await count(db, sql`SELECT count(*) AS n FROM survey_response WHERE tenant_id = ${t}`),
    doneEvaluations: await count(
      db,
      sql`SELECT count(*) AS n FROM evaluation WHERE tenant_id = ${t} AND state = 'done'
        AND to_char(period_start, 'YYYY-MM') = ANY(${sql.param(months)}::text[])`,
    ),
    volunteers: await count(db, sql`SELECT count(*) AS n FROM volunteer WHERE tenant_id = ${t}`),
    pastActivities: await count(
      db,
      sql`SELECT count(*) AS n FROM activity WHERE tenant_id = ${t} AND ends_at <= ${at}::timestamptz`,
    ),
    upcomingActivities: await count(
      db,
      sql`SELECT count(*) AS n FROM activity WHERE tenant_id = ${t} AND starts_at > ${at}::timestamptz`,
    ),
    confirmedHours: await count(
      db,
      sql`SELECT count(*) AS n FROM activity_signup WHERE tenant_id = ${t} AND hours_status = 'confirmed'`,
    ),
    timebankJournals: await count(db, sql`SELECT count(*) AS n FROM timebank_journal WHERE tenant_id = ${t}`),
    timebankImbalance: await count(
      db,
      sql`SELECT abs(coalesce(sum(amount), 0)) AS n FROM timebank_entry WHERE tenant_id = ${t}`,
    ),
    regionShapes: await count(db, sql`SELECT count(*) AS n FROM region_shape WHERE tenant_id = ${t}`),
  };
  const missing: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) missing.push(what);
  };
  need(counts.regions > 100, 'regions of 6203');
  need(counts.units >= 12, 'units');
  need(counts.accounts >= 11, 'one account per role');
  need(counts.publishedFrameworks >= 5, 'five published frameworks');
  need(counts.thisMonthInspections > 0, `inspections of this month's plan (${month})`);
  need(counts.surveyResponses >= 30, 'questionnaire answers');
  need(counts.doneEvaluations === 3, `evaluations of ${months.join(', ')}`);
  need(counts.volunteers >= 10, 'volunteers');
  need(counts.pastActivities > 0 && counts.upcomingActivities > 0, 'past and upcoming activities');
  need(counts.confirmedHours > 0, 'confirmed service hours');
  need(counts.timebankJournals > 0, 'time-bank movements');
  need(counts.timebankImbalance === 0, 'a zero-sum time bank');
  need(counts.regionShapes > 0, 'region outlines for the big screen');
  const tasks = await distinctValues(db, sql`SELECT DISTINCT state AS v FROM task WHERE tenant_id = ${t}`);
  for (const s of taskStates) need(tasks.has(s), `a task in state ${s}`);
  const problems = await distinctValues(db, sql`SELECT DISTINCT status AS v FROM problem WHERE tenant_id = ${t}`);
  for (const s of problemStatuses) need(problems.has(s), `a problem in state ${s}`);
  const overdue = await count(
    db,
    sql`SELECT count(*) AS n FROM problem WHERE tenant_id = ${t} AND deadline_at < ${at}::timestamptz
      AND status IN ('assigned', 'rectifying', 'returned', 'reopened')`,
  );
  need(overdue > 0, 'an overdue problem');
  const orders = await distinctValues(db, sql`SELECT DISTINCT status AS v FROM service_order WHERE tenant_id = ${t}`);
  for (const s of ['submitted', 'accepted', 'completed', 'rated', 'returned'] as const)
    need(orders.has(s) && (orderStatuses as readonly string[]).includes(s), `an order in state ${s}`);
  await checkStory(db, t, months, need);
  return { counts, missing };
}

/** The parts of the story a visitor follows: photos, a bulletin, notices, plans, surveys, stations, branches. */
async function checkStory(db: Db, t: string, months: string[], need: (ok: boolean, what: string) => void) {
  const n = (q: SQL) => count(db, q);
  need(
    (await n(sql`SELECT count(*) AS n FROM inspection_observation WHERE tenant_id = ${t} AND result = 'not_met'
      AND cardinality(photo_file_ids) > 0`)) > 0,
    'a finding with its photo',
  );
  need(
    (await n(sql`SELECT count(*) AS n FROM problem_photo WHERE tenant_id = ${t} AND kind = 'after'`)) > 0,
    'a rectified problem with an after photo',
  );
  need((await n(sql`SELECT count(*) AS n FROM bulletin WHERE tenant_id = ${t}`)) > 0, 'a published bulletin');
  const assessments = await distinctValues(
    db,
    sql`SELECT DISTINCT status AS v FROM self_assessment WHERE tenant_id = ${t}`,
  );
  for (const st of ['draft', 'submitted', 'returned', 'checked']) need(assessments.has(st), `a self-assessment ${st}`);
  const notices = await distinctValues(db, sql`SELECT DISTINCT kind AS v FROM notice WHERE tenant_id = ${t}`);
  for (const k of ['reminder_letter', 'summons', 'reminder', 'overdue']) need(notices.has(k), `a ${k} notice`);
  need((await n(sql`SELECT count(*) AS n FROM problem_notice WHERE tenant_id = ${t}`)) > 0, 'problem notices');
  const kinds = await distinctValues(db, sql`SELECT DISTINCT kind AS v FROM inspection_plan WHERE tenant_id = ${t}`);
  for (const k of ['self', 'field_eval', 'unannounced', 'revisit']) need(kinds.has(k), `a ${k} plan`);
  const surveyed = await distinctValues(
    db,
    sql`SELECT DISTINCT to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS v FROM survey_response
      WHERE tenant_id = ${t}`,
  );
  for (const m of months) need(surveyed.has(m), `survey answers in ${m}`);
  const last = months[2];
  const stations = await n(sql`SELECT count(DISTINCT a.site_id) AS n FROM activity a JOIN practice_site s
      ON s.tenant_id = a.tenant_id AND s.id = a.site_id
    WHERE a.tenant_id = ${t} AND s.kind IN ('station', 'institute')
      AND to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${last}`);
  need(stations >= 10, `activities at stations and institutes in ${last}`);
  const gridBranch = await n(sql`SELECT count(*) AS n FROM timebank_branch b WHERE b.tenant_id = ${t}
      AND b.kind = 'branch' AND EXISTS (SELECT 1 FROM timebank_account a WHERE a.tenant_id = b.tenant_id
        AND a.branch_id = b.id) AND EXISTS (SELECT 1 FROM timebank_goods g WHERE g.tenant_id = b.tenant_id
        AND g.branch_id = b.id)`);
  need(gridBranch > 0, 'a grid branch with accounts and goods');
  const used = await distinctValues(
    db,
    sql`SELECT DISTINCT f.code AS v FROM framework f WHERE f.tenant_id = ${t} AND (
      EXISTS (SELECT 1 FROM inspection_plan p WHERE p.tenant_id = f.tenant_id AND p.framework_id = f.id)
      OR EXISTS (SELECT 1 FROM self_assessment a WHERE a.tenant_id = f.tenant_id AND a.framework_id = f.id))`,
  );
  for (const code of ['WY-SJZ-DEMO', 'SH-BGCS-DEMO', 'LY-HSWY-DEMO']) need(used.has(code), `framework ${code} in use`);
}
