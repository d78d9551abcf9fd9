// Problem writes from the phone through the offline queue: the rectification (photo, then start if needed, then
// submit) and a grid worker's report (photos, then the problem with its client id).
import type { ProblemAction, ProblemCreateBody } from '@wenming/contracts';
import { enqueueWrite } from '../../mobile/offline-queue';
import { uuidv7 } from '../../mobile/uuid';
import { type FieldPhoto, queuePhoto } from '../inspections/offline-photo';

/**
 * Queues 整改: the after-photos, `start` when the problem still waits for it, then `submit` naming the photos.
 * Returns the id of the last write (the submit).
 */
export async function queueRectification(
  problemId: string,
  allowed: readonly ProblemAction[],
  note: string,
  photos: FieldPhoto[],
): Promise<string> {
  for (const p of photos) await queuePhoto(p);
  const url = `problems/${problemId}/transitions`;
  if (!allowed.includes('submit') && allowed.includes('start'))
    await enqueueWrite({ method: 'POST', url, body: { action: 'start' }, id: uuidv7() });
  const id = uuidv7();
  await enqueueWrite({
    method: 'POST',
    url,
    body: { action: 'submit', reason: note.trim() || null, photoFileIds: photos.map((p) => p.id) },
    id,
  });
  return id;
}

/** Queues a grid worker's report: photos first, then `POST /problems` with the client's id. */
export async function queueProblemReport(
  body: Omit<ProblemCreateBody, 'id' | 'beforePhotoFileIds'>,
  photos: FieldPhoto[],
): Promise<string> {
  for (const p of photos) await queuePhoto(p);
  const id = uuidv7();
  await enqueueWrite({
    method: 'POST',
    url: 'problems',
    body: { ...body, id, beforePhotoFileIds: photos.map((p) => p.id) },
    id,
  });
  return id;
}
