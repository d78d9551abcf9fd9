// The module map holds (issue 15): production code of one module imports another module only through that
// module's `index.ts`, and no two modules import each other, directly or round a longer cycle. The test reads the
// import statements of every production file under `modules/` (tests, test fixtures and test helpers are test
// support and may reach in; the registry `modules/index.ts` wires modules together).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../modules');
const TEST_SUPPORT = /(\.test\.tsx?|test-fixtures\.ts|test-helpers\.ts)$/;

function productionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...productionFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !TEST_SUPPORT.test(entry.name)) out.push(full);
  }
  return out;
}

/** The module a file belongs to (its first folder under modules/), or null for the registry itself. */
function moduleOf(file: string): string | null {
  const rel = path.relative(MODULES, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

function resolveImport(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return base;
}

export interface ImportGraph {
  reachIns: string[];
  edges: Map<string, Set<string>>;
}

export function readImportGraph(): ImportGraph {
  const reachIns: string[] = [];
  const edges = new Map<string, Set<string>>();
  const importRe = /(?:import|export)\s[^'";]*?from\s+'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g;
  for (const file of productionFiles(MODULES)) {
    const own = moduleOf(file);
    if (!own) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const target = resolveImport(file, m[1] ?? m[2]);
      const other = moduleOf(target);
      if (!other || other === own) continue;
      if (!edges.has(own)) edges.set(own, new Set());
      edges.get(own)?.add(other);
      if (target !== path.join(MODULES, other, 'index.ts')) {
        reachIns.push(`${path.relative(MODULES, file)} → ${path.relative(MODULES, target)}`);
      }
    }
  }
  return { reachIns, edges };
}

/** Every cycle of the module graph, each as its strongly connected component (Tarjan). */
export function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w) {
          onStack.delete(w);
          scc.push(w);
        }
      } while (w && w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!idx.has(v)) visit(v);
  return found;
}

describe('module import graph', () => {
  const graph = readImportGraph();

  it('has modules importing each other only through index.ts', () => {
    expect(graph.reachIns).toEqual([]);
  });

  it('has the registry (modules/index.ts) wiring modules through their index.ts only', () => {
    const registry = fs.readFileSync(path.join(MODULES, 'index.ts'), 'utf8');
    const reachIns = [...registry.matchAll(/from '\.\/([^']+)'/g)].map((m) => m[1]).filter((p) => p.includes('/'));
    expect(reachIns).toEqual([]);
  });

  it('has no cycle between modules', () => {
    expect(cyclesOf(graph.edges)).toEqual([]);
  });

  it('matches the module map of docs/architecture.md', () => {
    const doc = fs.readFileSync(path.resolve(MODULES, '../../../../docs/architecture.md'), 'utf8');
    const block = doc.split('<!-- module-map:start -->')[1]?.split('<!-- module-map:end -->')[0] ?? '';
    const documented = block
      .split('\n')
      .filter((line) => line.includes(' -> '))
      .map((line) => line.trim());
    const actual = [...graph.edges]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([from, to]) => `${from} -> ${[...to].sort().join(', ')}`);
    expect(documented).toEqual(actual);
  });

  it('finds a cycle and a reach-in when there is one (the checker itself)', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cyclesOf(edges)).toEqual([['a', 'b', 'c']]);
  });
});
