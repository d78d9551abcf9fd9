// Test factories: a tenant's regions, units and accounts with a role, for tests that need a few objects of their own
// instead of the demo city. Use them over `createTestApp({}, { demo: false })`, whose tenant `test` starts empty:
//
//   const t = await createTestApp({}, { demo: false });
//   const make = factoriesOf(t);
//   await make.regions('620302');                      // 金川区 and its streets and communities (GB/T 2260)
//   const unit = await make.unit({ name: '区文明办', regionCode: '620302' });
//   const clerk = await make.account('unit_liaison', { kind: 'unit', ref: unit });
//   const session = await clerk.login();
import type { RoleCode, UnitBody } from '@wenming/contracts';
import { createAccountRaw } from '../modules/org/tenant.service';
import { importRegionSubtree } from '../modules/org/region-import';
import { insertUnits } from '../modules/org/unit.service';
import { DEMO_PASSWORD, type Session, type TestApp } from './harness';

export interface Scope {
  kind: 'all' | 'region' | 'unit' | 'site' | 'own';
  ref?: string | null;
}

export interface MadeAccount {
  id: string;
  username: string;
  login: () => Promise<Session>;
}

export function factoriesOf(t: TestApp) {
  const { db, cipher } = t.ctx;
  let made = 0;
  return {
    /** A real region and its whole subtree from the GB/T 2260 data set. */
    async regions(rootCode: string, rootName?: string): Promise<number> {
      return (await importRegionSubtree(db, t.tenantId, rootCode, { rootName })).imported;
    },

    /** A unit (default type: an office); answers its id. */
    async unit(body: Partial<UnitBody> & { name: string; regionCode: string }): Promise<string> {
      const [id] = await insertUnits(db, cipher, t.tenantId, [
        { type: 'organ', honorTier: 'none', contactName: null, address: null, ...body },
      ]);
      return id;
    },

    /** An account holding one role over a scope, with the test password and no forced password change. */
    async account(role: RoleCode, scope: Scope, username?: string): Promise<MadeAccount> {
      made += 1;
      const name = username ?? `${role}_${made}`;
      const id = await createAccountRaw(db, t.tenantId, {
        username: name,
        displayName: `测试${role}${made}`,
        password: DEMO_PASSWORD,
        isDemo: true,
        mustChangePassword: false,
        roles: [{ role, scopeKind: scope.kind, scopeRef: scope.ref ?? null }],
      });
      return { id, username: name, login: () => t.login(name, DEMO_PASSWORD) };
    },
  };
}
