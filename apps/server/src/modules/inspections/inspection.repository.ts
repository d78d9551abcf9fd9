// Queries of inspections and their observations: few statements per submission (one for all observations).
import type {
  InspectionListItem,
  InspectionReceipt,
  InspectionScore,
  InspectionView,
  ObservationView,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { json, num } from './plan.repository';
import { isoOrNull } from '../../platform/clock';
import { fail } from '../../platform/errors';

export interface InspectionRow {
  id: string;
  planId: string;
  pointId: string;
  teamId: string | null;
  frameworkId: string;
  pointType: string;
  regionCode: string;
  gridId: string | null;
  inspectorId: string | null;
  startedAt: string;
  submittedAt: string;
  clientTime: string;
  /** When the server took it, on the app's clock. */
  receivedAt: string;
  gps: { lat: number; lng: number; accuracy?: number | null } | null;
  note: string | null;
  score: InspectionScore;
  negativeItems: { negativeItemId: string; note?: string | null; photoFileIds: string[] }[];
  findingCount: number;
}

/**
 * Store new inspections in one statement; answers the receive and update times of those stored now
 * (an id stored before is left alone: a resend, or a concurrent twin).
 */
export async function insertInspections(tx: Db, tenantId: string, rows: InspectionRow[]) {
  const data = rows.map((r) => ({
    ...{ id: r.id, plan_id: r.planId, point_id: r.pointId, team_id: r.teamId, framework_id: r.frameworkId },
    ...{ point_type: r.pointType, region_code: r.regionCode, grid_id: r.gridId, inspector_id: r.inspectorId },
    ...{ started_at: r.startedAt, submitted_at: r.submittedAt, client_time: r.clientTime, note: r.note },
    ...{ received_at: r.receivedAt },
    ...{ gps_lat: r.gps?.lat ?? null, gps_lng: r.gps?.lng ?? null, gps_accuracy: r.gps?.accuracy ?? null },
    ...{ score: r.score.score, earned: r.score.earned, applicable: r.score.applicable },
    ...{ negative_deduction: r.score.negativeDeduction, vetoed: r.score.vetoed, suspended: r.score.suspended },
    ...{ negative_items: r.negativeItems, finding_count: r.findingCount },
  }));
  const res = await tx.execute(sql`INSERT INTO inspection (tenant_id, id, plan_id, point_id, team_id, framework_id,
      point_type, region_code, grid_id, inspector_id, started_at, submitted_at, client_time, gps_lat, gps_lng,
      gps_accuracy, note, score, earned, applicable, negative_deduction, vetoed, suspended, negative_items,
      finding_count, updated_by, received_at, updated_at)
    SELECT ${tenantId}, x.id, x.plan_id, x.point_id, x.team_id, x.framework_id, x.point_type, x.region_code, x.grid_id,
      x.inspector_id, x.started_at, x.submitted_at, x.client_time, x.gps_lat, x.gps_lng, x.gps_accuracy, x.note,
      x.score, x.earned, x.applicable, x.negative_deduction, x.vetoed, x.suspended, x.negative_items, x.finding_count,
      x.inspector_id, x.received_at, x.received_at
    FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS x(id uuid, plan_id uuid, point_id uuid, team_id uuid,
      framework_id uuid, point_type text, region_code text, grid_id uuid, inspector_id uuid, started_at timestamptz,
      submitted_at timestamptz, client_time timestamptz, gps_lat float8, gps_lng float8, gps_accuracy float8, note text,
      score numeric, earned numeric, applicable numeric, negative_deduction numeric, vetoed boolean, suspended boolean,
      negative_items jsonb, finding_count int, received_at timestamptz)
    ON CONFLICT DO NOTHING RETURNING id, received_at, updated_at`);
  return new Map(
    res.rows.map((r: any) => [
      r.id as string,
      { receivedAt: isoOrNull(r.received_at)!, updatedAt: isoOrNull(r.updated_at)! },
    ]),
  );
}

/** Replace the scored fields of an inspection if its version is still `version`; false when it moved on. */
export async function updateInspectionRow(
  tx: Db,
  tenantId: string,
  version: number,
  r: InspectionRow,
  by: string | null,
) {
  const s = r.score;
  const res = await tx.execute(sql`UPDATE inspection SET started_at = ${r.startedAt}, submitted_at = ${r.submittedAt},
      client_time = ${r.clientTime}, gps_lat = ${r.gps?.lat ?? null}, gps_lng = ${r.gps?.lng ?? null},
      gps_accuracy = ${r.gps?.accuracy ?? null}, note = ${r.note}, score = ${s.score}, earned = ${s.earned},
      applicable = ${s.applicable}, negative_deduction = ${s.negativeDeduction}, vetoed = ${s.vetoed},
      suspended = ${s.suspended}, negative_items = ${JSON.stringify(r.negativeItems)}::jsonb,
      finding_count = ${r.findingCount}, version = version + 1, updated_at = ${r.receivedAt}::timestamptz, updated_by = ${by}
    WHERE tenant_id = ${tenantId} AND id = ${r.id} AND version = ${version} RETURNING version`);
  return res.rows.length > 0;
}

export interface ObservationRow {
  id: string;
  inspection_id: string;
  indicator_id: string;
  position: number;
  result: string;
  note: string | null;
  photo_file_ids: string[];
  finding_category: string | null;
  severity: string | null;
  finding_count: number | null;
  level: string | null;
  awarded: number | null;
  earned: number | null;
  problem_id: string | null;
  /** The inspection's submitted_at (ISO): the month partition of the row. */
  submitted_at: string;
}

/** Observations of any number of inspections in one statement (rows as one jsonb parameter). */
export async function insertObservations(tx: Db, tenantId: string, rows: ObservationRow[]) {
  if (!rows.length) return;
  await claimObservationIds(tx, tenantId, rows);
  await tx.execute(sql`INSERT INTO inspection_observation (tenant_id, id, inspection_id, indicator_id, position, result,
      note, photo_file_ids, finding_category, severity, finding_count, level, awarded, earned, problem_id, submitted_at)
    SELECT ${tenantId}, x.id, x.inspection_id, x.indicator_id, x.position, x.result, x.note,
      COALESCE(x.photo_file_ids, '{}'), x.finding_category, x.severity, x.finding_count, x.level, x.awarded, x.earned,
      x.problem_id, x.submitted_at
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, inspection_id uuid, indicator_id uuid, position int,
      result text, note text, photo_file_ids uuid[], finding_category text, severity text, finding_count int,
      level text, awarded numeric, earned numeric, problem_id uuid, submitted_at timestamptz)`);
}

/**
 * Claim the observation ids for their inspections: an id that another inspection holds (stored, being written by
 * another transaction, or earlier in this batch) is 409 OBSERVATION_ID_TAKEN. An edit claims its own ids again.
 */
async function claimObservationIds(tx: Db, tenantId: string, rows: ObservationRow[]) {
  const owner = new Map<string, string>();
  for (const r of rows) {
    const held = owner.get(r.id);
    if (held && held !== r.inspection_id) throw fail('OBSERVATION_ID_TAKEN');
    owner.set(r.id, r.inspection_id);
  }
  const claimed = await tx.execute(sql`INSERT INTO inspection_observation_key (tenant_id, id, inspection_id)
    SELECT ${tenantId}, x.id, x.inspection_id
    FROM unnest(${sql.param([...owner.keys()])}::uuid[], ${sql.param([...owner.values()])}::uuid[]) AS x(id, inspection_id)
    ON CONFLICT (tenant_id, id) DO UPDATE SET inspection_id = EXCLUDED.inspection_id
      WHERE inspection_observation_key.inspection_id = EXCLUDED.inspection_id
    RETURNING id`);
  if (claimed.rows.length < owner.size) throw fail('OBSERVATION_ID_TAKEN');
}

/** Problems already raised for an inspection's standards (indicator id → problem id), rows locked. */
export async function lockObservationProblems(tx: Db, tenantId: string, inspectionId: string) {
  const res = await tx.execute(sql`SELECT indicator_id, problem_id FROM inspection_observation
    WHERE tenant_id = ${tenantId} AND inspection_id = ${inspectionId} FOR UPDATE`);
  return new Map(
    res.rows.filter((r: any) => r.problem_id).map((r: any) => [r.indicator_id as string, r.problem_id as string]),
  );
}

/** Remove an inspection's observations (an edit writes them again). */
export async function deleteObservations(tx: Db, tenantId: string, inspectionId: string) {
  await tx.execute(
    sql`DELETE FROM inspection_observation WHERE tenant_id = ${tenantId} AND inspection_id = ${inspectionId}`,
  );
}

const listColumns = sql`i.id, i.plan_id, i.point_id, pt.name AS point_name, i.point_type, i.region_code, i.team_id,
  i.inspector_id, a.display_name AS inspector_name, i.started_at, i.submitted_at, i.client_time, i.received_at,
  i.gps_lat, i.gps_lng, i.gps_accuracy, i.note, i.score, i.earned, i.applicable, i.negative_deduction, i.vetoed,
  i.suspended, i.finding_count, i.version, i.updated_at`;
export const inspectionFrom = sql`inspection i
  JOIN inspection_plan p ON p.tenant_id = i.tenant_id AND p.id = i.plan_id
  LEFT JOIN point pt ON pt.tenant_id = i.tenant_id AND pt.id = i.point_id
  LEFT JOIN account a ON a.tenant_id = i.tenant_id AND a.id = i.inspector_id`;
const observationsJson = sql`COALESCE((SELECT json_agg(json_build_object('id', o.id, 'indicatorId', o.indicator_id,
    'indicatorCode', ind.code, 'indicatorName', ind.name, 'result', o.result, 'note', o.note,
    'photoFileIds', to_json(o.photo_file_ids), 'findingCategory', o.finding_category, 'severity', o.severity,
    'findingCount', o.finding_count, 'level', o.level, 'awarded', o.awarded, 'earned', o.earned,
    'points', ind.points, 'scoringRule', ind.scoring_rule, 'problemId', o.problem_id) ORDER BY o.position)
  FROM inspection_observation o LEFT JOIN indicator ind ON ind.tenant_id = o.tenant_id AND ind.id = o.indicator_id
  WHERE o.tenant_id = i.tenant_id AND o.inspection_id = i.id AND o.submitted_at = i.submitted_at), '[]'::json)`;
// The negative-list items hit, with their names and effects (the record explains its deductions).
const negativeDetailsJson = sql`COALESCE((SELECT json_agg(json_build_object('negativeItemId', x->>'negativeItemId',
    'code', n.code, 'name', n.name, 'effect', n.effect, 'deduction', n.deduction))
  FROM jsonb_array_elements(i.negative_items) AS x
  LEFT JOIN negative_item n ON n.tenant_id = i.tenant_id AND n.id::text = x->>'negativeItemId'), '[]'::json)`;
export const inspectionColumns = {
  list: listColumns,
  full: sql`${listColumns}, p.name AS plan_name, i.negative_items, ${negativeDetailsJson} AS negative_details,
    ${observationsJson} AS observations`,
};

interface NegativeDetail {
  negativeItemId: string;
  code: string | null;
  name: string | null;
  effect: InspectionView['negativeItems'][number]['effect'];
  deduction: number | string | null;
}

/** A row of the list columns as the list item. */
export function toListItem(r: any): InspectionListItem {
  return {
    id: r.id,
    planId: r.plan_id,
    pointId: r.point_id,
    pointName: r.point_name,
    pointType: r.point_type,
    regionCode: r.region_code,
    teamId: r.team_id,
    inspectorId: r.inspector_id,
    inspectorName: r.inspector_name,
    startedAt: isoOrNull(r.started_at)!,
    submittedAt: isoOrNull(r.submitted_at)!,
    clientTime: isoOrNull(r.client_time)!,
    receivedAt: isoOrNull(r.received_at)!,
    gps: r.gps_lat === null ? null : { lat: Number(r.gps_lat), lng: Number(r.gps_lng), accuracy: num(r.gps_accuracy) },
    note: r.note,
    score: num(r.score),
    earned: Number(r.earned),
    applicable: Number(r.applicable),
    negativeDeduction: Number(r.negative_deduction),
    vetoed: !!r.vetoed,
    suspended: !!r.suspended,
    findingCount: Number(r.finding_count),
    version: Number(r.version),
    updatedAt: isoOrNull(r.updated_at)!,
  };
}

/** One inspection matching a condition on `i` and `p`, with its observations, or null. */
export async function selectInspection(
  db: Db,
  tenantId: string,
  id: string,
  where: SQL,
): Promise<InspectionView | null> {
  const res = await db.execute(sql`SELECT ${inspectionColumns.full} FROM ${inspectionFrom}
    WHERE i.tenant_id = ${tenantId} AND i.id = ${id} AND ${where}`);
  const r = res.rows[0] as any;
  if (!r) return null;
  const observations = json<any[]>(r.observations).map(
    (o): ObservationView => ({ ...o, awarded: num(o.awarded), earned: num(o.earned), points: num(o.points) }),
  );
  const details = new Map(json<NegativeDetail[]>(r.negative_details).map((d) => [d.negativeItemId, d]));
  const negativeItems = json<InspectionView['negativeItems']>(r.negative_items).map((n) => {
    const d = details.get(n.negativeItemId);
    return {
      ...n,
      code: d?.code ?? null,
      name: d?.name ?? null,
      effect: d?.effect ?? null,
      deduction: num(d?.deduction),
    };
  });
  return { ...toListItem(r), planName: r.plan_name ?? null, negativeItems, observations };
}

/** The receipt of a stored inspection matching a condition on `i` and `p`, or null. */
export async function selectReceipt(
  db: Db,
  tenantId: string,
  id: string,
  where: SQL,
): Promise<InspectionReceipt | null> {
  const res = await db.execute(sql`SELECT i.id, i.plan_id, i.point_id, i.version, i.received_at, i.score, i.earned,
      i.applicable, i.negative_deduction, i.vetoed, i.suspended, i.finding_count,
      COALESCE((SELECT json_agg(json_build_object('observationId', o.id, 'indicatorId', o.indicator_id,
        'problemId', o.problem_id) ORDER BY o.position) FROM inspection_observation o
        WHERE o.tenant_id = i.tenant_id AND o.inspection_id = i.id AND o.submitted_at = i.submitted_at
          AND o.problem_id IS NOT NULL), '[]'::json) AS problems
    FROM inspection i JOIN inspection_plan p ON p.tenant_id = i.tenant_id AND p.id = i.plan_id
    WHERE i.tenant_id = ${tenantId} AND i.id = ${id} AND ${where}`);
  const r = res.rows[0] as any;
  if (!r) return null;
  return {
    ...{
      id: r.id,
      planId: r.plan_id,
      pointId: r.point_id,
      version: Number(r.version),
      receivedAt: isoOrNull(r.received_at)!,
    },
    ...{ score: num(r.score), earned: Number(r.earned), applicable: Number(r.applicable) },
    ...{ negativeDeduction: Number(r.negative_deduction), vetoed: !!r.vetoed, suspended: !!r.suspended },
    ...{ findingCount: Number(r.finding_count), problems: json(r.problems) },
  };
}
