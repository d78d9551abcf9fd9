// Findings (standards not met) become problems on the problem list, inside the inspection's transaction.
import type { FindingSeverity, ObservationBody } from '@wenming/contracts';
import type { Actor } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { createProblemInTx } from '../problems';
import type { Checklist } from './checklist.service';

/** The category of a finding whose inspector named none. */
export const DEFAULT_FINDING_CATEGORY = 'other';

export interface FindingPlace {
  inspectionId: string;
  pointId: string;
  gridId: string | null;
  regionCode: string;
}

/** The problem text: the standard, then the inspector's note. */
function describe(list: Checklist, o: ObservationBody): string {
  const s = list.byId.get(o.indicatorId);
  const head = s ? `【${s.code} ${s.name}】` : '';
  return `${head}${o.note?.trim() || '测评未达标'}`.slice(0, 2000);
}

/**
 * One problem per finding: every `not_met` observation without a problem yet (`raised` maps indicator ids
 * to problems raised before, for edits) gets one. Answers observation id → problem id for the new ones.
 */
export async function raiseFindings(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  place: FindingPlace,
  list: Checklist,
  observations: ObservationBody[],
  raised: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  for (const o of observations) {
    if (o.result !== 'not_met' || raised.has(o.indicatorId)) continue;
    const problem = await createProblemInTx(tx, ctx, actor, {
      source: 'inspection',
      category: o.findingCategory ?? DEFAULT_FINDING_CATEGORY,
      severity: (o.severity ?? undefined) as FindingSeverity | undefined,
      description: describe(list, o),
      pointId: place.pointId,
      gridId: place.gridId,
      regionCode: place.regionCode,
      inspectionId: place.inspectionId,
      observationId: o.id,
      indicatorId: o.indicatorId,
      beforePhotoFileIds: o.photoFileIds,
    });
    created.set(o.id, problem.id);
  }
  return created;
}
