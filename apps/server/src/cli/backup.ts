// `wenming backup --to FILE` and `wenming restore --from FILE`. One tar file holds a manifest, the database
// (PostgreSQL: a pg_dump custom-format archive; PGlite: its data directory, copied while no process has it open)
// and the file store (content-addressed and write-once, so copying it after the dump leaves no row without its
// bytes). The personal-data key is never in a backup: the manifest keeps its fingerprint, and a restore refuses
// to run with another key, which could not read the ID numbers and phones the backup holds.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config';
import { migrationsFolder } from '../platform/db';
import { pgliteLockHolder } from '../platform/pglite-lock';

export const BACKUP_FORMAT = 'wenming-backup';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  engine: 'pglite' | 'postgres';
  createdAt: string;
  /** Migrations of the code that made it: a restore by older code refuses, newer code migrates after it. */
  migrations: number;
  /** HMAC of the personal-data key (not the key): the restore checks that the same key is configured. */
  keyFingerprint: string | null;
  files: number;
}

export class BackupError extends Error {}

/** Find a program on PATH (pg_dump, pg_restore, tar) or fail naming it and the Debian package that has it. */
export function findTool(name: string, pathEnv = process.env.PATH ?? ''): string {
  for (const dir of pathEnv.split(path.delimiter)) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  const pkg = name === 'tar' ? 'tar' : 'postgresql-client';
  throw new BackupError(`${name} not found on PATH: install it (Debian: apt-get install ${pkg}) or add its directory`);
}

function run(tool: string, args: string[], what: string) {
  const r = spawnSync(findTool(tool), args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new BackupError(`${what} failed (${tool} exit ${r.status}): ${(r.stderr || '').trim()}`);
}

function journalLength(): number {
  return JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')).entries.length;
}

/** The configured personal-data key's fingerprint, without creating a key where none exists. */
export function keyFingerprint(config: Readonly<Config>): string | null {
  let key: Buffer | null = null;
  if (config.piiKey) key = Buffer.from(config.piiKey, 'base64');
  else {
    const file = path.join(config.dataDir, 'keys', 'pii.key');
    if (fs.existsSync(file)) key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }
  return key ? crypto.createHmac('sha256', key).update('wenming:key-fingerprint').digest('hex').slice(0, 16) : null;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

function refuseIfPgliteOpen(dbDir: string, doing: string) {
  const pid = pgliteLockHolder(dbDir);
  if (pid)
    throw new BackupError(
      `the embedded database ${dbDir} is open in process ${pid} (wenming start?): stop it before the ${doing}. ` +
        'PGlite serves one process, so its files are only consistent while none has them open; ' +
        'for backups of a running system use PostgreSQL (DATABASE_URL).',
    );
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-backup-'));
}

/** Write the backup file; the database is dumped before the file store is copied. */
export async function backupTo(config: Readonly<Config>, file: string): Promise<BackupManifest> {
  const target = path.resolve(file);
  const engine = config.databaseUrl ? 'postgres' : 'pglite';
  const dbDir = path.join(config.dataDir, 'db');
  const filesDir = path.join(config.dataDir, 'files');
  const work = tmpDir();
  try {
    const parts = ['manifest.json'];
    if (engine === 'postgres') {
      run(
        'pg_dump',
        [
          '--format=custom',
          '--no-owner',
          `--file=${path.join(work, 'database.pgdump')}`,
          `--dbname=${config.databaseUrl}`,
        ],
        'pg_dump',
      );
      parts.push('database.pgdump');
    } else {
      if (!fs.existsSync(dbDir)) throw new BackupError(`no embedded database at ${dbDir}`);
      refuseIfPgliteOpen(dbDir, 'backup');
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      engine,
      createdAt: new Date().toISOString(),
      migrations: journalLength(),
      keyFingerprint: keyFingerprint(config),
      files: countFiles(filesDir),
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const fromData = [engine === 'pglite' ? 'db' : null, fs.existsSync(filesDir) ? 'files' : null].filter(
      (x): x is string => x !== null,
    );
    const tmpTarget = `${target}.partial`;
    run(
      'tar',
      ['-cf', tmpTarget, '-C', work, ...parts, ...(fromData.length ? ['-C', config.dataDir, ...fromData] : [])],
      'tar',
    );
    fs.renameSync(tmpTarget, target);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function readManifest(file: string, work: string): BackupManifest {
  run('tar', ['-xf', file, '-C', work, 'manifest.json'], 'reading the manifest');
  const m = JSON.parse(fs.readFileSync(path.join(work, 'manifest.json'), 'utf8')) as BackupManifest;
  if (m.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Wenming backup`);
  return m;
}

function checkCompatible(config: Readonly<Config>, m: BackupManifest) {
  const engine = config.databaseUrl ? 'postgres' : 'pglite';
  if (m.engine !== engine)
    throw new BackupError(`the backup is of ${m.engine}, but this configuration uses ${engine} (DATABASE_URL)`);
  if (m.migrations > journalLength())
    throw new BackupError(`the backup was made by a newer Wenming (${m.migrations} migrations): upgrade first`);
  const key = keyFingerprint(config);
  if (m.keyFingerprint && key !== m.keyFingerprint)
    throw new BackupError(
      `the personal-data key configured here (${key ?? 'none'}) is not the backup's (${m.keyFingerprint}): ` +
        'set WENMING_PII_KEY (or put keys/pii.key back) to the key the backup was made with',
    );
}

async function tableCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle')`);
    return r.rows[0].n;
  } finally {
    await c.end();
  }
}

/** Restore a backup into an empty database (or over an existing one with `force`), then its files. */
export async function restoreFrom(
  config: Readonly<Config>,
  file: string,
  opts: { force?: boolean } = {},
): Promise<BackupManifest> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`${source} does not exist`);
  const work = tmpDir();
  try {
    const m = readManifest(source, work);
    checkCompatible(config, m);
    if (m.engine === 'postgres') await restorePostgres(config.databaseUrl!, source, work, opts.force ?? false);
    else restorePglite(config.dataDir, source, opts.force ?? false);
    fs.mkdirSync(config.dataDir, { recursive: true });
    // Files are write-once by content hash: one already there is the same bytes.
    if (m.files > 0) run('tar', ['-xf', source, '-C', config.dataDir, '--skip-old-files', 'files'], 'restoring files');
    return m;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function restorePostgres(url: string, source: string, work: string, force: boolean) {
  findTool('pg_restore');
  if (!force && (await tableCount(url)) > 0)
    throw new BackupError(
      'the database is not empty: restore into a new database, or pass --force to replace its tables',
    );
  run('tar', ['-xf', source, '-C', work, 'database.pgdump'], 'unpacking the dump');
  const clean = force ? ['--clean', '--if-exists'] : [];
  run(
    'pg_restore',
    [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      ...clean,
      `--dbname=${url}`,
      path.join(work, 'database.pgdump'),
    ],
    'pg_restore',
  );
}

function restorePglite(dataDir: string, source: string, force: boolean) {
  const dbDir = path.join(dataDir, 'db');
  refuseIfPgliteOpen(dbDir, 'restore');
  if (fs.existsSync(dbDir) && fs.readdirSync(dbDir).length > 0) {
    if (!force)
      throw new BackupError(
        `${dbDir} is not empty: move it away, or pass --force (it is kept beside as db.replaced-*)`,
      );
    fs.renameSync(dbDir, `${dbDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  run('tar', ['-xf', source, '-C', dataDir, 'db'], 'restoring the embedded database');
}
