import path from 'node:path';
import net from 'node:net';
import { z } from 'zod';

/**
 * WENMING_TRUST_PROXY: a hop count (`1`) or a comma list of proxy addresses and CIDRs. Empty: trust no proxy.
 * Returns null when the value is neither.
 */
export function parseTrustProxy(v: string): false | number | string[] | null {
  const t = v.trim();
  if (!t) return false;
  if (/^\d+$/.test(t)) return Number(t) >= 1 && Number(t) <= 32 ? Number(t) : null;
  const list = t
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const valid = (x: string) => {
    const [addr, bits, extra] = x.split('/');
    if (extra !== undefined || !net.isIP(addr)) return false;
    if (bits === undefined) return true;
    const max = net.isIPv4(addr) ? 32 : 128;
    return /^\d+$/.test(bits) && Number(bits) <= max;
  };
  return list.length && list.every(valid) ? list : null;
}

const boolish = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  WENMING_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  WENMING_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  WENMING_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  WENMING_LOG_FORMAT: z.enum(['json', 'text']).optional(),
  WENMING_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  WENMING_DEMO_PASSWORD: z.string().min(1).default('Wenming@2026'),
  WENMING_DEMO: boolish,
  WENMING_NO_DEMO: boolish,
  WENMING_TRUST_PROXY: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseTrustProxy(v) !== null, {
      message: 'must be a hop count (1) or a comma list of addresses or CIDRs (10.0.0.1, 172.16.0.0/12)',
    }),
  WENMING_PII_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  WENMING_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  WENMING_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  WENMING_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  WENMING_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
  WENMING_DEFAULT_TENANT: z.string().default('demo'),
  WENMING_JOBS: boolish,
  WENMING_NO_JOBS: boolish,
  WENMING_CLOCK: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date-time, e.g. 2027-02-28T09:00:00+08:00')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  poolSize: number;
  /** A streaming replica that opted-in read-only routes read from (PostgreSQL only). */
  replicaUrl: string | null;
  /** Past this replay lag (and within it after a session's write) reads go back to the primary. */
  replicaMaxLagSeconds: number;
  /** Bearer token that /metrics asks for; without it (and without a metrics port) /metrics answers 404. */
  metricsToken: string | null;
  /** Serve /metrics on this port instead (no token): a port only the monitoring network reaches. */
  metricsPort: number | null;
  /** Request logs: JSON lines (production, pipes) or one readable line per request (a person at a terminal). */
  logFormat: 'json' | 'text';
  /** HTTP processes sharing the port (PostgreSQL only): one primary forks them and replaces any that dies. */
  processes: number;
  /**
   * Which peers may set X-Forwarded-For (Fastify's trustProxy): a hop count or a list of addresses and CIDRs.
   * false (the default): the socket's address is the client's, whatever a header says.
   */
  trustProxy: false | number | string[];
  demoPassword: string;
  /** Create the demo tenant at start: by default outside production; in production only with WENMING_DEMO=1. */
  seedDemo: boolean;
  /** Demo accounts must change their password at first sign-in (a demo created in production). */
  demoMustChangePassword: boolean;
  piiKey: string | null;
  sessionIdleMs: number;
  sessionMaxMs: number;
  loginRatePerMinute: number;
  uploadMaxBytes: number;
  defaultTenant: string;
  runJobs: boolean;
  logLevel: string;
  /** Start the process's clock at this time (development and tests only): the product on another day. */
  clockStart: string | null;
}

/** Parse the environment once; throws an Error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.WENMING_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    poolSize: e.DATABASE_POOL_SIZE,
    replicaUrl: e.DATABASE_REPLICA_URL ?? null,
    replicaMaxLagSeconds: e.DATABASE_REPLICA_MAX_LAG_SECONDS,
    metricsToken: e.WENMING_METRICS_TOKEN ?? null,
    metricsPort: e.WENMING_METRICS_PORT ?? null,
    logFormat: e.WENMING_LOG_FORMAT ?? (e.NODE_ENV !== 'production' && process.stdout.isTTY ? 'text' : 'json'),
    processes: e.WENMING_PROCESSES,
    demoPassword: e.WENMING_DEMO_PASSWORD,
    trustProxy: parseTrustProxy(e.WENMING_TRUST_PROXY ?? '') || false,
    seedDemo: e.NODE_ENV === 'production' ? e.WENMING_DEMO && !e.WENMING_NO_DEMO : !e.WENMING_NO_DEMO,
    demoMustChangePassword: e.NODE_ENV === 'production',
    piiKey: e.WENMING_PII_KEY ?? null,
    sessionIdleMs: e.WENMING_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.WENMING_SESSION_MAX_HOURS * 3_600_000,
    loginRatePerMinute: e.WENMING_LOGIN_RATE_PER_MINUTE,
    uploadMaxBytes: e.WENMING_UPLOAD_MAX_MB * 1024 * 1024,
    defaultTenant: e.WENMING_DEFAULT_TENANT,
    runJobs: !e.WENMING_NO_JOBS,
    logLevel: e.LOG_LEVEL,
    clockStart: e.WENMING_CLOCK ?? null,
    ...overrides,
  };
  if (config.env === 'production' && !config.piiKey) {
    throw new Error(
      'Invalid configuration:\n  WENMING_PII_KEY: required in production (32 bytes in base64, e.g. `openssl rand -base64 32`)',
    );
  }
  if (config.env === 'production' && config.clockStart) {
    throw new Error(
      'Invalid configuration:\n  WENMING_CLOCK: not allowed in production (it moves every date the platform keeps)',
    );
  }
  if (config.replicaUrl && !config.databaseUrl) {
    throw new Error(
      'Invalid configuration:\n  DATABASE_REPLICA_URL: a read replica needs DATABASE_URL (the primary it replicates)',
    );
  }
  if (config.processes > 1 && !config.databaseUrl) {
    throw new Error(
      'Invalid configuration:\n  WENMING_PROCESSES: more than one process needs DATABASE_URL (the embedded PGlite serves one process)',
    );
  }
  return Object.freeze(config);
}
