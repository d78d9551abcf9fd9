// A liaison's progress report from the phone, sent through the offline queue (SPEC 3.5). Photos go first, each as
// its own queued POST /files whose multipart body carries the client's `id` (a resend stores the photo once);
// the ledger entry follows, naming those ids. The queue sends in order and stops at the first network failure,
// so the entry never reaches the server before its photos.
import { enqueueWrite, flushQueue, listFailed, listQueued } from '../../mobile/offline-queue';
import { uuidv7 } from '../../mobile/uuid';

/** A multipart/form-data body as one Blob (IndexedDB keeps Blobs, not FormData), fields before the file. */
export function multipartBlob(
  fields: [name: string, value: string][],
  file: { blob: Blob; name: string; type: string },
  boundary = `----wenming${uuidv7().replace(/-/g, '')}`,
): { body: Blob; contentType: string } {
  const head = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const fileHead =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
    `Content-Type: ${file.type || 'application/octet-stream'}\r\n\r\n`;
  return {
    body: new Blob([head, fileHead, file.blob, `\r\n--${boundary}--\r\n`]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** An ASCII file name for a photo (header parameters stay plain), keeping its extension. */
function photoName(file: File, index: number): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(file.name)?.[1]?.toLowerCase() ?? (file.type.split('/')[1] || 'jpg');
  return `photo-${index + 1}.${ext}`;
}

/** Queues the photos and then the ledger entry; returns the entry's client id. */
export async function queueReport(taskId: string, text: string, photos: File[]): Promise<string> {
  const fileIds: string[] = [];
  for (const [i, photo] of photos.entries()) {
    const id = uuidv7();
    const { body, contentType } = multipartBlob(
      [
        ['id', id],
        ['clientTime', new Date().toISOString()],
      ],
      { blob: photo, name: photoName(photo, i), type: photo.type },
    );
    await enqueueWrite({ method: 'POST', url: 'files', body, headers: { 'Content-Type': contentType }, id });
    fileIds.push(id);
  }
  const entryId = uuidv7();
  await enqueueWrite({
    method: 'POST',
    url: `tasks/${taskId}/ledger`,
    body: { id: entryId, text, fileIds },
    id: entryId,
  });
  return entryId;
}

export type ReportOutcome = { kind: 'sent' } | { kind: 'queued' } | { kind: 'refused'; message: string };

/** Tries to send now (when the browser is online) and says where the entry ended up. */
export async function sendQueuedReport(entryId: string): Promise<ReportOutcome> {
  const isWaiting = async () => (await listQueued()).some((w) => w.id === entryId);
  // flushQueue() joins a run already under way, which may have found the queue empty just before these writes
  // were added: when the entry is still waiting after that run, start one more.
  for (let run = 0; run < 2 && globalThis.navigator?.onLine !== false; run++) {
    const result = await flushQueue().catch(() => null);
    if (!(await isWaiting()) || result?.stoppedBy) break;
  }
  const failed = (await listFailed()).find((w) => w.id === entryId);
  if (failed) return { kind: 'refused', message: failed.error.message };
  return (await isWaiting()) ? { kind: 'queued' } : { kind: 'sent' };
}
