import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const twToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Simplified form of a text in either script. */
export function simplify(text: string): string {
  return twToSimplified(toSimplified(text));
}

/**
 * What a name is searched by: its simplified form, its pinyin initials and its full pinyin,
 * so that 團結 finds 团结 and "zs" finds 张三.
 */
export function buildSearchText(...names: (string | null | undefined)[]): string {
  const parts: string[] = [];
  for (const raw of names) {
    if (!raw) continue;
    const name = simplify(raw);
    const han = name.replace(/[^\u4e00-\u9fff]/g, '');
    parts.push(name.toLowerCase());
    if (han) {
      parts.push(pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase());
      parts.push(pinyin(han, { toneType: 'none', type: 'array' }).join('').toLowerCase());
    }
  }
  return parts.join(' ');
}

/** Normalise a search query the same way: simplified, lower case, spaces removed. */
export function normalizeQuery(q: string): string {
  return simplify(q.trim()).toLowerCase().replace(/\s+/g, '');
}

/** Escape LIKE wildcards in user input. */
export function likePattern(q: string): string {
  return `%${normalizeQuery(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
