// The one place activities hand confirmed hours to the time bank (SPEC 4.9): inside the confirming transaction.
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { depositConfirmedHours } from '../timebank';

/** Deposit a volunteer's confirmed hours for one activity; idempotent per (activity, volunteer). */
export async function depositActivityHours(
  tx: Db,
  actor: Actor,
  activityId: string,
  volunteerId: string,
  hours: number,
) {
  if (!(hours > 0)) return;
  await depositConfirmedHours(tx, actor, {
    volunteerId,
    hours,
    sourceKind: 'activity_signup',
    sourceId: `${activityId}:${volunteerId}`,
    memo: '志愿服务时长',
  });
}
