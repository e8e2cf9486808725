import type { AccountReader } from "../connector.js";
import type { AccountModel, AccountSort, PaymentMethodModel, ShipToModel } from "../../models/account.js";
import type { AddressModel } from "../../models/common.js";
import { keysetPage } from "./keyset.js";
import { recordSourceOf, searchCondition, uuidEquals, rowsByKeys, rowsByParent, str, strOrNull, type Query, type Row } from "./sql.js";

const SORT: Record<AccountSort, { column: string; type: "text" | "timestamptz" }> = {
  CODE: { column: "a.code", type: "text" },
  NAME: { column: "a.name", type: "text" },
  CREATED_AT: { column: "a.created_at", type: "timestamptz" },
};

/** The account row with its groups and external references, one row per account. */
const ACCOUNT_SELECT = `a.*,
  cg.code AS customer_group_code, cg.name AS customer_group_name,
  rg.code AS corporate_group_code, rg.name AS corporate_group_name,
  coalesce((SELECT json_agg(json_build_object('connector', x.connector, 'externalId', x.external_id) ORDER BY x.connector)
            FROM account_external_ref x WHERE x.account_id = a.id), '[]') AS external_refs`;
const ACCOUNT_FROM = `account a
  LEFT JOIN customer_group cg ON cg.id = a.customer_group_id
  LEFT JOIN corporate_group rg ON rg.id = a.corporate_group_id`;

/** Accounts, ship-tos and restrictions from the store's tables. */
export function storeAccountReader(query: Query, source: string): AccountReader {
  const account = (row: Row): AccountModel => ({
    source,
    key: str(row, "id"),
    code: str(row, "code"),
    name: str(row, "name"),
    email: str(row, "email"),
    phone: strOrNull(row, "phone"),
    externalReferences: row.external_refs as AccountModel["externalReferences"],
    customerGroup: row.customer_group_code ? { code: str(row, "customer_group_code"), name: str(row, "customer_group_name") } : null,
    corporateGroup: row.corporate_group_code ? { code: str(row, "corporate_group_code"), name: str(row, "corporate_group_name") } : null,
    defaultWarehouseKey: strOrNull(row, "default_warehouse_id"),
    parentKey: strOrNull(row, "parent_id"),
    paymentTerms: str(row, "payment_terms"),
    currencyCode: str(row, "currency_code"),
    createdAt: row.created_at as Date,
    lastCommandId: strOrNull(row, "last_command_id"),
    deletedAt: (row.deleted_at as Date | null) ?? null,
    synced: recordSourceOf(row),
  });
  const shipTo = (row: Row): ShipToModel => ({
    source,
    key: str(row, "id"),
    accountKey: str(row, "account_id"),
    erpShipToId: strOrNull(row, "erp_ship_to_id"),
    name: str(row, "name"),
    address: row.address as AddressModel,
    isDefault: Boolean(row.is_default),
  });
  const paymentMethod = (row: Row): PaymentMethodModel => ({
    source,
    key: str(row, "id"),
    accountKey: str(row, "account_id"),
    provider: str(row, "provider"),
    brand: strOrNull(row, "brand"),
    last4: strOrNull(row, "last4"),
    expiryMonth: row.expiry_month == null ? null : Number(row.expiry_month),
    expiryYear: row.expiry_year == null ? null : Number(row.expiry_year),
    createdAt: row.created_at as Date,
  });
  const select = (where: string) => `SELECT ${ACCOUNT_SELECT} FROM ${ACCOUNT_FROM} WHERE ${where}`;

  return {
    byKeys: (keys) => rowsByKeys(query, select("a.id = ANY($1::uuid[])"), keys, (r) => str(r, "id"), account, { uuidKeys: true }),
    byEmails: (emails) =>
      rowsByKeys(query, select("lower(a.email) = ANY($1::text[]) AND a.deleted_at IS NULL"), emails, (r) => str(r, "email"), account, {
        normalise: (email) => email.trim().toLowerCase(),
      }),
    byCodes: (codes) => rowsByKeys(query, select("a.code = ANY($1::text[]) AND a.deleted_at IS NULL"), codes, (r) => str(r, "code"), account),
    list: ({ page, sort, filter }) => {
      const where: string[] = ["a.deleted_at IS NULL"];
      const params: unknown[] = [];
      const bind = (value: unknown) => `$${params.push(value)}`;
      if (filter.search) {
        where.push(searchCondition(filter.search, ["a.name", "a.email", "a.code"], bind));
      }
      if (filter.customerGroupCode) where.push(`cg.code = ${bind(filter.customerGroupCode)}`);
      if (filter.parentKey != null) where.push(uuidEquals("a.parent_id", filter.parentKey, bind));
      return keysetPage(query, { select: ACCOUNT_SELECT, from: ACCOUNT_FROM, where, params, sort: SORT[sort], key: "a.id", descending: false, map: account }, page);
    },
    shipTosOf: (keys) =>
      rowsByParent(
        query,
        "SELECT * FROM ship_to WHERE account_id = ANY($1::uuid[]) AND removed_at IS NULL ORDER BY account_id, is_default DESC, name, id",
        keys,
        (r) => str(r, "account_id"),
        shipTo,
      ),
    shipTosByKeys: (keys) => rowsByKeys(query, "SELECT * FROM ship_to WHERE id = ANY($1::uuid[])", keys, (r) => str(r, "id"), shipTo, { uuidKeys: true }),
    subAccountsOf: (keys) =>
      rowsByParent(query, `${select("a.parent_id = ANY($1::uuid[]) AND a.deleted_at IS NULL")} ORDER BY a.parent_id, a.code`, keys, (r) => str(r, "parent_id"), account),
    restrictedProductKeysOf: (keys) =>
      rowsByParent(
        query,
        `SELECT r.account_id, r.product_id FROM account_restricted_product r JOIN product p ON p.id = r.product_id
         WHERE r.account_id = ANY($1::uuid[]) ORDER BY r.account_id, p.sku`,
        keys,
        (r) => str(r, "account_id"),
        (r) => str(r, "product_id"),
      ),
    paymentMethodsOf: (keys) =>
      rowsByParent(
        query,
        "SELECT * FROM payment_method WHERE account_id = ANY($1::uuid[]) AND removed_at IS NULL ORDER BY account_id, created_at DESC, id",
        keys,
        (r) => str(r, "account_id"),
        paymentMethod,
      ),
    paymentMethodsByKeys: (keys) =>
      rowsByKeys(query, "SELECT * FROM payment_method WHERE id = ANY($1::uuid[]) AND removed_at IS NULL", keys, (r) => str(r, "id"), paymentMethod, { uuidKeys: true }),
  };
}
