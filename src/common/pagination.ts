import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { badUserInput } from "./errors.js";

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when the client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** A position in a sorted list: the item's sort value and its key (the tie-breaker). */
export interface CursorPosition {
  /** Which ordering the position belongs to (the sort column); a cursor of another ordering is refused. */
  by: string;
  /** The sort column's value, as text. */
  sort: string;
  /** The item's key, unique within the list. */
  key: string;
  /** As a `before` bound: include the item at this position (used when merging lists). */
  inclusive?: boolean;
}

/** Connection arguments as clients send them. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

/**
 * A validated page request, as connectors receive it: `direction` says whether
 * to read forward from `after` (the first `size` items) or backward from `before`.
 */
export interface PageRequest {
  direction: "forward" | "backward";
  size: number;
  after: CursorPosition | null;
  before: CursorPosition | null;
  /** Reverse the sort key's natural order. */
  reverse: boolean;
}

/** One page of items returned by a connector, with what the connection needs. */
export interface Page<T> {
  items: T[];
  /** The position of each item, same order as `items`. */
  positions: CursorPosition[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** True when the items are in descending order of their sort values (newest first). */
  descending?: boolean;
  /** Counts the whole list (all pages); null when the source cannot count. Called only when asked for. */
  count: () => Promise<number | null>;
}

/** A Relay connection as resolvers return it; `totalCount` is resolved lazily from `count`. */
export interface ConnectionModel<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  count: () => Promise<number | null>;
}

/** Longest cursor accepted, in characters (a merged list's cursor carries each source's position). */
export const MAX_CURSOR_LENGTH = 8192;

/** Bytes of HMAC-SHA256 kept in a cursor (128 bits). */
const SIGNATURE_BYTES = 16;

/**
 * Keys that sign cursors: the newest signs, any verifies. A process holds one
 * (the database's or `CURSOR_SECRET`, set by {@link useCursorSecret} at
 * start-up); a random one until then.
 */
const cursorKeys: Buffer[] = [];

/** Signs cursors with `secret` from now on (and still accepts those signed with earlier secrets of this process). */
export function useCursorSecret(secret: string): void {
  const key = Buffer.from(secret, "utf8");
  const known = cursorKeys.findIndex((existing) => existing.equals(key));
  if (known >= 0) cursorKeys.splice(known, 1);
  cursorKeys.unshift(key);
}

function signingKeys(): Buffer[] {
  if (cursorKeys.length === 0) cursorKeys.push(randomBytes(32));
  return cursorKeys;
}

function signatureOf(key: Buffer, payload: string): Buffer {
  return createHmac("sha256", key).update(payload).digest().subarray(0, SIGNATURE_BYTES);
}

/** Encodes a position as an opaque cursor: its JSON, base64url, signed (HMAC-SHA256) so that only cursors this server issued come back. */
export function encodeCursor(position: CursorPosition): string {
  const payload = Buffer.from(JSON.stringify([position.by, position.sort, position.key]), "utf8").toString("base64url");
  return `${payload}.${signatureOf(signingKeys()[0]!, payload).toString("base64url")}`;
}

/** True when `signature` (base64url) signs `payload` with one of the keys. */
function signedByUs(payload: string, signature: string): boolean {
  const given = Buffer.from(signature, "base64url");
  return given.length === SIGNATURE_BYTES && signingKeys().some((key) => timingSafeEqual(given, signatureOf(key, payload)));
}

/** Decodes a cursor from `argument`; one this server did not issue (unsigned, altered, too long, malformed) is a `BAD_USER_INPUT` error. */
export function decodeCursor(cursor: string, argument: string): CursorPosition {
  const [payload, signature, ...rest] = cursor.split(".");
  if (cursor.length <= MAX_CURSOR_LENGTH && payload && signature && rest.length === 0 && signedByUs(payload, signature)) {
    try {
      const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      if (Array.isArray(value) && value.length === 3) {
        const [by, sort, key] = value as unknown[];
        if (typeof by === "string" && typeof sort === "string" && typeof key === "string") return { by, sort, key };
      }
    } catch {
      // fall through to the error below
    }
  }
  throw badUserInput(`\`${argument}\` is not a cursor returned by this connection; take cursors from the same query.`, argument);
}

function checkSize(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`\`${argument}\` must be between 1 and ${MAX_PAGE_SIZE}, got ${value}.`, argument);
  }
  return value;
}

/**
 * Validates connection arguments: `first` and `last` are 1–100 and not both given;
 * cursors must be well-formed. Neither gives the first {@link DEFAULT_PAGE_SIZE}.
 */
export function toPageRequest(args: ConnectionArgs): PageRequest {
  const { first, last } = args;
  if (first != null && last != null) throw badUserInput("Give `first` or `last`, not both.", "last");
  const after = args.after != null ? decodeCursor(args.after, "after") : null;
  const before = args.before != null ? decodeCursor(args.before, "before") : null;
  const reverse = args.reverse ?? false;
  if (last != null) return { direction: "backward", size: checkSize(last, "last"), after, before, reverse };
  return { direction: "forward", size: first != null ? checkSize(first, "first") : DEFAULT_PAGE_SIZE, after, before, reverse };
}

/** Turns a connector's page into a Relay connection. */
export function toConnection<T>(page: Page<T>): ConnectionModel<T> {
  const cursors = page.positions.map(encodeCursor);
  return {
    edges: page.items.map((node, i) => ({ cursor: cursors[i]!, node })),
    nodes: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
    count: page.count,
  };
}

/** Maps the items of a page, keeping positions and flags. */
export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(map) };
}

/** A page with no items (for example a filter that can match nothing). */
export function emptyPage<T>(): Page<T> {
  return { items: [], positions: [], hasNextPage: false, hasPreviousPage: false, count: async () => 0 };
}

/** A connection with no items (for example a filter that can match nothing). */
export function emptyConnection<T>(): ConnectionModel<T> {
  return toConnection<T>({ items: [], positions: [], hasNextPage: false, hasPreviousPage: false, count: async () => 0 });
}
