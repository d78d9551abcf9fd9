import fs from 'node:fs';
import path from 'node:path';
import { type SQL, and, eq, sql } from 'drizzle-orm';
import * as s from '../db/schema';
import type { Actor } from './access';
import { can } from './access';
import type { Db } from './db';
import { fail } from './errors';
import { newId, sha256Hex } from './ids';

/** Content types recognised by their first bytes; nothing else is accepted. */
export function sniffContentType(buf: Buffer): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => buf[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (buf.subarray(0, 6).toString('latin1') === 'GIF87a' || buf.subarray(0, 6).toString('latin1') === 'GIF89a')
    return 'image/gif';
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const head = buf.subarray(0, Math.min(buf.length, 4096)).toString('latin1');
    if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (head.includes('[Content_Types].xml')) return 'application/vnd.openxmlformats-officedocument';
    return 'application/zip';
  }
  if (buf.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  return null;
}

export interface FileMeta {
  id?: string;
  name: string;
  purpose?: string;
  clientTime?: Date | null;
  gpsLat?: string | null;
  gpsLng?: string | null;
  device?: string | null;
}

export interface StoredFile {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  name: string;
  purpose: string;
  uploadedBy: string | null;
  clientTime: Date | null;
  gpsLat: string | null;
  gpsLng: string | null;
  device: string | null;
  receivedAt: Date;
}

/**
 * A kind of object files are attached to (a problem's photos, an order's photos): the module that owns it says
 * when a file is attached to one and when to one the actor may see. `fileId` is a uuid parameter.
 */
export interface FileAttachment {
  name: string;
  /** True when the file is attached to an object of this kind (in the actor's tenant). */
  attached(tenantId: string, fileId: SQL): SQL;
  /** True when the file is attached to an object of this kind that the actor may see. */
  visible(actor: Actor, fileId: SQL): SQL;
}

export interface FileStore {
  /**
   * Store bytes by SHA-256 and record the upload; the uploader's resend with an id seen before returns the stored
   * file, and an id that names someone else's file answers 409 FILE_ID_TAKEN (nothing of that file is shown).
   */
  save(db: Db, actor: Actor, bytes: Buffer, meta: FileMeta, allowed?: string[]): Promise<StoredFile>;
  /**
   * Metadata of a file the actor may read, or 404: the uploader always; others with file.read, and when the file
   * is attached to objects (problems, orders), only if one of them is in the actor's scope.
   */
  get(db: Db, actor: Actor, id: string): Promise<StoredFile>;
  /** Modules register the kinds of objects files are attached to (at build time). */
  registerAttachment(kind: FileAttachment): void;
  read(sha256: string): Buffer;
  pathOf(sha256: string): string;
}

export function createFileStore(root: string, maxBytes: number): FileStore {
  const pathOf = (sha: string) => path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  const find = async (db: Db, tenantId: string, id: string) => {
    const rows = await db
      .select({ f: s.file, o: s.fileObject })
      .from(s.file)
      .innerJoin(s.fileObject, and(eq(s.fileObject.tenantId, s.file.tenantId), eq(s.fileObject.sha256, s.file.sha256)))
      .where(and(eq(s.file.tenantId, tenantId), eq(s.file.id, id)));
    const r = rows[0];
    return r ? ({ ...r.f, size: r.o.size, contentType: r.o.contentType } as StoredFile) : null;
  };
  const attachments: FileAttachment[] = [];
  /** True unless the file is attached to objects none of which the actor may see. */
  const inScope = async (db: Db, actor: Actor, id: string) => {
    if (!attachments.length) return true;
    const fileId = sql`${id}::uuid`;
    const attached = sql.join(
      attachments.map((k) => k.attached(actor.tenantId, fileId)),
      sql` OR `,
    );
    const visible = sql.join(
      attachments.map((k) => k.visible(actor, fileId)),
      sql` OR `,
    );
    const res = await db.execute(sql`SELECT (${attached}) AS attached, (${visible}) AS visible`);
    const r = res.rows[0] as { attached: boolean; visible: boolean };
    return !r.attached || r.visible;
  };
  return {
    pathOf,
    registerAttachment(kind) {
      if (!attachments.some((k) => k.name === kind.name)) attachments.push(kind);
    },
    read: (sha) => fs.readFileSync(pathOf(sha)),
    async save(db, actor, bytes, meta, allowed) {
      if (bytes.length > maxBytes) throw fail('FILE_TOO_LARGE', { maxBytes });
      const contentType = sniffContentType(bytes);
      if (!contentType || (allowed && !allowed.some((a) => contentType.startsWith(a))))
        throw fail('FILE_TYPE_NOT_ALLOWED', { allowed });
      const id = meta.id ?? newId();
      const existing = await find(db, actor.tenantId, id);
      if (existing) {
        // An offline resend of the uploader's own file; someone else's id shows nothing of that file.
        if (existing.uploadedBy === actor.accountId) return existing;
        throw fail('FILE_ID_TAKEN', { fieldKeys: [{ field: 'id', key: 'taken' }] });
      }
      const sha = sha256Hex(bytes);
      const target = pathOf(sha);
      if (!fs.existsSync(target)) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
        fs.writeFileSync(tmp, bytes, { mode: 0o440 });
        fs.renameSync(tmp, target);
      }
      await db
        .insert(s.fileObject)
        .values({ tenantId: actor.tenantId, sha256: sha, size: bytes.length, contentType })
        .onConflictDoNothing();
      await db
        .insert(s.file)
        .values({
          tenantId: actor.tenantId,
          id,
          sha256: sha,
          name: meta.name.slice(0, 255),
          purpose: meta.purpose ?? 'general',
          uploadedBy: actor.accountId,
          clientTime: meta.clientTime ?? null,
          gpsLat: meta.gpsLat ?? null,
          gpsLng: meta.gpsLng ?? null,
          device: meta.device?.slice(0, 255) ?? null,
        })
        .onConflictDoNothing();
      const stored = (await find(db, actor.tenantId, id))!;
      // Two uploads raced for one id: only the one whose row was written sees it.
      if (stored.uploadedBy !== actor.accountId)
        throw fail('FILE_ID_TAKEN', { fieldKeys: [{ field: 'id', key: 'taken' }] });
      return stored;
    },
    async get(db, actor, id) {
      const f = await find(db, actor.tenantId, id);
      if (!f) throw fail('FILE_NOT_FOUND');
      if (f.uploadedBy !== null && f.uploadedBy === actor.accountId) return f;
      if (!can(actor, 'file.read') || !(await inScope(db, actor, id))) throw fail('FILE_NOT_FOUND');
      return f;
    },
  };
}
