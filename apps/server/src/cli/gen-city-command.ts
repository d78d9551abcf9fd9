import { loadConfig } from '../config';
import { createPiiCipher, loadPiiKey } from '../platform/crypto';
import type { Database } from '../platform/db';
import { genCity, progressBarReporter } from './gen-city';
import { generateHistory } from './gen-history';

/** Months of history of XL: 20.1 million observations and 50.1 million hour records (docs/scale-out.md). */
export const XL_HISTORY_MONTHS = 134;

/** `wenming gen-city`: a synthetic city with a progress bar. */
export async function runGenCity(
  database: Database,
  opts: { size?: string; tenant?: string; seed?: string; historyMonths?: string },
): Promise<number> {
  const asked = (opts.size ?? 'S').toUpperCase();
  if (!['S', 'M', 'L', 'XL'].includes(asked)) throw new Error('--size must be S, M, L or XL');
  // XL is the L city with years of history: the organisation does not grow, the history tables do.
  const size = asked === 'XL' ? 'L' : asked;
  const months = Number(opts.historyMonths ?? (asked === 'XL' ? XL_HISTORY_MONTHS : 0));
  if (!Number.isInteger(months) || months < 0 || months > 600) throw new Error('--history-months must be 0–600');
  const config = loadConfig();
  const cipher = createPiiCipher(loadPiiKey(config.piiKey, config.dataDir, config.env));
  const reporter = progressBarReporter();
  const r = await genCity(database, {
    tenantCode: opts.tenant ?? `city-${asked.toLowerCase()}`,
    size,
    seed: opts.seed ? Number(opts.seed) : 1,
    password: config.demoPassword,
    cipher,
    onProgress: reporter.onProgress,
  } as never);
  if (months > 0) await generateHistory(database, { tenantId: r.tenantId, months, onProgress: reporter.onProgress });
  reporter.stop();
  console.log(`gen-city ${asked}: ${JSON.stringify(r.counts)} in ${r.seconds.toFixed(1)} s (tenant ${r.tenantId})`);
  if (months > 0) console.log(`history: ${months} months ending ${'2026-10'}`);
  return 0;
}
