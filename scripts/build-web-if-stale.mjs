#!/usr/bin/env node
// Build the web app when its sources are newer than the last build (so `npm start` serves a current UI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dist = 'apps/web/dist/index.html';
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const sources = Math.max(
  newest('apps/web/src'),
  newest('apps/web/m'),
  newest('apps/web/public'),
  newest('packages/contracts/src'),
  fs.statSync('apps/web/index.html').mtimeMs,
  fs.statSync('apps/web/vite.config.ts').mtimeMs,
  fs.statSync('apps/web/vite-phone-precache.ts').mtimeMs,
);
if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= sources) process.exit(0);
console.log('Building the web app…');
const r = spawnSync('npm', ['run', 'build', '--silent', '-w', '@wenming/web', '--', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
