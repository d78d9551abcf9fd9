import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { PiiCipher } from './crypto';
import type { Database, Db } from './db';
import type { FileStore } from './files';
import type { JobQueue } from './jobs';

/** Everything a service needs from the platform, built once per process. */
export interface AppContext {
  config: Readonly<Config>;
  database: Database;
  db: Db;
  cipher: PiiCipher;
  files: FileStore;
  jobs: JobQueue;
  log: FastifyBaseLogger;
}
