import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import * as s from '../db/schema';
import type { Actor } from './access';
import { can } from './access';
import type { Db } from './db';
import { AppError } from './errors';
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

export interface FileStore {
  /** Store bytes by SHA-256 and record the upload; an id seen before returns the stored file. */
  save(db: Db, actor: Actor, bytes: Buffer, meta: FileMeta, allowed?: string[]): Promise<StoredFile>;
  /** Metadata of a file the actor may read, or 404. */
  get(db: Db, actor: Actor, id: string): Promise<StoredFile>;
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
  return {
    pathOf,
    read: (sha) => fs.readFileSync(pathOf(sha)),
    async save(db, actor, bytes, meta, allowed) {
      if (bytes.length > maxBytes) throw new AppError('FILE_TOO_LARGE', 413, { maxBytes });
      const contentType = sniffContentType(bytes);
      if (!contentType || (allowed && !allowed.some((a) => contentType.startsWith(a))))
        throw new AppError('FILE_TYPE_NOT_ALLOWED', 415, { allowed });
      const id = meta.id ?? newId();
      const existing = await find(db, actor.tenantId, id);
      if (existing) return existing;
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
      return (await find(db, actor.tenantId, id))!;
    },
    async get(db, actor, id) {
      const f = await find(db, actor.tenantId, id);
      if (!f || (f.uploadedBy !== actor.accountId && !can(actor, 'file.read')))
        throw new AppError('FILE_NOT_FOUND', 404);
      return f;
    },
  };
}
