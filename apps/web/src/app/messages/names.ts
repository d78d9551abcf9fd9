import type { Dict } from './types';

/** The names of a code list in the three UI languages. */
export type Names<K extends string> = Record<K, readonly [zhCN: string, zhTW: string, en: string]>;

/** Message entries `prefix.code` for each named code. */
export const prefixed = (prefix: string, names: Record<string, readonly [string, string, string]>): Dict =>
  Object.fromEntries(Object.entries(names).map(([k, v]) => [`${prefix}.${k}`, v]));
