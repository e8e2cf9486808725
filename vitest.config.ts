import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for Apollo and graphql-tools; load the same one for our code,
    // so there is one graphql instance, as in production (`instanceof GraphQLError` holds across them).
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    // Integration tests in test/, named after the schema field family or concern they cover; unit tests of pure logic
    // beside their module in src/ (`src/outbox/backoff.test.ts`). Nothing in src/ imports a test file, so `npm start` never loads one.
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Read tests share one seeded database read-only; tests that write get a copy of their own.
    fileParallelism: true,
  },
});
