#!/usr/bin/env node
// The server the browser journeys run against: a fresh data dir (one per port) with the demo tenant.
// Playwright starts this in its own process group and stops the whole group at the end.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const dataDir = `.tmp/e2e-data-${process.env.PORT ?? '3100'}`;
fs.rmSync(dataDir, { recursive: true, force: true });
const child = spawn('npx', ['tsx', 'apps/server/src/cli.ts', 'start'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    WENMING_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WENMING_LOGIN_RATE_PER_MINUTE: '1000',
  },
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
