// The Citus path, checked against the migrated schema: docs/scale-out.md must carry the DDL the schema produces
// (a new table changes it), and nothing may break co-location by tenant_id.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db';
import { createTestDatabase } from '../test/harness';
import { planCitus } from './citus';

const doc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/scale-out.md');

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop?.());

describe('Citus distribution of the schema', () => {
  it('distributes every tenant-keyed table co-located by tenant_id, with nothing breaking co-location', async () => {
    const plan = await planCitus(database.db);
    expect(plan.problems).toEqual([]);
    expect(plan.reference).toEqual(['partitioned_table', 'tenant']);
    expect(plan.distributed).toContain('audit_event');
    expect(plan.distributed).toContain('inspection_observation');
  });

  it('is written down in docs/scale-out.md exactly as the schema produces it', async () => {
    const plan = await planCitus(database.db);
    const text = fs.readFileSync(doc, 'utf8');
    const block = /<!-- citus-ddl:start -->\n```sql\n([\s\S]*?)```\n<!-- citus-ddl:end -->/.exec(text)?.[1];
    // On a mismatch: paste plan.ddl (printed by `npx wenming citus-ddl`) between the markers.
    expect(block, 'docs/scale-out.md is missing the citus-ddl block').toBeDefined();
    expect(block).toBe(plan.ddl);
  });

  it('names a table without tenant_id, and keys or foreign keys that leave tenant_id out', async () => {
    const db = database.db;
    await db.execute(sql`CREATE TABLE citus_probe_dict (code text PRIMARY KEY)`);
    await db.execute(sql`CREATE TABLE citus_probe (tenant_id uuid NOT NULL, id uuid NOT NULL, code text NOT NULL,
      other_id uuid, PRIMARY KEY (tenant_id, id), CONSTRAINT citus_probe_code_uq UNIQUE (code))`);
    await db.execute(sql`CREATE UNIQUE INDEX citus_probe_other_idx ON citus_probe (other_id)`);
    await db.execute(sql`ALTER TABLE citus_probe ADD CONSTRAINT citus_probe_account_fk FOREIGN KEY (tenant_id, other_id)
      REFERENCES account (tenant_id, id)`);
    await db.execute(sql`CREATE TABLE citus_probe_child (tenant_id uuid NOT NULL, id uuid NOT NULL, probe_tenant uuid,
      probe_id uuid, PRIMARY KEY (tenant_id, id),
      CONSTRAINT citus_probe_child_fk FOREIGN KEY (probe_tenant, probe_id) REFERENCES citus_probe (tenant_id, id))`);
    try {
      const plan = await planCitus(db);
      expect(plan.problems).toEqual([
        'citus_probe: unique constraint citus_probe_code_uq (code) leaves out tenant_id',
        'citus_probe: unique index citus_probe_other_idx (other_id) leaves out tenant_id',
        'citus_probe_child: foreign key citus_probe_child_fk (probe_tenant, probe_id) → citus_probe (tenant_id, id) ' +
          'does not join on tenant_id: the rows it links may live on different nodes',
        'citus_probe_dict: has no tenant_id and is not a declared reference table (db/citus.ts)',
      ]);
    } finally {
      await db.execute(sql`DROP TABLE citus_probe_child, citus_probe, citus_probe_dict`);
    }
  });
});
