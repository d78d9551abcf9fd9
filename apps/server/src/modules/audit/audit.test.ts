// The audit log reads in words: every action and object type the server writes has a label in three languages,
// and the log names the objects it points at.
import fs from 'node:fs';
import path from 'node:path';
import {
  findAuditActionLabel,
  findCodeLabel,
  orderActions,
  problemActions,
  taskActions,
  timebankJournalKinds,
} from '@wenming/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

const serverSrc = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** Templated action codes (`problem.${action}`) and the codes each template stands for. */
const templates: Record<string, readonly string[]> = {
  'problem.': problemActions,
  'order.': [...orderActions, 'create', 'return_overdue'],
  'task.': taskActions,
  'region.': ['create', 'rename', 'merge', 'retire'],
  'team.': ['approve', 'reject'],
  'timebank.': timebankJournalKinds,
  'community_item.': ['approve', 'reject', 'complete', 'confirm', 'close'],
  '.import': ['unit', 'person'],
  // auditExport() in platform/audit.ts: the Excel exports that carry personal data.
  '.export': ['unit', 'person', 'volunteer', 'problem'],
};

/** Every audit action code the server can write, read from its source. */
function writtenActions(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(serverSrc)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('writeAudit')) continue;
    for (const m of text.matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) codes.add(m[1]);
    for (const m of text.matchAll(/action: `([a-z_]*)\$\{[^}]+\}([a-z_.]*)`/g)) {
      const [prefix, suffix] = [m[1], m[2]];
      const parts = templates[prefix] ?? templates[suffix];
      expect(parts, `template ${m[0]} in ${file}`).toBeDefined();
      for (const p of parts ?? []) codes.add(prefix ? `${prefix}${p}${suffix}` : `${p}${suffix}`);
    }
  }
  return [...codes].sort();
}

function writtenObjectTypes(): string[] {
  const types = new Set<string>();
  for (const file of sourceFiles(serverSrc))
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/objectType: '([a-z_]+)'/g)) types.add(m[1]);
  return [...types].sort();
}

describe('audit labels', () => {
  it('labels every action the server writes, in zh-CN, zh-TW and en', () => {
    const actions = writtenActions();
    expect(actions.length).toBeGreaterThan(80);
    const missing = actions.filter((a) => (['zh-CN', 'zh-TW', 'en'] as const).some((l) => !findAuditActionLabel(a, l)));
    expect(missing).toEqual([]);
  });

  it('labels every object type the server writes', () => {
    const types = writtenObjectTypes();
    expect(types).toContain('problem');
    expect(types.filter((t) => !findCodeLabel('auditObject', t, 'en'))).toEqual([]);
  });
});

describe('GET /audit-events', () => {
  let t: TestApp;
  let auditor: Session;
  beforeAll(async () => {
    t = await createTestApp();
    auditor = await t.login('auditor');
  });
  afterAll(() => t?.close());

  it('needs sign-in (401), a valid query (400) and audit.read (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit-events' })).statusCode).toBe(401);
    expect((await auditor.inject({ method: 'GET', url: '/api/v1/audit-events?from=yesterday' })).statusCode).toBe(400);
    const admin = await t.login('admin');
    expect((await admin.inject({ method: 'GET', url: '/api/v1/audit-events' })).statusCode).toBe(403);
  });

  it('names the objects events point at', async () => {
    const res = await auditor.inject({ method: 'GET', url: '/api/v1/audit-events?objectType=problem&pageSize=5' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { objectId: string; objectName: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    for (const e of items) expect(e.objectName).toMatch(/\S/);
    const units = await auditor.inject({ method: 'GET', url: '/api/v1/audit-events?objectType=unit&pageSize=1' });
    const unit = units.json().items[0];
    if (unit) expect(unit.objectName).not.toBe(unit.objectId);
  });
});
