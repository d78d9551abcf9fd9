// Objections during 公示: anyone who may vote raises one against a candidate in 公示, within the publicity window;
// the office answers it, and an objection upheld takes the candidate out of 公示.
import type { ObjectionAnswerBody, ObjectionBody, ObjectionView } from '@wenming/contracts';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import { shanghaiDate } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { loadCampaign, loadManagedCampaign } from './campaign.service';
import { loadCandidate } from './nomination.service';
import { assertOwnFiles } from './selection.policy';
import { setCandidateState } from './selection.repository';
import { answerObjection, findObjection, insertObjection, listObjections } from './vote.repository';

export async function submitObjection(db: Db, actor: Actor, candidateId: string, body: ObjectionBody) {
  requirePermission(actor, 'selection.vote');
  const cand = await loadCandidate(db, actor, candidateId);
  const c = await loadCampaign(db, actor, cand.campaign_id);
  const today = shanghaiDate(actor.now);
  if (c.stage !== 'publicizing' || today < c.publicity_start || today > c.publicity_end)
    throw fail('SELECTION_PUBLICITY_CLOSED');
  if (cand.state !== 'publicized') throw fail('SELECTION_CANDIDATE_TRANSITION_NOT_ALLOWED', { state: cand.state });
  await assertOwnFiles(db, actor, body.fileIds, 'fileIds');
  const id = newId();
  await db.transaction(async (tx) => {
    await insertObjection(
      tx,
      actor.tenantId,
      { id, campaignId: c.id, candidateId: cand.id, by: actor.accountId, content: body.content, fileIds: body.fileIds },
      actor.now,
    );
    await writeAudit(tx, actor, {
      action: 'selection_objection.submit',
      objectType: 'selection_objection',
      objectId: id,
      after: { candidateId: cand.id, campaignId: c.id, content: body.content, fileIds: body.fileIds },
    });
  });
  return (await findObjection(db, actor.tenantId, id)) as ObjectionView;
}

export async function listCampaignObjections(db: Db, actor: Actor, campaignId: string) {
  const c = await loadManagedCampaign(db, actor, campaignId);
  return listObjections(db, actor.tenantId, c.id);
}

/** The office's answer; an objection upheld disqualifies the candidate (who leaves 公示). */
export async function answer(db: Db, actor: Actor, id: string, body: ObjectionAnswerBody) {
  requirePermission(actor, 'selection.manage');
  const o = await findObjection(db, actor.tenantId, id);
  if (!o) throw fail('SELECTION_OBJECTION_NOT_FOUND');
  const c = await loadManagedCampaign(db, actor, o.campaignId).catch(() => {
    throw fail('SELECTION_OBJECTION_NOT_FOUND');
  });
  if (o.status !== 'open') throw fail('SELECTION_OBJECTION_ANSWERED');
  await db.transaction(async (tx) => {
    if (!(await answerObjection(tx, actor.tenantId, id, { ...body, by: actor.accountId }, actor.now)))
      throw fail('SELECTION_OBJECTION_ANSWERED');
    const disqualified =
      body.upheld &&
      c.stage === 'publicizing' &&
      (await setCandidateState(
        tx,
        actor.tenantId,
        o.candidateId,
        { from: 'publicized', to: 'disqualified' },
        actor.now,
      ));
    await writeAudit(tx, actor, {
      action: 'selection_objection.answer',
      objectType: 'selection_objection',
      objectId: id,
      before: { status: 'open' },
      after: { ...body, candidateId: o.candidateId, disqualified },
    });
  });
  return (await findObjection(db, actor.tenantId, id)) as ObjectionView;
}
