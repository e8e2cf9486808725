/** The largest value of GraphQL's `Int` (a signed 32-bit integer): 2,147,483,647. */
export const MAX_INT32 = 2_147_483_647;

/**
 * A sum shown in an `Int` field: at most {@link MAX_INT32}, so that summing
 * levels that are each within their maximum never fails the whole field.
 */
export function clampToInt32(n: number): number {
  return Math.min(n, MAX_INT32);
}
