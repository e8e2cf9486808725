/** Identity of an object read from a connector: which connector, and its key there. */
export interface SourceRef {
  /** Connector name (from the config), for example `store`. */
  source: string;
  /** The connector's key for the object. */
  key: string;
}

/** Which connector's sync or pushed change last wrote a record, and when (null: never written from a backend). */
export interface RecordSourceModel {
  connector: string;
  syncedAt: Date;
}

/** A postal address. */
export interface AddressModel {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  countryCode: string;
}

export type { MoneyModel } from "../common/money.js";
