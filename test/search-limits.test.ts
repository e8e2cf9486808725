import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildRouter } from "../src/connectors/build-router.js";
import { DEFAULT_CONNECTORS_CONFIG } from "../src/connectors/connectors-config.js";
import { PRODUCT_SEARCH_INDEX_SQL, ProductSearchIndex1700000000009 } from "../src/db/migrations/1700000000009-product-search-index.js";
import type { Router } from "../src/connectors/router.js";
import { copyDatabase, dropDatabase } from "./support/databases.js";
import { lockTable, until, type TableLock } from "./support/table-lock.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

// GraphQL stays in raw strings here on purpose (search words and costs built at run time): not typed documents.

/**
 * Search cannot pin the database: its words are bounded and deduplicated and
 * served by a trigram index; a statement that runs too long is cancelled by
 * PostgreSQL, one whose caller gave up is cancelled by us, and neither counts
 * as the store failing (its circuit stays closed for everyone else).
 */

const PRODUCTS = `query($search: String) { products(first: 5, filter: { search: $search }) { totalCount nodes { sku } } }`;

describe("search words", () => {
  let server: TestServer;
  let router: Router;
  let word: string;
  beforeAll(async () => {
    server = await startTestServer({ router: (dataSource) => (router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource)) });
    const [row] = (await server.dataSource.query(`SELECT name FROM product WHERE sku = 'SKU-00007'`)) as Array<{ name: string }>;
    word = row!.name.split(" ").at(-1)!;
  });
  afterAll(() => server.close());

  it.each([
    ["5,000 one-letter words", "a ".repeat(5000), "at most 200 characters"],
    ["201 characters", "x".repeat(201), "at most 200 characters"],
    ["11 different words", "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo", "at most 10 different words"],
  ])("a search of %s is BAD_USER_INPUT naming filter.search, and no connector is asked", async (_, search, message) => {
    const before = router.healthOf("store")!.calls;
    const response = await server.gql(PRODUCTS, { search });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter.search" });
    expect(response.errors?.[0]?.message).toContain(message);
    expect(router.healthOf("store")!.calls).toBe(before);
  });

  it("the account search has the same limits", async () => {
    const response = await server.gql(`query($s: String) { accounts(filter: { search: $s }) { nodes { code } } }`, { s: "a ".repeat(5000) }, server.adminKey);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter.search" });
  });

  it("10 different words and 200 characters are allowed", async () => {
    const ten = "alpha bravo charlie delta echo foxtrot golf hotel india juliet";
    expect((await server.gql(PRODUCTS, { search: ten })).errors).toBeUndefined();
    expect((await server.gql(PRODUCTS, { search: `${word} `.repeat(200).slice(0, 200) })).errors).toBeUndefined();
  });

  it("repeated words, in any case, and words inside another are searched once: one condition per distinct word, the same products", async () => {
    const plain = await server.gql(PRODUCTS, { search: word });
    expect(plain.data!.products.totalCount).toBeGreaterThan(0);
    server.statements.reset();
    const repeated = await server.gql(PRODUCTS, { search: `${word} ${word.toUpperCase()} ${word.toLowerCase()} ${word.slice(0, 3)} ${word}` });
    expect(repeated.data).toEqual(plain.data);
    const page = server.statements.statements.find((sql) => sql.includes("FROM product p") && sql.includes("ORDER BY"))!;
    expect(page.match(/ILIKE/g)).toHaveLength(1);
  });

  it("the search statement is served by the trigram index on name and SKU", async () => {
    server.statements.reset();
    await server.gql(PRODUCTS, { search: word });
    const count = server.statements.statements.find((sql) => sql.includes("count(*)") && sql.includes("FROM product p"))!;
    const runner = server.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      // The demo catalog is small enough to scan; without scans the planner shows whether the index serves the statement.
      await runner.query(`SET LOCAL enable_seqscan = off`);
      const plan = (await runner.query(`EXPLAIN ${count}`, [`%${word}%`])) as Array<{ "QUERY PLAN": string }>;
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("product_search_trgm_idx");
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

describe("statements that run too long or for nobody", () => {
  let databaseUrl: string;
  let lock: TableLock;
  beforeAll(async () => {
    const template = inject("writeTemplateUrl");
    databaseUrl = await copyDatabase(template, `search_${process.pid}_${randomBytes(3).toString("hex")}`, new URL(template).pathname.slice(1));
  });
  afterAll(() => dropDatabase(databaseUrl));

  const lockProducts = async () => void (lock = await lockTable(databaseUrl, "product"));
  const unlock = () => lock.release();
  const waitingReads = () => lock.waiting("%FROM product p%");

  it("a read past the statement timeout is QUERY_TIMEOUT, and five of them do not open the store's circuit", async () => {
    let router!: Router;
    const server = await startTestServer({ databaseUrl, statementTimeoutMs: 300, router: (dataSource) => (router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource)) });
    await lockProducts();
    try {
      for (let i = 0; i < 6; i++) {
        const response = await server.gql(`{ products(first: 1) { nodes { sku } } }`);
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TIMEOUT", connector: "store" });
      }
      expect(router.healthOf("store")).toMatchObject({ circuit: "CLOSED", failures: 0 });
    } finally {
      await unlock();
    }
    expect((await server.gql(`{ products(first: 1) { nodes { sku } } }`)).errors).toBeUndefined();
    await server.close();
  });

  it("a read is cancelled when its client goes away, and that is no failure of the store", async () => {
    let router!: Router;
    const server = await startTestServer({ databaseUrl, router: (dataSource) => (router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource)) });
    await server.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = server.app.server.address() as AddressInfo;
    await lockProducts();
    try {
      const request = http.request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json" } });
      request.on("error", () => undefined);
      request.end(JSON.stringify({ query: `{ products(first: 1) { nodes { sku } } }` }));
      const [pid] = await until(async () => (await waitingReads()).length === 1 && waitingReads(), "the read waits for the lock");
      request.destroy();
      // Cancelled while the lock is still held: its connection is idle again, back in the pool.
      await until(async () => (await lock.observe(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'idle'`, [pid])).length === 1, "the read is cancelled");
      expect(router.healthOf("store")).toMatchObject({ circuit: "CLOSED", failures: 0, calls: 1 });
    } finally {
      await unlock();
      await server.close();
    }
  });

  it("a read is cancelled when its request runs out of time: REQUEST_CANCELLED, answered while the lock is still held", async () => {
    let router!: Router;
    const server = await startTestServer({ databaseUrl, security: { requestTimeoutMs: 1000 }, router: (dataSource) => (router = buildRouter(DEFAULT_CONNECTORS_CONFIG, dataSource)) });
    await lockProducts();
    try {
      const response = await server.gql(`{ products(first: 1) { nodes { sku } } }`);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "REQUEST_CANCELLED", connector: "store" });
      expect(await waitingReads()).toEqual([]);
      expect(router.healthOf("store")).toMatchObject({ circuit: "CLOSED", failures: 0 });
    } finally {
      await unlock();
      await server.close();
    }
  });
});

describe("the search index where pg_trgm may not be created", () => {
  it("the migration does not fail: it warns with the statements for an administrator, and search works without the index", async () => {
    const template = inject("writeTemplateUrl");
    const databaseUrl = await copyDatabase(template, `trgm_${process.pid}_${randomBytes(3).toString("hex")}`, new URL(template).pathname.slice(1));
    const role = `cg_no_extensions_${randomBytes(3).toString("hex")}`;
    const server = await startTestServer({ databaseUrl });
    const runner = server.dataSource.createQueryRunner();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      // A server where this database has no pg_trgm yet, and the role that migrates may not create extensions.
      await runner.query(`DROP EXTENSION pg_trgm CASCADE`);
      await runner.query(`CREATE ROLE ${role} NOLOGIN`);
      await runner.startTransaction();
      await runner.query(`SET LOCAL ROLE ${role}`);
      await new ProductSearchIndex1700000000009().up(runner);
      await runner.commitTransaction();
      await until(async () => warnings.length > 0, "the warning is emitted");
      expect(warnings[0]!.message).toContain("CREATE EXTENSION pg_trgm;");
      expect(warnings[0]!.message).toContain(PRODUCT_SEARCH_INDEX_SQL);
      expect(await runner.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'product_search_trgm_idx'`)).toEqual([]);
      const response = await server.gql(PRODUCTS, { search: "sku-0001" });
      expect(response.data!.products.totalCount).toBe(10);
    } finally {
      process.off("warning", onWarning);
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.query(`DROP ROLE IF EXISTS ${role}`);
      await runner.release();
      await server.close();
      await dropDatabase(databaseUrl);
    }
  });
});
