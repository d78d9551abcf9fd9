// An inspection from the phone through the offline queue (SPEC 3.5): photos first, then the inspection that
// names them. The inspection's client UUIDv7 is its id and its Idempotency-Key, so a resend stores it once.
import type { InspectionSubmitBody, InspectionUpdateBody, InspectionView, ObservationResult } from '@wenming/contracts';
import { enqueueWrite } from '../../mobile/offline-queue';
import { uuidv7 } from '../../mobile/uuid';
import { type FieldPhoto, type Gps, queuePhoto } from './offline-photo';

/** What the inspector marked for one standard. */
export interface Mark {
  /** Observation id: kept across edits of the same inspection. */
  id: string;
  result: ObservationResult | null;
  note: string;
  /** Photos taken now (queued on submit). */
  photos: FieldPhoto[];
  /** Photos already on the server (an edit). */
  sentPhotoIds: string[];
  findingCategory?: string | null;
  severity?: 'low' | 'medium' | 'high' | null;
}

export interface Draft {
  startedAt: string;
  gps: Gps | null;
  note: string;
  marks: Record<string, Mark>;
  /** Negative items found (负面清单): item id → note. */
  negatives: Record<string, string>;
}

function observations(marks: Record<string, Mark>) {
  return Object.entries(marks)
    .filter(([, m]) => m.result !== null)
    .map(([indicatorId, m]) => ({
      id: m.id,
      indicatorId,
      result: m.result!,
      note: m.note.trim() || null,
      photoFileIds: [...m.sentPhotoIds, ...m.photos.map((p) => p.id)],
      findingCategory: m.result === 'not_met' ? (m.findingCategory ?? null) : null,
      severity: m.result === 'not_met' ? (m.severity ?? null) : null,
    }));
}

function submission(draft: Draft) {
  const now = new Date().toISOString();
  return {
    startedAt: draft.startedAt,
    submittedAt: now,
    clientTime: now,
    gps: draft.gps ? { lat: draft.gps.lat, lng: draft.gps.lng, accuracy: draft.gps.accuracy ?? null } : null,
    note: draft.note.trim() || null,
    observations: observations(draft.marks),
    negativeItems: Object.entries(draft.negatives).map(([negativeItemId, note]) => ({
      negativeItemId,
      note: note.trim() || null,
      photoFileIds: [],
    })),
  };
}

async function queuePhotos(draft: Draft, target?: string) {
  for (const m of Object.values(draft.marks))
    for (const p of m.photos) {
      rememberPhotoPreview(p.id, p.url);
      await queuePhoto(p, { key: 'sync.photo', target });
    }
}

/** Queues the photos and then `POST /inspections`; returns the inspection's id (also the write's id). */
export async function queueInspection(
  planId: string,
  pointId: string,
  draft: Draft,
  pointName?: string,
): Promise<string> {
  await queuePhotos(draft, pointName);
  const id = uuidv7();
  const body: InspectionSubmitBody = { id, planId, pointId, ...submission(draft) };
  await enqueueWrite({
    method: 'POST',
    url: 'inspections',
    body,
    id,
    label: { key: 'sync.inspection', target: pointName },
  });
  return id;
}

/** Queues the photos and then `PUT /inspections/{id}` with the version the phone saw; returns the write's id. */
export async function queueInspectionEdit(
  inspectionId: string,
  version: number,
  draft: Draft,
  pointName?: string,
): Promise<string> {
  await queuePhotos(draft, pointName);
  const body: InspectionUpdateBody = { ...submission(draft), version };
  const writeId = uuidv7();
  await enqueueWrite({
    method: 'PUT',
    url: `inspections/${inspectionId}`,
    body,
    id: writeId,
    label: { key: 'sync.inspectionEdit', target: pointName },
  });
  return writeId;
}

/** Local previews of photos taken on this phone (object URLs), by file id: shown until the page is reloaded. */
const photoPreviews = new Map<string, string>();

export function rememberPhotoPreview(fileId: string, url: string): void {
  photoPreviews.set(fileId, url);
}

/** The picture of an evidence photo: the local copy while this page lives, else the server's file. */
export function photoSrc(fileId: string): string {
  return photoPreviews.get(fileId) ?? `/api/v1/files/${fileId}`;
}

/** A fresh mark for each standard (nothing chosen yet). */
export function emptyMarks(standardIds: string[]): Record<string, Mark> {
  return Object.fromEntries(
    standardIds.map((id) => [id, { id: uuidv7(), result: null, note: '', photos: [], sentPhotoIds: [] }]),
  );
}

/** The marks of a stored inspection over the fresh ones (an edit). */
export function marksOf(inspection: InspectionView, base: Record<string, Mark>): Record<string, Mark> {
  const marks = { ...base };
  for (const o of inspection.observations)
    marks[o.indicatorId] = {
      id: o.id,
      result: o.result,
      note: o.note ?? '',
      photos: [],
      sentPhotoIds: o.photoFileIds,
      findingCategory: o.findingCategory,
      severity: o.severity,
    };
  return marks;
}

/** The negative items a stored inspection found. */
export const negativesOf = (i: InspectionView) =>
  Object.fromEntries(i.negativeItems.map((n) => [n.negativeItemId, n.note ?? '']));

/** Photos are in the queue now: keep them as sent ids, so an edit names them without queueing them again. */
export function clearNewPhotos(marks: Record<string, Mark>): Record<string, Mark> {
  return Object.fromEntries(
    Object.entries(marks).map(([k, m]) => [
      k,
      { ...m, sentPhotoIds: [...m.sentPhotoIds, ...m.photos.map((p) => p.id)], photos: [] },
    ]),
  );
}
