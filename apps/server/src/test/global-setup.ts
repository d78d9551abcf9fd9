// Vitest's global setup: a directory for this run's demo template (built on first use by whichever test file needs
// it first, see harness.ts), removed with the PostgreSQL template database when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type DemoTemplate, dropDemoTemplate } from './demo-template';

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplateDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-demo-template-'));
  project.provide('demoTemplateDir', dir);
  return async () => {
    const file = path.join(dir, 'template.json');
    if (fs.existsSync(file)) await dropDemoTemplate(JSON.parse(fs.readFileSync(file, 'utf8')) as DemoTemplate);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
