import { badUserInput } from "./errors.js";

/** The parts of a global ID `gid://<connector>/<Type>/<key>`. */
export interface GlobalId {
  /** Name of the connector that owns the object (for example `store`). */
  connector: string;
  /** GraphQL type name, for example `Product`. */
  type: string;
  /** The connector's own key for the object (URL-encoded inside the ID). */
  key: string;
}

const GID = /^gid:\/\/([a-z][a-z0-9_-]*)\/([A-Z][A-Za-z]*)\/([^/]+)$/;

/** Builds the global ID of an object. */
export function toGlobalId(connector: string, type: string, key: string): string {
  return `gid://${connector}/${type}/${encodeURIComponent(key)}`;
}

/** Parses a global ID, or returns null when it is not one. */
export function parseGlobalId(id: string): GlobalId | null {
  const match = GID.exec(id);
  if (!match) return null;
  try {
    return { connector: match[1]!, type: match[2]!, key: decodeURIComponent(match[3]!) };
  } catch {
    return null;
  }
}

/**
 * Parses a global ID that must name an object of `type`; anything else is a
 * `BAD_USER_INPUT` error naming the argument.
 */
export function expectGlobalId(id: string, type: string, argument = "id"): GlobalId {
  const gid = parseGlobalId(id);
  if (!gid) throw badUserInput(`\`${argument}\` is not a valid ID: expected gid://<connector>/${type}/<key>.`, argument);
  if (gid.type !== type) throw badUserInput(`\`${argument}\` is the ID of a ${gid.type}, expected a ${type}.`, argument);
  return gid;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID string; keys that are not cannot exist in our tables and are never sent to SQL as uuids. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
