// Checks of a submission against the point's checklist and the stored evidence, before anything is written.
import type { InspectionSubmitBody, ObservationBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can } from '../../platform/access';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import type { Checklist } from './checklist.service';

type Submission = Pick<InspectionSubmitBody, 'observations' | 'negativeItems'>;
type FieldProblem = { field: string; key: string };

function checkObservation(list: Checklist, o: ObservationBody, i: number): FieldProblem[] {
  const at = (field: string, key: string) => ({ field: `observations.${i}.${field}`, key });
  const s = list.byId.get(o.indicatorId);
  if (!s) return [at('indicatorId', 'not_in_checklist')];
  const out: FieldProblem[] = [];
  if (o.result === 'not_met' && o.photoFileIds.length === 0) out.push(at('photoFileIds', 'photo_required'));
  const rule = s.scoringRule;
  if (o.level && (rule.kind !== 'graded' || !rule.levels.some((l) => l.label === o.level)))
    out.push(at('level', 'unknown_level'));
  if (o.awarded !== null && o.awarded !== undefined && o.awarded > s.points)
    out.push(at('awarded', 'score_above_points'));
  return out;
}

/**
 * 400 naming every observation that is not a standard of this checklist, a finding without a photo, a level
 * the standard lacks, points above the standard's, or a negative item not on the framework's list; then
 * 422 INSPECTION_INCOMPLETE (details.missing: indicator ids) when a standard of the checklist has no result.
 */
export function checkSubmission(list: Checklist, body: Submission): void {
  const problems = body.observations.flatMap((o, i) => checkObservation(list, o, i));
  body.negativeItems.forEach((n, i) => {
    if (!list.negativeById.has(n.negativeItemId))
      problems.push({ field: `negativeItems.${i}.negativeItemId`, key: 'unknown_negative_item' });
  });
  if (problems.length) throw invalidFields(problems);
  const seen = new Set(body.observations.map((o) => o.indicatorId));
  const missing = list.standards.filter((s) => !seen.has(s.id)).map((s) => s.id);
  if (missing.length) throw fail('INSPECTION_INCOMPLETE', { missing });
}

/** Photos must have arrived (POST /files, sent before the inspection) and be the actor's own or readable. */
async function checkPhotos(db: Db, actor: Actor, body: Submission): Promise<FieldProblem[]> {
  const refs = [
    ...body.observations.flatMap((o, i) =>
      o.photoFileIds.map((id) => ({ id, field: `observations.${i}.photoFileIds` })),
    ),
    ...body.negativeItems.flatMap((n, i) =>
      n.photoFileIds.map((id) => ({ id, field: `negativeItems.${i}.photoFileIds` })),
    ),
  ];
  if (!refs.length) return [];
  const ids = [...new Set(refs.map((r) => r.id))];
  const mine = can(actor, 'file.read') ? sql`true` : sql`uploaded_by = ${actor.accountId}`;
  const res = await db.execute(sql`SELECT id FROM file WHERE tenant_id = ${actor.tenantId}
    AND id = ANY(${sql.param(ids)}::uuid[]) AND ${mine}`);
  if (res.rows.length === ids.length) return [];
  const found = new Set(res.rows.map((r: any) => r.id as string));
  const fields = new Set(refs.filter((r) => !found.has(r.id)).map((r) => r.field));
  return [...fields].map((field) => ({ field, key: 'unknown_file' }));
}

/** Problem categories named by findings must exist (they become problems of that category). */
async function checkCategories(db: Db, tenantId: string, body: Submission): Promise<FieldProblem[]> {
  const named = body.observations
    .map((o, i) => ({ code: o.result === 'not_met' ? o.findingCategory : null, i }))
    .filter((x): x is { code: string; i: number } => !!x.code);
  if (!named.length) return [];
  const res = await db.execute(sql`SELECT code FROM problem_category WHERE tenant_id = ${tenantId}
    AND is_active = 1 AND code = ANY(${sql.param([...new Set(named.map((x) => x.code))])}::text[])`);
  const known = new Set(res.rows.map((r: any) => r.code as string));
  return named
    .filter((x) => !known.has(x.code))
    .map((x) => ({ field: `observations.${x.i}.findingCategory`, key: 'invalid_value' }));
}

/** The distinct photo ids a submission refers to. */
export function photoIdsOf(body: Submission): string[] {
  const ids = new Set<string>();
  for (const o of body.observations) for (const id of o.photoFileIds) ids.add(id);
  for (const n of body.negativeItems) for (const id of n.photoFileIds) ids.add(id);
  return [...ids];
}

/**
 * 400 naming photos that have not arrived (or are not the actor's) and unknown problem categories.
 * `usablePhotos`, when the caller counted them already, spares the photo query when all are there.
 */
export async function checkEvidence(db: Db, actor: Actor, body: Submission, usablePhotos?: number): Promise<void> {
  const photosDone = usablePhotos !== undefined && usablePhotos === photoIdsOf(body).length;
  const [photos, categories] = await Promise.all([
    photosDone ? [] : checkPhotos(db, actor, body),
    checkCategories(db, actor.tenantId, body),
  ]);
  const problems = [...photos, ...categories];
  if (problems.length) throw invalidFields(problems);
}
