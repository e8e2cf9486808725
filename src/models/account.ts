import type { AddressModel, RecordSourceModel, SourceRef } from "./common.js";

/** An account as connectors return it. */
export interface AccountModel extends SourceRef {
  code: string;
  name: string;
  email: string;
  phone: string | null;
  externalReferences: Array<{ connector: string; externalId: string }>;
  customerGroup: { code: string; name: string } | null;
  corporateGroup: { code: string; name: string } | null;
  defaultWarehouseKey: string | null;
  parentKey: string | null;
  paymentTerms: string;
  currencyCode: string;
  createdAt: Date;
  /** The latest command a mutation made for this account, if any. */
  lastCommandId?: string | null;
  /** When the account was deleted (it keeps its history). */
  deletedAt?: Date | null;
  /** The connector whose sync or pushed change last wrote it, and when; null when none did (or the reader does not know). */
  synced?: RecordSourceModel | null;
}

/** A ship-to address of an account. */
export interface ShipToModel extends SourceRef {
  accountKey: string;
  erpShipToId: string | null;
  name: string;
  address: AddressModel;
  isDefault: boolean;
}

/** Filter of the account list. */
export interface AccountFilterModel {
  search?: string | null;
  customerGroupCode?: string | null;
  parentKey?: string | null;
}

/** Sort keys of the account list. */
export type AccountSort = "CODE" | "NAME" | "CREATED_AT";

/** A payment method saved on an account (the token itself is never shown). */
export interface PaymentMethodModel extends SourceRef {
  accountKey: string;
  provider: string;
  brand: string | null;
  last4: string | null;
  expiryMonth: number | null;
  expiryYear: number | null;
  createdAt: Date;
}
