import DataLoader from "dataloader";
import type { SourceRef } from "../models/common.js";

/**
 * A per-request DataLoader whose keys belong to connectors: keys are grouped
 * by `sourceOf`, each connector is called once per batch with all its keys,
 * and results come back in key order.
 */
export function sourceGroupedLoader<K, V>(options: {
  sourceOf: (key: K) => string;
  cacheKey: (key: K) => string;
  fetch: (source: string, keys: K[]) => Promise<readonly V[]>;
}): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const bySource = new Map<string, number[]>();
      keys.forEach((key, i) => {
        const source = options.sourceOf(key);
        bySource.set(source, [...(bySource.get(source) ?? []), i]);
      });
      const results = new Array<V>(keys.length);
      await Promise.all(
        [...bySource].map(async ([source, indexes]) => {
          const values = await options.fetch(source, indexes.map((i) => keys[i]!));
          indexes.forEach((keyIndex, j) => (results[keyIndex] = values[j]!));
        }),
      );
      return results;
    },
    { cacheKeyFn: options.cacheKey },
  );
}

/** A per-request DataLoader over `{ source, key }` references (see {@link sourceGroupedLoader}). */
export function refLoader<V>(fetch: (source: string, keys: readonly string[]) => Promise<readonly V[]>): DataLoader<SourceRef, V, string> {
  return sourceGroupedLoader<SourceRef, V>({
    sourceOf: (ref) => ref.source,
    cacheKey: (ref) => `${ref.source}\u0000${ref.key}`,
    fetch: (source, refs) => fetch(source, refs.map((ref) => ref.key)),
  });
}

/** A per-request DataLoader over plain string keys (business keys such as SKUs). */
export function keyLoader<V>(fetch: (keys: readonly string[]) => Promise<readonly V[]>): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => fetch(keys));
}
