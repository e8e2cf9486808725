import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { requireAdmin } from "../../auth/access.js";
import { isIsoDate } from "../../common/arguments.js";
import { isUuid, parseGlobalId } from "../../common/ids.js";
import { fromCents, toCents } from "../../common/money.js";
import { computedAmountError, INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { failWith, userError, UserErrors, type UserErrorModel } from "../../common/user-errors.js";
import { STORE } from "../../connectors/store/store-connector.js";
import * as accounts from "../../connectors/store/tables/accounts.js";
import * as invoices from "../../connectors/store/tables/invoices.js";
import * as inventory from "../../connectors/store/tables/inventory.js";
import * as orders from "../../connectors/store/tables/orders.js";
import * as warehouses from "../../connectors/store/tables/warehouses.js";
import type { RequestContext } from "../../context.js";
import type { InvoiceLineInput, InvoiceRegisterInput } from "../../generated/graphql.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { runIdempotent, type MutationOutcome } from "../../outbox/idempotency.js";
import { storeAccountOf } from "../account/store-account.js";
import { productNamed, warehouseNamed } from "../command/input-lookups.js";

/** A line ready to bill: what it is, how many base units leave which warehouse. */
interface BillLine {
  productId: string | null;
  sku: string | null;
  description: string;
  quantity: number;
  unitPrice: string;
  warehouseId: string | null;
  baseUnits: number;
  /** Units this line's order line had reserved, released when the goods leave. */
  reserved: number;
}

const TERMS_DAYS: Record<string, number> = { NET15: 15, NET30: 30, NET60: 60, PREPAID: 0 };

/** The open lines of an order, billed at their prices; an order is invoiced once. */
async function orderLines(manager: EntityManager, orderKey: string): Promise<{ accountKey: string; number: string; lines: BillLine[] }> {
  const order = await orders.lockOrderToBill(manager, orderKey);
  if (!order) failWith("NOT_FOUND", ["input", "orderId"], "No such order.");
  if (order.status === "CANCELLED") failWith("INVALID_STATE", ["input", "orderId"], "A cancelled order cannot be invoiced.");
  const invoiced = await invoices.liveNumberOfOrder(manager, orderKey);
  if (invoiced !== undefined) failWith("INVALID_STATE", ["input", "orderId"], `Order ${order.number} is already invoiced (${invoiced}).`);
  const rows = await orders.billableLinesOfOrder(manager, orderKey);
  const lines = rows.map((r) => ({
    productId: r.product_id ?? null,
    sku: r.sku ?? null,
    description: String(r.description),
    quantity: Number(r.quantity),
    unitPrice: r.unit_price,
    warehouseId: r.warehouse_id ?? null,
    baseUnits: Number(r.base_units),
    reserved: Number(r.reserved_quantity),
  }));
  return { accountKey: order.account_id, number: order.number, lines };
}

/** Checks `invoiceRegister`'s input against its maxima (see `input-limits.ts`); each free line's total too. */
function checkInvoiceRegisterInput(input: InvoiceRegisterInput): void {
  const check = new InputCheck()
    .id(input.orderId, ["input", "orderId"])
    .id(input.accountId, ["input", "accountId"])
    .text(input.paymentMethod, ["input", "paymentMethod"], TEXT_LIMITS.provider)
    .list(input.lines, ["input", "lines"], 1, INPUT_LIMITS.lines);
  if ((input.lines?.length ?? 0) <= INPUT_LIMITS.lines) {
    input.lines?.forEach((line, index) => {
      const field = ["input", "lines", String(index)];
      check
        .id(line.productId, [...field, "productId"])
        .text(line.sku, [...field, "sku"], TEXT_LIMITS.code)
        .text(line.description, [...field, "description"], TEXT_LIMITS.lineDescription)
        .quantity(line.quantity, [...field, "quantity"])
        .money(line.unitPrice, [...field, "unitPrice"], INPUT_LIMITS.priceCents)
        .id(line.warehouseId, [...field, "warehouseId"]);
    });
  }
  check.done();
}

/** Validates free lines and resolves their products and warehouses. */
async function freeLines(ctx: RequestContext, lines: readonly InvoiceLineInput[]): Promise<BillLine[]> {
  const errors: UserErrorModel[] = [];
  if (lines.length < 1 || lines.length > 100) errors.push(userError("INVALID", ["input", "lines"], "An invoice needs 1 to 100 lines."));
  const bill: BillLine[] = [];
  for (const [index, line] of lines.entries()) {
    const field = ["input", "lines", String(index)];
    const product = await productNamed(ctx, line);
    if ((line.productId != null || line.sku != null) && !product) errors.push(userError("NOT_FOUND", [...field, line.productId != null ? "productId" : "sku"], "No such product."));
    if (!product && !line.description?.trim()) errors.push(userError("INVALID", [...field, "description"], "A line without a product needs a description."));
    if (!Number.isInteger(line.quantity) || line.quantity < 1) errors.push(userError("INVALID", [...field, "quantity"], "At least 1."));
    if (!/^\d+(\.\d{1,2})?$/.test(line.unitPrice)) errors.push(userError("INVALID", [...field, "unitPrice"], "A price is zero or more, with at most two decimals."));
    const warehouse = line.warehouseId != null ? await warehouseNamed(ctx, line.warehouseId) : null;
    if (line.warehouseId != null && !warehouse) errors.push(userError("NOT_FOUND", [...field, "warehouseId"], "No such warehouse."));
    bill.push({
      productId: product?.key ?? null,
      sku: product?.sku ?? line.sku ?? null,
      description: line.description?.trim() || product?.name || "",
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      warehouseId: warehouse?.key ?? null,
      baseUnits: line.quantity,
      reserved: 0,
    });
  }
  if (errors.length > 0) throw new UserErrors(errors);
  return bill;
}

/**
 * `invoiceRegister` (admin): bills an order's open lines or free lines; the goods
 * leave the warehouses named on the lines (stock on hand goes down, and what the
 * order had reserved is released). `PAID` records the payment at once.
 */
export async function registerInvoice(ctx: RequestContext, input: InvoiceRegisterInput, idempotencyKey: string): Promise<MutationOutcome> {
  requireAdmin(ctx.principal, "register invoices");
  return runIdempotent(ctx, "invoiceRegister", idempotencyKey, input, async (manager, principal, ctx) => {
    checkInvoiceRegisterInput(input);
    if ((input.orderId == null) === (input.accountId == null) || (input.orderId != null && input.lines != null)) {
      failWith("INVALID", ["input"], "Give orderId, or accountId with lines.");
    }
    const status = input.paymentStatus ?? "OPEN";
    if (status !== "OPEN" && status !== "PAID") failWith("INVALID", ["input", "paymentStatus"], "A new invoice is OPEN or PAID.");
    if (input.dueDate != null && !isIsoDate(input.dueDate)) failWith("INVALID", ["input", "dueDate"], "Not a calendar date.");

    let accountKey: string;
    let orderKey: string | null = null;
    let lines: BillLine[];
    if (input.orderId != null) {
      const gid = parseGlobalId(input.orderId);
      if (gid?.type !== "Order" || gid.connector !== STORE || !isUuid(gid.key)) failWith("NOT_FOUND", ["input", "orderId"], "No such order.");
      orderKey = gid.key;
      ({ accountKey, lines } = await orderLines(manager, gid.key));
    } else {
      const gid = parseGlobalId(input.accountId!);
      const account = gid?.type === "Account" ? await storeAccountOf(ctx, { source: gid.connector, key: gid.key }) : null;
      if (!account) failWith("NOT_FOUND", ["input", "accountId"], "No such account.");
      accountKey = account.key;
      lines = await freeLines(ctx, input.lines ?? []);
    }
    const account = (await accounts.billingOf(manager, accountKey))!;
    const warehouseCodes = await warehouses.warehouseCodes(
      manager,
      lines.flatMap((l) => (l.warehouseId ? [l.warehouseId] : [])),
    );
    const total = lines.reduce((sum, line) => sum + toCents(line.unitPrice) * BigInt(line.quantity), 0n);
    const tooMuch = computedAmountError(total, ["input", input.orderId != null ? "orderId" : "lines"], "The invoice's total");
    if (tooMuch) throw new UserErrors([tooMuch]);
    const id = randomUUID();
    const number = await invoices.nextNumber(manager);
    await invoices.insert(manager, {
      id,
      number,
      accountId: accountKey,
      orderId: orderKey,
      status,
      currencyCode: account.currency_code,
      total: fromCents(total),
      amountPaid: status === "PAID" ? fromCents(total) : "0",
      dueDate: input.dueDate ?? null,
      termsDays: TERMS_DAYS[account.payment_terms] ?? 30,
    });
    await inventory.lockLevels(manager, lines.map((line) => ({ productKey: line.productId, warehouseKey: line.warehouseId })));
    for (const [index, line] of lines.entries()) {
      await invoices.insertLine(manager, {
        invoiceId: id,
        lineNumber: index + 1,
        productId: line.productId,
        sku: line.sku,
        description: line.description,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        lineTotal: fromCents(toCents(line.unitPrice) * BigInt(line.quantity)),
      });
      if (line.productId && line.warehouseId) await inventory.shipFromStock(manager, line.productId, line.warehouseId, line.baseUnits, line.reserved);
    }
    if (orderKey) await orders.releaseOrderReservations(manager, orderKey);
    if (status === "PAID" && total > 0n) {
      // A payment taken on the spot has no reference.
      await invoices.insertPayment(manager, { invoiceId: id, amount: fromCents(total), method: input.paymentMethod?.trim() || "UNSPECIFIED", reference: null });
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "invoiceRegister",
      aggregateId: id,
      idempotencyKey,
      principal,
      dependsOn: [{ aggregateType: "Account", aggregateId: accountKey }, ...(orderKey ? [{ aggregateType: "Order" as const, aggregateId: orderKey }] : [])],
      payload: {
        number,
        accountCode: account.code,
        orderId: orderKey,
        status,
        total: fromCents(total),
        lines: lines.map(({ sku, description, quantity, unitPrice, warehouseId }) => ({ sku, description, quantity, unitPrice, warehouseCode: warehouseId ? warehouseCodes.get(warehouseId) : null })),
      },
    });
    await invoices.setLastCommand(manager, id, commandId);
    return { entityKey: id, commandId, userErrors: [] };
  });
}
