// Throwaway check of the demo seed (delete when done).
import pg from "pg";
import { connectAndMigrate } from "./src/db/data-source.js";
import { startEmbeddedPostgres } from "./src/db/embedded-postgres.js";
import { seedDemoData } from "./src/db/seed/seed-demo-data.js";

const scale = Number(process.argv[2] ?? 1);
const server = await startEmbeddedPostgres({ dataDir: "/tmp/seed-pg-" + process.pid, port: 0, ephemeral: true });

const HASHES: Record<string, string> = {
  order: `select md5(string_agg(id::text || total::text || created_at::text || account_id::text, ',' order by number)) from "order"`,
  order_line: `select md5(string_agg(id::text || line_total::text || unit, ',' order by id)) from order_line`,
  product: `select md5(string_agg(id::text || sku || coalesce(barcode,'') || name || list_price::text || images::text, ',' order by sku)) from product`,
  account: `select md5(string_agg(id::text || code || email || coalesce(phone,'') || created_at::text || updated_at::text, ',' order by code)) from account`,
  invoice: `select md5(string_agg(id::text || number || status || amount_paid::text || due_date::text, ',' order by number)) from invoice`,
  payment: `select md5(string_agg(id::text || amount::text || paid_at::text, ',' order by id)) from invoice_payment`,
  quote: `select md5(string_agg(id::text || number || status || total::text || valid_until::text || coalesce(converted_order_id::text,''), ',' order by number)) from quote`,
  price: `select md5(string_agg(price_list_id::text || product_id::text || min_quantity || unit_price::text, ',' order by 1)) from price_list_entry`,
  inventory: `select md5(string_agg(product_id::text || warehouse_id::text || on_hand || reserved || coalesce(restock_date::text,'') || updated_at::text, ',' order by 1)) from inventory_level`,
  relation: `select md5(string_agg(product_id::text || related_id::text || kind || position, ',' order by 1)) from product_relation`,
  shipment: `select md5(string_agg(id::text || tracking_number || shipped_at::text, ',' order by id)) from shipment`,
};

const CHECKS: Record<string, string> = {
  counts: `select (select count(*) from warehouse) wh, (select count(*) from category) cat, (select count(*) from category where parent_id is not null) subcat,
    (select count(*) from product) prod, (select count(*) from account) acc, (select count(*) from account where parent_id is not null) children,
    (select count(*) from "order") ord, (select count(*) from order_line) lines, (select count(*) from shipment) ship, (select count(*) from invoice) inv,
    (select count(*) from invoice_payment) pay, (select count(*) from quote) qt, (select count(*) from quote_line) qlines`,
  productFlags: `select count(*) filter (where special_order) special, count(*) filter (where presell) presell, count(*) filter (where restricted) restricted,
    count(*) filter (where barcode is null) no_barcode, count(*) filter (where barcode !~ '^\\d{13}$') bad_barcode, min(jsonb_array_length(images)) min_img, max(jsonb_array_length(images)) max_img from product`,
  emptyCategories: `select count(*) from category c where not exists (select 1 from product_category pc where pc.category_id = c.id)`,
  productCategories: `select min(n), max(n) from (select count(*) n from product p join product_category pc on pc.product_id = p.id group by p.id) x`,
  units: `select code, factor, count(*) from product_unit group by 1, 2 order by 1, 2`,
  productsWithPacks: `select count(distinct product_id) from product_unit where code <> 'EA'`,
  breaks: `select count(distinct product_id) products, count(*) filter (where b.unit_price >= p.list_price) not_below from product_price_break b join product p on p.id = b.product_id`,
  kits: `select count(distinct kit_id) kits, min(n), max(n) from (select kit_id, count(*) n from kit_component group by 1) x`,
  relations: `select kind, count(*) from product_relation group by 1 order by 1`,
  selfRelations: `select count(*) from product_relation where product_id = related_id`,
  inventory: `select count(*) rows, count(*) filter (where on_hand = 0) zero, count(*) filter (where restock_date is not null) restock,
    count(*) filter (where restock_date is not null and on_hand = 0) restock_zero, count(*) filter (where reserved > on_hand) bad_reserved,
    count(*) filter (where restock_date <= '2026-11-01') bad_restock, max(on_hand) from inventory_level`,
  specialStock: `select count(*) filter (where i.on_hand > 0) stocked, count(*) from inventory_level i join product p on p.id = i.product_id where p.special_order`,
  groups: `select (select string_agg(code, ',' order by code) from customer_group) cg, (select count(*) from corporate_group) corp`,
  accounts: `select count(*) filter (where customer_group_id is not null) grp, count(*) filter (where corporate_group_id is not null) corp,
    count(*) filter (where password_hash is not null) pw, count(*) filter (where email <> lower(email)) upper_email, string_agg(distinct payment_terms, ',') terms,
    count(*) filter (where updated_at < created_at) bad_upd, max(updated_at) max_upd from account`,
  demo: `select a.code, a.email, a.name, g.code grp, (select count(*) from "order" o where o.account_id = a.id) orders,
    (select count(*) from invoice i where i.account_id = a.id) invoices, (select count(*) from quote q where q.account_id = a.id) quotes,
    (select count(*) from price_list pl where pl.account_id = a.id) own_lists from account a left join customer_group g on g.id = a.customer_group_id where a.code in ('C00001','C00002') order by 1`,
  refs: `select connector, count(*), min(external_id), max(external_id) from account_external_ref group by 1`,
  shipTos: `select min(n), max(n), min(d), max(d) from (select a.id, count(s.id) n, count(*) filter (where s.is_default) d from account a left join ship_to s on s.account_id = a.id group by a.id) x`,
  children: `select min(code), max(code), count(distinct parent_id) parents from account where parent_id is not null`,
  restricted: `select count(distinct account_id) accounts, count(*) from account_restricted_product`,
  priceLists: `select count(*) filter (where customer_group_id is not null) group_lists, count(*) filter (where account_id is not null) account_lists from price_list`,
  listEntries: `select pl.name, count(distinct e.product_id) products, count(*) filter (where e.min_quantity > 1) breaks,
    count(distinct e.product_id) filter (where e.min_quantity = 1) with_base from price_list pl join price_list_entry e on e.price_list_id = pl.id group by pl.name order by pl.name limit 6`,
  missingBase: `select count(*) from (select distinct price_list_id, product_id from price_list_entry) x where not exists (select 1 from price_list_entry e where e.price_list_id = x.price_list_id and e.product_id = x.product_id and e.min_quantity = 1)`,
  acmePrecedence: `select count(*) from account a join price_list pl on pl.account_id = a.id join price_list_entry e on e.price_list_id = pl.id and e.min_quantity = 1
    where a.code = 'C00001' and exists (select 1 from price_list g join price_list_entry ge on ge.price_list_id = g.id where g.customer_group_id = a.customer_group_id and ge.product_id = e.product_id)
    and exists (select 1 from product_price_break b where b.product_id = e.product_id)`,
  orders: `select kind, status, count(*) from "order" group by 1, 2 order by 1, 2`,
  orderDates: `select min(created_at) min_created, max(created_at) max_created, max(updated_at) max_updated, count(*) filter (where updated_at < created_at) bad_upd, count(*) filter (where external_number is not null) ext,
    min(number), max(number), count(*) filter (where date_trunc('second', created_at) <> created_at) subsecond from "order"`,
  orderNumbersByDate: `select count(*) from (select number, lag(created_at) over (order by number) prev, created_at from "order") x where prev > created_at`,
  orderMath: `select count(*) filter (where subtotal <> (select sum(line_total) from order_line l where l.order_id = o.id)) bad_sub,
    count(*) filter (where tax_total <> round(subtotal * 0.08, 2)) bad_tax, count(*) filter (where total <> subtotal + tax_total + shipping_total) bad_total,
    count(*) filter (where shipping_total > 25) bad_ship from "order" o`,
  lineMath: `select count(*) filter (where l.line_total <> l.unit_price * l.quantity) bad_total, count(*) filter (where l.sku <> p.sku) bad_sku,
    count(*) filter (where l.unit_price <> p.list_price * u.factor) bad_price, count(*) filter (where u.code is null) bad_unit, min(quantity), max(quantity), max(line_number)
    from order_line l join product p on p.id = l.product_id left join product_unit u on u.product_id = p.id and u.code = l.unit`,
  orderShipTo: `select count(*) from "order" o join ship_to s on s.id = o.ship_to_id where s.account_id <> o.account_id`,
  accountSpread: `select min(n), max(n), count(*) from (select account_id, count(*) n from "order" group by 1) x`,
  shipments: `select count(*) filter (where s.shipped_at <= o.created_at) bad_at, count(*) filter (where o.status not in ('SHIPPED','COMPLETED','RETURNED')) bad_status,
    max(s.shipped_at), string_agg(distinct carrier_code, ',') from shipment s join "order" o on o.id = s.order_id`,
  unshipped: `select count(*) from "order" o where o.status in ('SHIPPED','COMPLETED','RETURNED') and not exists (select 1 from shipment s where s.order_id = o.id)`,
  invoices: `select i.status, count(*), count(*) filter (where i.amount_paid <> coalesce((select sum(amount) from invoice_payment p where p.invoice_id = i.id), 0)) bad_paid,
    count(*) filter (where i.total <> o.total) bad_total, count(*) filter (where i.account_id <> o.account_id) bad_acc, count(*) filter (where i.issued_at < o.created_at or i.created_at <> i.issued_at) bad_issued
    from invoice i join "order" o on o.id = i.order_id group by 1 order by 1`,
  invoiceStatusRules: `select count(*) filter (where status = 'PAID' and amount_paid <> total) bad_paid, count(*) filter (where status = 'PARTIALLY_PAID' and not (amount_paid > 0 and amount_paid < total)) bad_part,
    count(*) filter (where status in ('OPEN','VOID') and amount_paid <> 0) bad_open, max(issued_at) max_issued from invoice`,
  invoiceOrders: `select o.status, count(*) from invoice i join "order" o on o.id = i.order_id group by 1 order by 1`,
  invoiceLines: `select count(*) filter (where il.description <> p.name) bad_desc, count(*) from invoice_line il join product p on p.id = il.product_id`,
  invoiceLineSum: `select count(*) from invoice i where i.total <> (select sum(line_total) from invoice_line l where l.invoice_id = i.id) + (select tax_total + shipping_total from "order" o where o.id = i.order_id)`,
  dueDates: `select a.payment_terms, count(*) filter (where i.due_date <> (i.issued_at at time zone 'UTC')::date + case a.payment_terms when 'NET15' then 15 when 'NET30' then 30 when 'NET60' then 60 else 0 end) bad from invoice i join account a on a.id = i.account_id group by 1`,
  payments: `select method, count(*), max(paid_at), count(*) filter (where p.paid_at < i.issued_at) bad_at from invoice_payment p join invoice i on i.id = p.invoice_id group by 1 order by 1`,
  quotes: `select status, count(*), min(valid_until), max(valid_until), count(converted_order_id) conv from quote group by 1 order by 1`,
  quoteMath: `select count(*) filter (where q.total <> (select sum(line_total) from quote_line l where l.quote_id = q.id)) bad_total,
    count(*) filter (where q.converted_order_id is not null and o.account_id <> q.account_id) bad_conv, count(*) filter (where q.converted_order_id is not null and o.created_at < q.created_at) conv_before,
    (select max(n) from (select count(*) n from quote_line group by quote_id) x) max_lines, max(q.created_at) from quote q left join "order" o on o.id = q.converted_order_id`,
  quoteLines: `select count(*) filter (where line_total <> unit_price * quantity) from quote_line`,
  timestampsFuture: `select (select count(*) from "order" where created_at > '2026-11-01' or updated_at > '2026-11-01') ord, (select count(*) from account where updated_at > '2026-11-01') acc,
    (select count(*) from product where updated_at > '2026-11-01') prod, (select count(*) from warehouse where created_at > '2026-11-01') wh`,
};

async function seedInto(url: string) {
  const ds = await connectAndMigrate({ url });
  const started = performance.now();
  const summary = await seedDemoData(ds, { scale, onProgress: (m) => console.log("  progress:", m) });
  const ms = Math.round(performance.now() - started);
  return { ds, summary, ms };
}

async function hashes(ds: Awaited<ReturnType<typeof connectAndMigrate>>) {
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(HASHES)) out[name] = ((await ds.query(sql)) as [{ md5: string }])[0].md5;
  return out;
}

try {
  const first = await seedInto(server.url);
  console.log("summary", first.summary, `${first.ms} ms`);
  for (const [name, sql] of Object.entries(CHECKS)) console.log(name, JSON.stringify(await first.ds.query(sql)));
  // Refuses a second run on a non-empty database.
  await seedDemoData(first.ds, { scale }).then(
    () => console.log("ERROR: second seed did not throw"),
    (e: Error) => console.log("second seed throws:", e.message),
  );
  const h1 = await hashes(first.ds);
  await first.ds.destroy();

  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`CREATE DATABASE seed_copy`);
  await client.end();
  const url2 = new URL(server.url);
  url2.pathname = "/seed_copy";
  const second = await seedInto(url2.toString());
  console.log("second run", `${second.ms} ms`);
  const h2 = await hashes(second.ds);
  await second.ds.destroy();
  for (const name of Object.keys(h1)) console.log(`hash ${name}: ${h1[name] === h2[name] ? "same" : "DIFFERENT"} ${h1[name]}`);
} finally {
  await server.stop();
}
