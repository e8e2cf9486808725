/**
 * JSON with sorted keys, so equal inputs hash equally whatever their key order:
 * the text an idempotency record's request hash is taken of. Keys whose value is
 * `undefined` are left out (as JSON leaves them out); `undefined` alone is `null`.
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
