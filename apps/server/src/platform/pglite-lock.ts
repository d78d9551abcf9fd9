// PGlite serves one process: two processes on one data directory corrupt it, and a copy taken while one has it
// open may be torn. The process that opens it writes its pid beside it; the others (a second `wenming start`,
// `migrate`, `backup`, `restore`) refuse while that process lives. A lock left by a process that died is taken over.
import fs from 'node:fs';

const lockFile = (dbDir: string) => `${dbDir}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of another living process that has the data directory open, or null. */
export function pgliteLockHolder(dbDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(dbDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Take the data directory for this process, or throw naming the process that has it. */
export function acquirePgliteLock(dbDir: string): () => void {
  const holder = pgliteLockHolder(dbDir);
  if (holder)
    throw new Error(`the embedded database ${dbDir} is open in process ${holder}: PGlite serves one process at a time`);
  fs.writeFileSync(lockFile(dbDir), String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile(dbDir), 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile(dbDir));
    } catch {
      // already gone
    }
  };
}
