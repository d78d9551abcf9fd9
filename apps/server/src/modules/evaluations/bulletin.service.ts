// Publishing bulletins (通报): freeze an evaluation's results into a numbered snapshot, correct one by a new bulletin
// that names it, list and read them in scope, and render their documents.
import { shanghaiYear } from '../../platform/clock';
import type {
  BulletinDetailView,
  BulletinListQuery,
  BulletinPublishBody,
  BulletinView,
  Page,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { DOCX_TYPE, formatDocNumber } from '../../platform/documents';
import { invalidFields, fail } from '../../platform/errors';
import { XLSX_TYPE } from '../../platform/excel';
import { newId } from '../../platform/ids';
import { PDF_TYPE } from '../../platform/pdf';
import { bulletinDocx, bulletinPdf, bulletinXlsx } from './bulletin-documents';
import { buildSnapshot, officeShortName } from './bulletin-snapshot';
import {
  bulletinColumns,
  bulletinFrom,
  bulletinScope,
  findBulletin,
  findEvaluationForBulletin,
  nextBulletinSeq,
  peekBulletinSeq,
  toBulletinView,
} from './bulletin.repository';

const notFound = () => fail('BULLETIN_NOT_FOUND');

/** What publishing would use: the done evaluation in the actor's publishing scope and the bulletin it corrects. */
async function prepareBulletin(db: Db, actor: Actor, evaluationId: string, body: BulletinPublishBody) {
  requirePermission(actor, 'evaluation.publish');
  const e = await findEvaluationForBulletin(db, actor, evaluationId);
  if (!e) throw fail('EVALUATION_NOT_FOUND');
  if (e.state !== 'done') throw fail('EVALUATION_NOT_DONE', { state: e.state });
  const replaced = body.replaces ? await findBulletin(db, actor, body.replaces, 'evaluation.publish') : null;
  if (body.replaces && !replaced) throw invalidFields([{ field: 'replaces', key: 'invalid_value' }]);
  if (replaced?.supersededBy) throw fail('BULLETIN_ALREADY_SUPERSEDED', { by: replaced.supersededBy });
  const snapshot = await buildSnapshot(db, actor.tenantId, e);
  const title = body.title ?? `关于${e.period_label}${e.name}结果的${replaced ? '更正' : ''}通报`;
  return { e, replaced, snapshot, title };
}

/** Publish a done evaluation as a new numbered bulletin (201); with `replaces`, it corrects that bulletin. */
export async function publishBulletin(
  db: Db,
  actor: Actor,
  evaluationId: string,
  body: BulletinPublishBody,
): Promise<BulletinDetailView> {
  const { e, replaced, snapshot, title } = await prepareBulletin(db, actor, evaluationId, body);
  const id = newId();
  const now = actor.now;
  const year = shanghaiYear(now);
  await db.transaction(async (tx) => {
    const seq = await nextBulletinSeq(tx, actor.tenantId, year);
    const docNumber = formatDocNumber(officeShortName(e.tenant_name), year, seq);
    await tx.execute(sql`INSERT INTO bulletin (tenant_id, id, evaluation_id, region_code, doc_year, doc_seq, doc_number,
        title, period_label, snapshot, replaces_id, published_by, published_by_name, published_at)
      VALUES (${actor.tenantId}, ${id}, ${e.id}, ${e.region_code}, ${year}, ${seq}, ${docNumber}, ${title},
        ${e.period_label}, ${JSON.stringify(snapshot)}::jsonb, ${replaced?.id ?? null}, ${actor.accountId},
        ${actor.displayName}, ${now.toISOString()})`);
    if (replaced) {
      const upd = await tx.execute(sql`UPDATE bulletin SET superseded_by = ${id}
        WHERE tenant_id = ${actor.tenantId} AND id = ${replaced.id} AND superseded_by IS NULL RETURNING id`);
      if (upd.rows.length === 0) throw fail('BULLETIN_ALREADY_SUPERSEDED');
    }
    await writeAudit(tx, actor, {
      action: 'bulletin.publish',
      objectType: 'bulletin',
      objectId: id,
      after: { evaluationId: e.id, docNumber, title, replaces: replaced?.id ?? null },
    });
  });
  return (await findBulletin(db, actor, id, 'evaluation.publish'))!;
}

/** Bulletins in the actor's scope, newest first. */
export async function listBulletins(db: Db, actor: Actor, q: BulletinListQuery): Promise<Page<BulletinView>> {
  requirePermission(actor, 'evaluation.read');
  const where = sql`b.tenant_id = ${actor.tenantId} AND ${bulletinScope(actor, 'evaluation.read')}
    ${q.evaluationId ? sql`AND b.evaluation_id = ${q.evaluationId}` : sql``}`;
  const [rows, count] = await Promise.all([
    db.execute(sql`SELECT ${bulletinColumns} FROM ${bulletinFrom} WHERE ${where}
      ORDER BY b.published_at DESC, b.doc_seq DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.execute(sql`SELECT count(*)::int AS n FROM bulletin b WHERE ${where}`),
  ]);
  return {
    items: rows.rows.map(toBulletinView),
    total: Number((count.rows[0] as { n: number }).n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One bulletin with its snapshot; 404 outside the actor's scope. */
export async function getBulletin(db: Db, actor: Actor, id: string): Promise<BulletinDetailView> {
  requirePermission(actor, 'evaluation.read');
  const b = await findBulletin(db, actor, id);
  if (!b) throw notFound();
  return b;
}

const renderers = {
  docx: { type: DOCX_TYPE, render: bulletinDocx },
  pdf: { type: PDF_TYPE, render: bulletinPdf },
  xlsx: { type: XLSX_TYPE, render: bulletinXlsx },
};

/**
 * The document publishing would give now, rendered without saving anything: the next number of the year (not
 * reserved; a bulletin published meanwhile takes it), the title, and today's results.
 */
export async function bulletinPreview(
  db: Db,
  actor: Actor,
  evaluationId: string,
  body: BulletinPublishBody,
  format: keyof typeof renderers,
) {
  const { e, replaced, snapshot, title } = await prepareBulletin(db, actor, evaluationId, body);
  const year = shanghaiYear(actor.now);
  const docNumber = formatDocNumber(
    officeShortName(e.tenant_name),
    year,
    await peekBulletinSeq(db, actor.tenantId, year),
  );
  const r = renderers[format];
  const bytes = await r.render({
    docNumber,
    title,
    publishedAt: actor.now,
    replacesDocNumber: replaced?.docNumber ?? null,
    snapshot,
  });
  return { name: `${docNumber}${title}.${format}`, contentType: r.type, bytes };
}

/** A bulletin's document (.docx, .pdf or .xlsx), rendered from its frozen snapshot. */
export async function bulletinFile(db: Db, actor: Actor, id: string, format: keyof typeof renderers) {
  const b = await getBulletin(db, actor, id);
  const r = renderers[format];
  const bytes = await r.render({
    docNumber: b.docNumber,
    title: b.title,
    publishedAt: b.publishedAt,
    replacesDocNumber: b.replaces?.docNumber ?? null,
    snapshot: b.snapshot,
  });
  return { name: `${b.docNumber}${b.title}.${format}`, contentType: r.type, bytes };
}
