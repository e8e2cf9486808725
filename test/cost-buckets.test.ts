import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { connectAndMigrate } from "../src/db/data-source.js";
import { CostBuckets } from "../src/security/cost-buckets.js";

let dataSource: DataSource;
/** Statements sent to PostgreSQL through `counted`. */
let statements = 0;
let counted: DataSource;
beforeAll(async () => {
  dataSource = await connectAndMigrate({ url: inject("databaseUrl"), poolSize: 2 });
  counted = { query: (...args: Parameters<DataSource["query"]>) => (statements++, dataSource.query(...args)) } as DataSource;
});
afterAll(() => dataSource.destroy());

/** What the shared bucket holds now. */
async function shared(key: string): Promise<number> {
  const [row] = (await dataSource.query(`SELECT tokens FROM rate_limit_bucket WHERE key = $1`, [key])) as Array<{ tokens: number }>;
  return row!.tokens;
}

// A restore rate so slow that nothing refills during a test.
const quota = (requests: number) => ({ requests, perSeconds: requests * 1e6 });

describe("cost buckets", () => {
  it("an occasional principal pays exactly its cost, one statement a query", async () => {
    const buckets = new CostBuckets(counted, quota(1000));
    const key = `test:${randomUUID()}`;
    statements = 0;
    expect(await buckets.take(key, 30)).toMatchObject({ allowed: true });
    expect(statements).toBe(1);
    expect(await shared(key)).toBeCloseTo(970, 1);
  });

  it("a busy principal draws ahead: far fewer statements than queries, and not one token lost or made up", async () => {
    const buckets = new CostBuckets(counted, quota(100_000));
    const key = `test:${randomUUID()}`;
    statements = 0;
    let spent = 0;
    for (let i = 0; i < 200; i++) {
      expect((await buckets.take(key, 10)).allowed).toBe(true);
      spent += 10;
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(statements).toBeLessThan(100);
    // What left the shared bucket is what was spent plus what this process still holds, no more.
    const level = await shared(key);
    const held = (await buckets.refund(key, 0)) - level; // the level this process knows: the shared one plus its lease (floored)
    expect(Math.abs(100_000 - level - (spent + held))).toBeLessThanOrEqual(1);
  });

  it("never lets a principal past its bucket: a lease the bucket cannot give falls back to the exact cost", async () => {
    const buckets = new CostBuckets(counted, quota(100));
    const key = `test:${randomUUID()}`;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await buckets.take(key, 30));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false, false]);
    expect(answers[3]!.retryAfterMs).toBeGreaterThan(0);
  });

  it("a refund goes to this process's lease up to a tenth of the bucket, the rest back to the shared bucket", async () => {
    const buckets = new CostBuckets(counted, quota(1000));
    const key = `test:${randomUUID()}`;
    await buckets.take(key, 50);
    await buckets.refund(key, 40);
    statements = 0;
    expect((await buckets.take(key, 40)).allowed).toBe(true);
    expect(statements).toBe(0);
    expect(await shared(key)).toBeCloseTo(950, 1);
    // A large refund: the lease ends holding at most a tenth (100), the shared bucket gets the rest.
    await buckets.take(key, 500);
    await buckets.refund(key, 500);
    expect(await shared(key)).toBeCloseTo(850, 1);
  });

  it("queries at once of one principal take one lease between them, not one each", async () => {
    const buckets = new CostBuckets(counted, quota(10_000));
    const key = `test:${randomUUID()}`;
    await buckets.take(key, 10);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await Promise.all(Array.from({ length: 20 }, () => buckets.take(key, 10)));
    // 21 queries of 10, and at most one lease of a tenth (1,000) left the shared bucket.
    expect(10_000 - (await shared(key))).toBeLessThanOrEqual(210 + 1000 + 1);
  });
});
