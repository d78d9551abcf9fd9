import { loadConfig } from '../config';
import { createPiiCipher, loadPiiKey } from '../platform/crypto';
import type { Database } from '../platform/db';
import { genCity, progressBarReporter } from './gen-city';

/** `wenming gen-city`: a synthetic city with a progress bar. */
export async function runGenCity(
  database: Database,
  opts: { size?: string; tenant?: string; seed?: string },
): Promise<number> {
  const size = (opts.size ?? 'S').toUpperCase();
  if (size !== 'S' && size !== 'M' && size !== 'L') throw new Error('--size must be S, M or L');
  const config = loadConfig();
  const cipher = createPiiCipher(loadPiiKey(config.piiKey, config.dataDir, config.env));
  const reporter = progressBarReporter();
  const r = await genCity(database, {
    tenantCode: opts.tenant ?? `city-${size.toLowerCase()}`,
    size,
    seed: opts.seed ? Number(opts.seed) : 1,
    password: config.demoPassword,
    cipher,
    onProgress: reporter.onProgress,
  } as never);
  reporter.stop();
  console.log(`gen-city ${size}: ${JSON.stringify(r.counts)} in ${r.seconds.toFixed(1)} s (tenant ${r.tenantId})`);
  return 0;
}
