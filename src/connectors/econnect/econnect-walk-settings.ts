import { z } from "zod";
import { MAX_CHANGES_PER_BATCH } from "../../commands/inbound-changes.js";

/** A parameter or element name of the eConnect server (letters, digits, `_`, `-`, `.`). */
const elementName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, "a parameter or element name: letters, digits, `_`, `-` or `.`, at most 64 characters");

/**
 * How the scheduled walk of `inventory.list` reads the server. The guide
 * names the command but not its paging, its elements or its pace, so each is a
 * setting whose default is this connector's reading of the guide (the fake's);
 * an answer that does not fit them fails naming the setting to check.
 */
export const EconnectWalkSchema = z
  .object({
    /**
     * How the server pages `inventory.list`: `offset` (the item offset in
     * `offsetParam`), `page` (a page number in `pageParam`, from `firstPage`),
     * or `none` (one call answers every item; the walk pages it itself).
     */
    paging: z.enum(["offset", "page", "none"]).default("offset"),
    offsetParam: elementName.default("offset"),
    pageParam: elementName.default("page"),
    firstPage: z.number().int().min(0).max(1).default(1),
    /** The parameter carrying the page size; `pageSize` items per call, at most 500 (one batch of changes). */
    sizeParam: elementName.default("limit"),
    pageSize: z.number().int().min(1).max(MAX_CHANGES_PER_BATCH).default(100),
    /**
     * The time controller the guide advises: at least this long between two
     * calls of a walk (0–600000 ms, default 1000: one call a second), on top
     * of the connector's `rateLimit`, which the walk shares with live reads.
     */
    requestIntervalMs: z.number().int().min(0).max(600_000).default(1000),
    /** The element of one item inside `data`. */
    itemsElement: elementName.default("item"),
    /** The element of the total number of items inside `data` (optional in answers). */
    countElement: elementName.default("count"),
    /** The element names of an item's fields. */
    fields: z
      .object({
        id: elementName.default("id"),
        code: elementName.default("code"),
        name: elementName.default("name"),
        price: elementName.default("price"),
        onHand: elementName.default("onhand"),
      })
      .strict()
      .prefault({}),
    /** The parameter naming the ERP's Store ID in a stock walk (see `stores`). */
    storeParam: elementName.default("store"),
    /**
     * The ERP's stores whose stock is walked, each to our warehouse code
     * (`{ "1": "WH-EAST", "2": "WH-WEST" }`, at most 50): one walk per store,
     * with `storeParam`. Absent: one walk without a store, into the
     * connector's `warehouseCode`.
     */
    stores: z
      .record(z.string().trim().min(1).max(64), z.string().trim().min(1).max(64))
      .refine((stores) => Object.keys(stores).length >= 1 && Object.keys(stores).length <= 50, "name 1 to 50 stores")
      .optional(),
  })
  .strict()
  .prefault({});

/** Validated walk settings. */
export type EconnectWalk = z.output<typeof EconnectWalkSchema>;
