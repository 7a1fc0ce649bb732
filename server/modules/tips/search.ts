import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const jieba = Jieba.withDict(dict);
// Words only: punctuation and whitespace tokens would only bloat the index.
const WORD = /[\p{L}\p{N}]/u;
const words = (tokens: string[]) => tokens.filter((t) => WORD.test(t)).map((t) => t.toLowerCase()).join(' ');

/** Search-mode segmentation (overlapping words) for indexing, lower-cased, space-joined. */
export const segmentForIndex = (text: string) => words(jieba.cutForSearch(text, true));

/** Precise segmentation for a query: every word must match (AND). Tokens are passed to plainto_tsquery. */
export const segmentQuery = (text: string) => words(jieba.cut(text, true));
