// The 待同步 list in words: a write's own label, or one read from its method and URL (writes queued earlier).
import type { QueuedWrite } from './offline-queue';

const patterns: [method: string, url: RegExp, key: string][] = [
  ['POST', /^\/?files$/, 'sync.photo'],
  ['POST', /^\/?inspections$/, 'sync.inspection'],
  ['PUT', /^\/?inspections\/[^/]+$/, 'sync.inspectionEdit'],
  ['POST', /^\/?problems$/, 'sync.problem'],
  ['POST', /^\/?problems\/[^/]+\/transitions$/, 'sync.rectify'],
  ['POST', /^\/?tasks\/[^/]+\/(reports|ledger).*$/, 'sync.taskReport'],
];

/** `上传照片：东街社区服务中心` — the key and target to translate for one queued write. */
export function describeWrite(w: Pick<QueuedWrite, 'method' | 'url' | 'label'>): { key: string; target?: string } {
  if (w.label) return w.label;
  const url = w.url.replace(/^\/api\/v1\//, '');
  const found = patterns.find(([method, re]) => method === w.method && re.test(url));
  return { key: found?.[2] ?? 'sync.other' };
}
