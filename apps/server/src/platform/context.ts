import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Clock } from './clock';
import type { PiiCipher } from './crypto';
import type { Database, Db } from './db';
import type { FileStore } from './files';
import type { JobQueue } from './jobs';
import type { AppMetrics } from './metrics';
import type { ReplicaRouter } from './replica';

/** Everything a service needs from the platform, built once per process. */
export interface AppContext {
  config: Readonly<Config>;
  /** The one clock: every "now" and "today" of the server comes from here. */
  clock: Clock;
  database: Database;
  db: Db;
  cipher: PiiCipher;
  files: FileStore;
  jobs: JobQueue;
  log: FastifyBaseLogger;
  /** The read replica, when DATABASE_REPLICA_URL is set; routes reach it through `req.db` (platform/replica.ts). */
  replica: ReplicaRouter | null;
  metrics: AppMetrics;
}
