// What is read from a tenant's regions (trees already serialised, region paths), kept per process and
// tenant. Every change to a tenant's regions bumps tenant.region_version in the same transaction (a
// trigger, migration 0014), and the session query reads that version with the session, so a cached value
// is served only while no region change has committed since it was read — in any process — at no extra
// round trip.
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db';

const MAX_ENTRIES_PER_TENANT = 2000;
/** Serialised trees of one tenant beyond this many bytes empty its cache (whole-city trees are ~200 KB). */
const MAX_BYTES_PER_TENANT = 32 * 2 ** 20;
const MAX_TENANTS = 1000;

interface TenantEntries {
  version: number;
  entries: Map<string, unknown>;
  bytes: number;
}

const caches = new WeakMap<Database, Map<string, TenantEntries>>();

/** The tenant's region version as the database has it now (when no session brought it). */
export async function currentRegionVersion(database: Database, tenantId: string): Promise<number> {
  const rows = await database.query<{ v: number }>(sql`SELECT region_version AS v FROM tenant WHERE id = ${tenantId}`);
  return Number(rows[0]?.v ?? 0);
}

function tenantEntries(database: Database, tenantId: string, version: number): TenantEntries {
  let byTenant = caches.get(database);
  if (!byTenant) {
    byTenant = new Map();
    caches.set(database, byTenant);
  }
  let entry = byTenant.get(tenantId);
  // A newer version empties the tenant's entries; an older one (a session read before a change) is not kept.
  if (!entry || entry.version < version) {
    if (!entry && byTenant.size >= MAX_TENANTS) byTenant.clear();
    entry = { version, entries: new Map(), bytes: 0 };
    byTenant.set(tenantId, entry);
  }
  return entry;
}

/**
 * The value for `key` at region `version`: from the cache, or read by `load` and kept when the version is
 * the newest seen (a value read under an older version is answered but not kept). Whatever `load` reads
 * is at least as new as `version`, which was read before it.
 */
export async function cachedForRegions<T>(
  database: Database,
  tenantId: string,
  version: number,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const entry = tenantEntries(database, tenantId, version);
  if (entry.version === version) {
    const hit = entry.entries.get(key);
    if (hit !== undefined) return hit as T;
  }
  const value = await load();
  if (entry.version === version) {
    const size = Buffer.isBuffer(value) ? value.length : 100;
    if (entry.entries.size >= MAX_ENTRIES_PER_TENANT || entry.bytes + size > MAX_BYTES_PER_TENANT) {
      entry.entries.clear();
      entry.bytes = 0;
    }
    entry.entries.set(key, value);
    entry.bytes += size;
  }
  return value;
}
