// What other modules do when regions move in the tree (a merge re-parents a subtree). Modules that keep a copy of a
// region's path register a hook here (problems keeps `region_path` for scope queries); the region service calls
// them inside its transaction, so org needs to know nothing of the modules that depend on it.
import type { Db } from '../../platform/db';

/** Called with the transaction, the tenant and the old ltree path of the subtree that moved. */
export type RegionPathsMovedHook = (tx: Db, tenantId: string, oldPath: string) => Promise<unknown>;

const hooks = new Set<RegionPathsMovedHook>();

/** Register a hook (once: registering the same function again changes nothing). */
export function onRegionPathsMoved(hook: RegionPathsMovedHook): void {
  hooks.add(hook);
}

/** Run every registered hook inside the moving transaction. */
export async function regionPathsMoved(tx: Db, tenantId: string, oldPath: string): Promise<void> {
  for (const hook of hooks) await hook(tx, tenantId, oldPath);
}
