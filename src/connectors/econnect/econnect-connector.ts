import type { ApplyResult, CommandWriter, OutboxCommand } from "../connector.js";
import type { DataSource } from "typeorm";
import type { KindConnector } from "../kind.js";
import { PermanentDeliveryError } from "../errors.js";
import { econnectClient, isNotFound, type EconnectCall, type EconnectOptions } from "./econnect-client.js";
import { econnectAccountReader, econnectCatalogReader, econnectInventoryReader } from "./econnect-readers.js";
import { econnectSyncSources } from "./econnect-sync.js";
import type { EconnectWalk } from "./econnect-walk-settings.js";

export type { EconnectOptions } from "./econnect-client.js";

/** The commands this connector applies. */
export const ECONNECT_APPLIES = [
  "accountCreate",
  "accountUpdate",
  "accountDelete",
  "productUpdate",
  "inventorySet",
  "invoiceRegister",
  "invoicePaymentRecord",
  "orderPlace",
  "quoteConvertToOrder",
] as const;

/**
 * The Nikrad eConnect XML command API: reads accounts (`account.list/get`),
 * products and stock (`inventory.list/get`), and applies account, stock,
 * invoice and new-order commands (an order is registered as an invoice, as the
 * guide advises). The guide offers no command that reads invoices or
 * orders, so those domains cannot be routed to it. Its `catalog` and
 * `inventory` syncs walk `inventory.list` into the store (`econnect-sync.ts`).
 */
export function createEconnectConnector(options: EconnectOptions, sync: { walk: EconnectWalk; dataSource: DataSource }): KindConnector {
  const call = econnectClient(options);
  return {
    readers: {
      accounts: econnectAccountReader(call, options),
      catalog: econnectCatalogReader(call, options),
      inventory: econnectInventoryReader(call, options),
    },
    writer: econnectWriter(call, options.name),
    sync: econnectSyncSources(call, {
      name: options.name,
      walk: sync.walk,
      warehouseCode: options.warehouseCode ?? "MAIN",
      currencyCode: options.currencyCode ?? "USD",
      dataSource: sync.dataSource,
    }),
  };
}

/**
 * Applies outbox commands. eConnect has no idempotency keys, so each mapping is
 * made safe to repeat: `invoice.register` carries the key as `ref`, an
 * `account.add` that finds the account already there (same CID) answers with
 * that account's id, and `set` commands write absolute values.
 */
function econnectWriter(call: EconnectCall, name: string): CommandWriter {
  /** The eConnect id of an account by its CID, or null. */
  async function accountId(cid: string): Promise<string | null> {
    try {
      const packet = await call("account.get", [["cid", cid]]);
      return String((packet.data as { account: Array<{ id: string }> }).account[0]!.id);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async function requireAccountId(cid: string): Promise<string> {
    const id = await accountId(cid);
    if (!id) throw new PermanentDeliveryError(`${name} has no account with CID ${cid}`);
    return id;
  }

  const apply = async (command: OutboxCommand): Promise<ApplyResult> => {
    switch (command.type) {
      case "accountCreate": {
        const p = command.payload;
        const existing = await accountId(p.code);
        if (existing) return { reference: existing };
        const packet = await call("account.add", [["cid", p.code], ["name", p.name], ["email", p.email], ["phone", p.phone], ["group", p.customerGroupCode]]);
        return { reference: String((packet.data as { id: string }).id) };
      }
      case "accountUpdate": {
        const p = command.payload;
        const id = await requireAccountId(p.code);
        await call("account.set", [["id", id], ["name", p.name], ["email", p.email], ["phone", p.phone], ["group", p.customerGroupCode]]);
        return { reference: id };
      }
      case "accountDelete": {
        const id = await accountId(command.payload.code);
        if (id) await call("account.del", [["id", id]]);
        return { reference: id };
      }
      case "productUpdate": {
        const p = command.payload;
        await call("inventory.set", [["code", p.sku], ["name", p.name], ["price", p.listPrice]]);
        return { reference: p.sku };
      }
      case "inventorySet": {
        const p = command.payload;
        await call("inventory.set", [["code", p.sku], ["onhand", p.onHand]]);
        return { reference: p.sku };
      }
      case "invoiceRegister": {
        const p = command.payload;
        const rows = p.lines.flatMap(({ sku, quantity, unitPrice, warehouseCode }): Array<[string, string | number]> => (sku ? [["code", sku], ["qty", quantity], ["price", unitPrice], ["store", warehouseCode ?? ""]] : []));
        const packet = await call("invoice.register", [["cid", p.accountCode], ["ref", command.idempotencyKey], ["paid", p.status === "PAID" ? p.total : "0"], ...rows]);
        const data = packet.data as { id: string; number: string };
        return { reference: String(data.id), details: { number: String(data.number) } };
      }
      // The guide registers online orders as sales invoices: an order goes to the ERP as an unpaid invoice.
      case "orderPlace":
      case "quoteConvertToOrder": {
        const p = command.payload;
        const rows = p.lines.flatMap((l): Array<[string, string | number]> => [["code", l.sku], ["qty", l.quantity], ["price", l.unitPrice], ["store", ""]]);
        const packet = await call("invoice.register", [["cid", p.accountCode], ["ref", command.idempotencyKey], ["paid", "0"], ...rows]);
        return { reference: String((packet.data as { id: string }).id) };
      }
      case "invoicePaymentRecord": {
        const p = command.payload;
        if (!command.previousReference) throw new PermanentDeliveryError(`${name} has no invoice for ${p.invoiceNumber}: it was never registered there`);
        await call("invoice.set", [["id", command.previousReference], ["paid", p.amountPaid]]);
        return { reference: command.previousReference };
      }
      default:
        throw new PermanentDeliveryError(`${name} cannot apply ${command.type}`);
    }
  };
  return { applies: ECONNECT_APPLIES, apply };
}
