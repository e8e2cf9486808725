import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { requireAdmin } from "../../auth/access.js";
import { isIsoDate } from "../../common/arguments.js";
import { isUuid, parseGlobalId } from "../../common/ids.js";
import { fromCents, toCents } from "../../common/money.js";
import { computedAmountError, INPUT_LIMITS, InputCheck, TEXT_LIMITS } from "../../common/input-limits.js";
import { STORE } from "../../connectors/store/store-connector.js";
import { storeAccountOf } from "../account/store-account.js";
import { lockInventoryRows } from "../warehouse/inventory-locks.js";
import type { RequestContext } from "../../context.js";
import { enqueueCommand } from "../../outbox/enqueue.js";
import { productNamed, warehouseNamed } from "../command/input-lookups.js";
import { runIdempotent, UserErrors, type MutationOutcome, type UserErrorModel } from "../../outbox/idempotency.js";

/** A free line as clients send it. */
interface LineInput {
  productId?: string | null;
  sku?: string | null;
  description?: string | null;
  quantity: number;
  unitPrice: string;
  warehouseId?: string | null;
}

/** The `input` of `invoiceRegister`. */
export interface InvoiceRegisterInput {
  orderId?: string | null;
  accountId?: string | null;
  lines?: readonly LineInput[] | null;
  dueDate?: string | null;
  paymentStatus?: string | null;
  paymentMethod?: string | null;
}

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
  const [order] = (await manager.query(`SELECT account_id, number, status FROM "order" WHERE id = $1 FOR UPDATE`, [orderKey])) as Array<{ account_id: string; number: string; status: string }>;
  if (!order) throw new UserErrors([{ field: ["input", "orderId"], message: "No such order.", code: "NOT_FOUND" }]);
  if (order.status === "CANCELLED") throw new UserErrors([{ field: ["input", "orderId"], message: "A cancelled order cannot be invoiced.", code: "INVALID_STATE" }]);
  const [invoiced] = (await manager.query(`SELECT number FROM invoice WHERE order_id = $1 AND status <> 'VOID' LIMIT 1`, [orderKey])) as Array<{ number: string }>;
  if (invoiced) throw new UserErrors([{ field: ["input", "orderId"], message: `Order ${order.number} is already invoiced (${invoiced.number}).`, code: "INVALID_STATE" }]);
  const rows = (await manager.query(
    `SELECT l.product_id, l.sku, coalesce(p.name, l.sku) AS description, l.quantity - l.cancelled_quantity AS quantity, l.unit_price::text AS unit_price,
            l.warehouse_id, (l.quantity - l.cancelled_quantity) * coalesce(u.factor, 1) AS base_units, l.reserved_quantity
     FROM order_line l LEFT JOIN product p ON p.id = l.product_id LEFT JOIN product_unit u ON u.product_id = l.product_id AND u.code = l.unit
     WHERE l.order_id = $1 AND l.quantity > l.cancelled_quantity ORDER BY l.line_number`,
    [orderKey],
  )) as Array<Record<string, unknown>>;
  const lines = rows.map((r) => ({
    productId: (r.product_id as string | null) ?? null,
    sku: (r.sku as string | null) ?? null,
    description: String(r.description),
    quantity: Number(r.quantity),
    unitPrice: String(r.unit_price),
    warehouseId: (r.warehouse_id as string | null) ?? null,
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
async function freeLines(ctx: RequestContext, lines: readonly LineInput[]): Promise<BillLine[]> {
  const errors: UserErrorModel[] = [];
  if (lines.length < 1 || lines.length > 100) errors.push({ field: ["input", "lines"], message: "An invoice needs 1 to 100 lines.", code: "INVALID" });
  const bill: BillLine[] = [];
  for (const [index, line] of lines.entries()) {
    const field = ["input", "lines", String(index)];
    const product = await productNamed(ctx, line);
    if ((line.productId != null || line.sku != null) && !product) errors.push({ field: [...field, line.productId != null ? "productId" : "sku"], message: "No such product.", code: "NOT_FOUND" });
    if (!product && !line.description?.trim()) errors.push({ field: [...field, "description"], message: "A line without a product needs a description.", code: "INVALID" });
    if (!Number.isInteger(line.quantity) || line.quantity < 1) errors.push({ field: [...field, "quantity"], message: "At least 1.", code: "INVALID" });
    if (!/^\d+(\.\d{1,2})?$/.test(line.unitPrice)) errors.push({ field: [...field, "unitPrice"], message: "A price is zero or more, with at most two decimals.", code: "INVALID" });
    const warehouse = line.warehouseId != null ? await warehouseNamed(ctx, line.warehouseId) : null;
    if (line.warehouseId != null && !warehouse) errors.push({ field: [...field, "warehouseId"], message: "No such warehouse.", code: "NOT_FOUND" });
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
      throw new UserErrors([{ field: ["input"], message: "Give orderId, or accountId with lines.", code: "INVALID" }]);
    }
    const status = input.paymentStatus ?? "OPEN";
    if (status !== "OPEN" && status !== "PAID") throw new UserErrors([{ field: ["input", "paymentStatus"], message: "A new invoice is OPEN or PAID.", code: "INVALID" }]);
    if (input.dueDate != null && !isIsoDate(input.dueDate)) throw new UserErrors([{ field: ["input", "dueDate"], message: "Not a calendar date.", code: "INVALID" }]);

    let accountKey: string;
    let orderKey: string | null = null;
    let lines: BillLine[];
    if (input.orderId != null) {
      const gid = parseGlobalId(input.orderId);
      if (gid?.type !== "Order" || gid.connector !== STORE || !isUuid(gid.key)) throw new UserErrors([{ field: ["input", "orderId"], message: "No such order.", code: "NOT_FOUND" }]);
      orderKey = gid.key;
      ({ accountKey, lines } = await orderLines(manager, gid.key));
    } else {
      const gid = parseGlobalId(input.accountId!);
      const account = gid?.type === "Account" ? await storeAccountOf(ctx, { source: gid.connector, key: gid.key }) : null;
      if (!account) throw new UserErrors([{ field: ["input", "accountId"], message: "No such account.", code: "NOT_FOUND" }]);
      accountKey = account.key;
      lines = await freeLines(ctx, input.lines ?? []);
    }
    const [account] = (await manager.query(`SELECT code, payment_terms, currency_code FROM account WHERE id = $1`, [accountKey])) as Array<{ code: string; payment_terms: string; currency_code: string }>;
    const warehouseCodes = new Map(
      ((await manager.query(`SELECT id, code FROM warehouse WHERE id = ANY($1::uuid[])`, [lines.map((l) => l.warehouseId).filter(Boolean)])) as Array<{ id: string; code: string }>).map((w) => [w.id, w.code]),
    );
    const total = lines.reduce((sum, line) => sum + toCents(line.unitPrice) * BigInt(line.quantity), 0n);
    const tooMuch = computedAmountError(total, ["input", input.orderId != null ? "orderId" : "lines"], "The invoice's total");
    if (tooMuch) throw new UserErrors([tooMuch]);
    const id = randomUUID();
    const [{ number }] = (await manager.query(`SELECT 'INV-' || nextval('invoice_number_seq') AS number`)) as [{ number: string }];
    await manager.query(
      `INSERT INTO invoice (id, number, account_id, order_id, status, currency_code, total, amount_paid, due_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::date, current_date + $10::int))`,
      [id, number, accountKey, orderKey, status, account!.currency_code, fromCents(total), status === "PAID" ? fromCents(total) : "0", input.dueDate ?? null, TERMS_DAYS[account!.payment_terms] ?? 30],
    );
    await lockInventoryRows(manager, lines.map((line) => ({ productKey: line.productId, warehouseKey: line.warehouseId })));
    for (const [index, line] of lines.entries()) {
      await manager.query(
        `INSERT INTO invoice_line (invoice_id, line_number, product_id, sku, description, quantity, unit_price, line_total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, index + 1, line.productId, line.sku, line.description, line.quantity, line.unitPrice, fromCents(toCents(line.unitPrice) * BigInt(line.quantity))],
      );
      if (line.productId && line.warehouseId) {
        await manager.query(
          `UPDATE inventory_level SET on_hand = greatest(on_hand - $3, 0), reserved = greatest(reserved - $4, 0), updated_at = now() WHERE product_id = $1 AND warehouse_id = $2`,
          [line.productId, line.warehouseId, line.baseUnits, line.reserved],
        );
      }
    }
    if (orderKey) await manager.query(`UPDATE order_line SET reserved_quantity = 0 WHERE order_id = $1`, [orderKey]);
    if (status === "PAID" && total > 0n) {
      await manager.query(`INSERT INTO invoice_payment (invoice_id, amount, method) VALUES ($1, $2, $3)`, [id, fromCents(total), input.paymentMethod?.trim() || "UNSPECIFIED"]);
    }
    const commandId = await enqueueCommand(manager, ctx.router, {
      type: "invoiceRegister",
      aggregateId: id,
      idempotencyKey,
      principal,
      payload: {
        number,
        accountCode: account!.code,
        orderId: orderKey,
        status,
        total: fromCents(total),
        lines: lines.map(({ sku, description, quantity, unitPrice, warehouseId }) => ({ sku, description, quantity, unitPrice, warehouseCode: warehouseId ? warehouseCodes.get(warehouseId) : null })),
      },
    });
    await manager.query(`UPDATE invoice SET last_command_id = $2 WHERE id = $1`, [id, commandId]);
    return { entityKey: id, commandId, userErrors: [] };
  });
}
