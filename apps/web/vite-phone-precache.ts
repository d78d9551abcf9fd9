// The phone's service worker precaches what the phone entry (m/index.html) can load, and nothing of the desktop:
// this plugin walks the phone entry's static and dynamic imports (and their CSS) when the bundle is generated,
// and the Workbox manifest transform keeps only those files, the phone's HTML and its icons and manifest.
import type { Plugin } from 'vite';

interface ManifestEntry {
  url: string;
  revision: string | null;
  size: number;
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

const phoneFiles = new Set<string>();

/** The files reachable from the chunk of the phone's HTML entry. */
function collect(bundle: Record<string, { type: string }>, start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const chunk = bundle[name] as ChunkLike | undefined;
    if (chunk?.type !== 'chunk') continue;
    queue.push(...chunk.imports, ...chunk.dynamicImports);
    for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) seen.add(asset);
  }
  return seen;
}

export const phonePrecache = {
  plugin: {
    name: 'wenming-phone-precache',
    apply: 'build',
    generateBundle(_options, bundle) {
      phoneFiles.clear();
      const entries = Object.values(bundle)
        .filter((c) => c.type === 'chunk' && /[\\/]m[\\/]index\.html$/.test((c as ChunkLike).facadeModuleId ?? ''))
        .map((c) => c.fileName);
      if (entries.length === 0) this.error('phone entry m/index.html not found in the bundle');
      for (const f of collect(bundle, entries)) phoneFiles.add(f);
    },
  } satisfies Plugin,

  /** Workbox `manifestTransforms` entry: the phone's files only. */
  transform: async (entries: ManifestEntry[]) => ({
    manifest: entries.filter((e) => e.url.startsWith('m/') || phoneFiles.has(e.url)),
    warnings: [] as string[],
  }),
};
