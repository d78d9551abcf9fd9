// What every part of the demo seed receives. The whole demo tenant is seeded in one transaction (`db` is that
// transaction), on the clock's day: nothing in a demo seed reads the real time, so the demo is complete on any date.
import type { Clock } from '../platform/clock';
import type { AppContext } from '../platform/context';
import type { PiiCipher } from '../platform/crypto';
import type { Db } from '../platform/db';
import type { FileStore } from '../platform/files';
import type { JobQueue } from '../platform/jobs';

export interface DemoContext {
  /** The seed's transaction. */
  db: Db;
  tenantId: string;
  /** The day the demo is seeded on; every date of the demo is relative to clock.now(). */
  clock: Clock;
  cipher: PiiCipher;
  /** Where generated photos and documents go (content-addressed). */
  files: FileStore;
  jobs: JobQueue;
}

/**
 * The app context the module services expect, over the seed's transaction: services called by the seed write
 * where the seed writes. It has no configuration or connection pool: a service that needs them is not for seeding.
 */
export function demoServiceContext(d: DemoContext): AppContext {
  const silent = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
  return {
    db: d.db,
    clock: d.clock,
    cipher: d.cipher,
    files: d.files,
    jobs: d.jobs,
    log: silent,
  } as unknown as AppContext;
}
