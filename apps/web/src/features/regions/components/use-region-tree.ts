// Tree data for antd Tree, loaded one level at a time from GET /regions/tree?root=CODE&depth=1.
import type { RegionNode } from '@wenming/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchRegionTree } from '../queries';

export interface RegionDataNode {
  key: string;
  title: string;
  isLeaf: boolean;
  region: RegionNode;
  children?: RegionDataNode[];
}

export function toDataNode(node: RegionNode): RegionDataNode {
  const hasLoadedChildren = !!node.children && node.children.length > 0;
  return {
    key: node.code,
    title: node.name,
    isLeaf: (node.childCount ?? node.children?.length ?? 0) === 0,
    region: node,
    children: hasLoadedChildren ? node.children!.map(toDataNode) : undefined,
  };
}

/** The tree with node `code` replaced by `fresh` (its children as loaded just now). */
export function replaceNode(nodes: RegionDataNode[], code: string, fresh: RegionDataNode): RegionDataNode[] {
  return nodes.map((n) => {
    if (n.key === code) return fresh;
    if (!n.children) return n;
    return { ...n, children: replaceNode(n.children, code, fresh) };
  });
}

export function findNode(nodes: RegionDataNode[], code: string): RegionDataNode | undefined {
  for (const n of nodes) {
    if (n.key === code) return n;
    const inChildren = n.children && findNode(n.children, code);
    if (inChildren) return inChildren;
  }
  return undefined;
}

export function useRegionTree() {
  const [treeData, setTreeData] = useState<RegionDataNode[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(true);
  const expandedRef = useRef(expandedKeys);
  expandedRef.current = expandedKeys;

  const loadChildren = useCallback(async (code: string) => {
    const [fresh] = await fetchRegionTree(code, 1);
    if (!fresh) return;
    setTreeData((nodes) => replaceNode(nodes, code, toDataNode(fresh)));
    setLoadedKeys((keys) => (keys.includes(code) ? keys : [...keys, code]));
  }, []);

  /** Loads the roots again, then every still-expanded node, parents first (after an add, rename, merge, retire). */
  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const roots = await fetchRegionTree(undefined, 1);
      let nodes = roots.map(toDataNode);
      const loaded = new Set(roots.map((r) => r.code));
      let pending = expandedRef.current.filter((k) => !loaded.has(k));
      for (let pass = 0; pending.length > 0 && pass < 6; pass++) {
        for (const code of pending.filter((k) => findNode(nodes, k))) {
          const [fresh] = await fetchRegionTree(code, 1);
          if (fresh) nodes = replaceNode(nodes, code, toDataNode(fresh));
          loaded.add(code);
        }
        pending = pending.filter((k) => !loaded.has(k) && findNode(nodes, k));
      }
      setTreeData(nodes);
      setLoadedKeys([...loaded]);
      // First load: open the roots, whose children came with them.
      setExpandedKeys((keys) => (keys.length ? keys.filter((k) => findNode(nodes, k)) : roots.map((r) => r.code)));
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { treeData, expandedKeys, setExpandedKeys, loadedKeys, loadChildren, reload, error, isLoading };
}
