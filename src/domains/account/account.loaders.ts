import type { Router } from "../../connectors/router.js";
import { keyLoader, refLoader } from "../../common/loaders.js";
import type { AccountModel, PaymentMethodModel, ShipToModel } from "../../models/account.js";

/** Per-request loaders for accounts. */
export function createAccountLoaders(router: Router) {
  const accounts = (source: string) => router.readerOf("accounts", source);
  return {
    account: refLoader<AccountModel | null>((source, keys) => accounts(source).byKeys(keys)),
    accountByEmail: keyLoader<AccountModel | null>((emails) => router.firstFound("accounts", emails, (reader, keys) => reader.byEmails(keys))),
    accountByCode: keyLoader<AccountModel | null>((codes) => router.firstFound("accounts", codes, (reader, keys) => reader.byCodes(keys))),
    /** By code in one named connector: `{ source, key: code }` (matching an account across connectors). */
    accountByCodeIn: refLoader<AccountModel | null>((source, codes) => accounts(source).byCodes(codes)),
    /** By e-mail in one named connector: `{ source, key: email }`. */
    accountByEmailIn: refLoader<AccountModel | null>((source, emails) => accounts(source).byEmails(emails)),
    shipTo: refLoader<ShipToModel | null>((source, keys) => accounts(source).shipTosByKeys(keys)),
    shipTosOfAccount: refLoader<ShipToModel[]>((source, keys) => accounts(source).shipTosOf(keys)),
    subAccounts: refLoader<AccountModel[]>((source, keys) => accounts(source).subAccountsOf(keys)),
    restrictedProductKeys: refLoader<string[]>((source, keys) => accounts(source).restrictedProductKeysOf(keys)),
    paymentMethodsOfAccount: refLoader<PaymentMethodModel[]>((source, keys) => accounts(source).paymentMethodsOf(keys)),
    paymentMethod: refLoader<PaymentMethodModel | null>((source, keys) => accounts(source).paymentMethodsByKeys(keys)),
  };
}
