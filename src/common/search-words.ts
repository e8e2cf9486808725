import { badUserInput } from "./errors.js";

/** Longest `search` text a list filter takes, in characters (code points). */
export const SEARCH_MAX_LENGTH = 200;
/** Most distinct words a `search` may hold (after duplicates are dropped). */
export const SEARCH_MAX_WORDS = 10;
/** A run of 3 letters or digits: what pg_trgm needs to make a trigram of a word inside `%…%`. */
const TRIGRAM_RUN = /[\p{L}\p{N}]{3,}/u;

/**
 * True when the trigram index narrows a search for `word`: pg_trgm makes
 * trigrams only from runs of letters and digits, so a word without a run of 3
 * ("ab", "---", "a-b-c") gives the index nothing to look up and costs a scan of every row.
 */
export function servedByTrigramIndex(word: string): boolean {
  return TRIGRAM_RUN.test(word);
}

/**
 * The words of a `search` filter that must each appear in a row, with those
 * that add nothing dropped: repeats (ignoring case), and words contained in
 * another word (a row holding "steel" also holds "ste"). The result matches
 * exactly the rows the whole text matches. A text over {@link SEARCH_MAX_LENGTH}
 * characters or with more than {@link SEARCH_MAX_WORDS} distinct words is a
 * `BAD_USER_INPUT` error naming `argument`.
 */
export function searchWords(text: string | null | undefined, argument = "filter.search"): string[] {
  if (!text) return [];
  const length = [...text].length;
  if (length > SEARCH_MAX_LENGTH) throw badUserInput(`\`${argument}\` may be at most ${SEARCH_MAX_LENGTH} characters long, got ${length}.`, argument);
  const words = distinctWords(text);
  if (words.length > SEARCH_MAX_WORDS) throw badUserInput(`\`${argument}\` may hold at most ${SEARCH_MAX_WORDS} different words, got ${words.length}.`, argument);
  return words;
}

/**
 * {@link searchWords} without the errors, for estimating a query's cost before
 * it runs: a text over the limits is read up to {@link SEARCH_MAX_LENGTH}
 * characters (the resolver refuses it anyway).
 */
export function estimatedSearchWords(text: string | null | undefined): string[] {
  return distinctWords([...(text ?? "").slice(0, 2 * SEARCH_MAX_LENGTH)].slice(0, SEARCH_MAX_LENGTH).join(""));
}

/** The words of `text` without repeats or words contained in others (quadratic: only for bounded texts). */
function distinctWords(text: string): string[] {
  // Compared in lower case; each word keeps the spelling it was first given in.
  const byLower = new Map<string, string>();
  for (const word of text.split(/\s+/)) if (word && !byLower.has(word.toLowerCase())) byLower.set(word.toLowerCase(), word);
  const lower = [...byLower.keys()];
  return lower.filter((word) => !lower.some((other) => other !== word && other.includes(word))).map((word) => byLower.get(word)!);
}
