import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const jieba = Jieba.withDict(dict);
// Words only: punctuation and whitespace tokens would only bloat the index.
const WORD = /[\p{L}\p{N}]/u;

/** Search-mode segmentation (overlapping words) for indexing, lower-cased, space-joined. */
export function segmentForIndex(text: string): string {
  return jieba
    .cutForSearch(text, true)
    .filter((t) => WORD.test(t))
    .map((t) => t.toLowerCase())
    .join(' ');
}

/** Precise segmentation for a query: every word must match (AND). Tokens are passed to plainto_tsquery. */
export function segmentQuery(text: string): string {
  return jieba
    .cut(text, true)
    .filter((t) => WORD.test(t))
    .map((t) => t.toLowerCase())
    .join(' ');
}
