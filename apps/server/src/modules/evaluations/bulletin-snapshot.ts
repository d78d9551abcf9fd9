// The frozen content of a bulletin, read once at publishing from the evaluation's stored results: ranking of the
// lowest ranked level, rates, red/black lists, summons, the most frequent deductions and the series' trend.
import type { BulletinRankingRow, BulletinRate, BulletinSnapshot, RateView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';

export const levelLabels: Record<string, string> = {
  province: '省',
  prefecture: '市州',
  county: '区县',
  township: '乡镇（街道）',
  village: '社区（村）',
  unit: '单位',
  point: '点位',
};

/** 示范市 → 示范文明办 (document-number prefix), as the campaign documents print it. */
export const officeShortName = (tenantName: string) => `${tenantName.replace(/(市|县|区|州|盟|旗)$/, '')}文明办`;

export interface EvaluationForBulletin {
  id: string;
  name: string;
  series: string;
  state: string;
  region_code: string;
  period_label: string;
  period_start: string;
  levels: string[];
  rates: Record<string, Partial<Record<keyof BulletinSnapshot['rates'], RateView>>>;
  framework_name: string | null;
  tenant_name: string;
}

/** A rate as documents and screens print it: "36%", or "—" without a denominator. */
export const printRate = (r: RateView | undefined): BulletinRate => ({
  numerator: r?.numerator ?? 0,
  denominator: r?.denominator ?? 0,
  percent: r?.percent === null || r?.percent === undefined ? '—' : `${r.percent}%`,
});

function toRow(r: any): BulletinRankingRow {
  return {
    subjectId: r.subject_key,
    subjectCode: r.subject_code,
    subjectName: r.subject_name,
    score: Number(r.score ?? 0),
    fullScore: Number(r.full_score),
    rank: Number(r.rank),
    rankChange: r.rank_change === null ? null : Number(r.rank_change),
    passed: r.passed,
    excellent: r.excellent,
  };
}

async function readRanking(db: Db, tenantId: string, evaluationId: string, level: string) {
  const res = await db.execute(sql`SELECT subject_key, subject_code, subject_name, score, full_score, rank, rank_change,
      passed, excellent, red_list, black_list, summons
    FROM evaluation_result WHERE tenant_id = ${tenantId} AND evaluation_id = ${evaluationId} AND level = ${level} AND rank IS NOT NULL
    ORDER BY rank, position, subject_name`);
  return res.rows as any[];
}

/** The deductions found most often in the level's subjects: count of unmet observations, then points lost. */
async function readMainProblems(db: Db, tenantId: string, evaluationId: string, level: string) {
  const res = await db.execute(sql`SELECT i.name, sum(COALESCE(s.applicable - s.met, 1))::int AS count,
      round(sum(s.full_points - s.score)::numeric, 2)::float8 AS points_lost
    FROM evaluation_indicator_score s
      JOIN evaluation_result r ON r.tenant_id = s.tenant_id AND r.evaluation_id = s.evaluation_id
        AND r.subject_key = s.subject_key AND r.level = ${level}
      JOIN indicator i ON i.tenant_id = s.tenant_id AND i.id = s.indicator_id
    WHERE s.tenant_id = ${tenantId} AND s.evaluation_id = ${evaluationId} AND NOT s.not_sampled
      AND s.score < s.full_points
    GROUP BY i.name ORDER BY count DESC, points_lost DESC, i.name LIMIT 5`);
  return (res.rows as any[]).map((r) => ({ name: r.name, count: Number(r.count), pointsLost: Number(r.points_lost) }));
}

/** Average and per-subject scores of the series' last six done periods up to this one (latest version each). */
export async function readTrend(
  db: Db,
  tenantId: string,
  e: Pick<EvaluationForBulletin, 'series' | 'period_start'>,
  level: string,
  top: BulletinRankingRow[],
) {
  const res = await db.execute(sql`WITH periods AS (
      SELECT DISTINCT ON (period_start) id, period_start, period_label FROM evaluation
      WHERE tenant_id = ${tenantId} AND series = ${e.series} AND state = 'done' AND period_start <= ${e.period_start}
      ORDER BY period_start DESC, version DESC LIMIT 6)
    SELECT p.period_start::text AS start, p.period_label, r.subject_key, r.score::float8 AS score
    FROM periods p LEFT JOIN evaluation_result r ON r.tenant_id = ${tenantId} AND r.evaluation_id = p.id
      AND r.level = ${level} AND r.score IS NOT NULL
    ORDER BY p.period_start`);
  const rows = res.rows as { start: string; period_label: string; subject_key: string | null; score: number | null }[];
  const periods = [...new Map(rows.map((r) => [r.start, r.period_label])).entries()];
  const scoreOf = (start: string, key: string) =>
    rows.find((r) => r.start === start && r.subject_key === key)?.score ?? null;
  const average = periods.map(([start]) => {
    const s = rows.filter((r) => r.start === start && r.score !== null).map((r) => Number(r.score));
    return s.length ? Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 100) / 100 : null;
  });
  return {
    periods: periods.map(([, label]) => label),
    average,
    series: top.map((t) => ({ name: t.subjectName, scores: periods.map(([start]) => scoreOf(start, t.subjectId)) })),
  };
}

/** Build the snapshot of a done evaluation (the lowest level it ranks). */
export async function buildSnapshot(db: Db, tenantId: string, e: EvaluationForBulletin): Promise<BulletinSnapshot> {
  const level = e.levels[0] ?? 'township';
  const rows = await readRanking(db, tenantId, e.id, level);
  const ranking = rows.map(toRow);
  const rates = e.rates[level] ?? {};
  return {
    evaluation: {
      id: e.id,
      name: e.name,
      periodLabel: e.period_label,
      level: levelLabels[level] ?? level,
      frameworkName: e.framework_name,
    },
    issuer: `${e.tenant_name}精神文明建设指导委员会办公室`,
    signatureOffice: `${e.tenant_name}文明办`,
    rates: {
      pass: printRate(rates.pass),
      excellent: printRate(rates.excellent),
      compliance: printRate(rates.compliance),
      rectification: printRate(rates.rectification),
    },
    ranking,
    redList: rows.filter((r) => r.red_list).map(toRow),
    blackList: rows.filter((r) => r.black_list).map(toRow),
    summons: rows.filter((r) => r.summons).map(toRow),
    mainProblems: await readMainProblems(db, tenantId, e.id, level),
    trend: await readTrend(db, tenantId, e, level, ranking.slice(0, 5)),
  };
}
