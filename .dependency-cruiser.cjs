/**
 * Import boundaries of src/ (`npm run deps`, part of `npm test`).
 *
 * The layers, bottom to top; a module imports only from its own layer or below:
 *   1. infrastructure and vocabulary: src/generated, src/common, src/db, src/models, src/commands, src/logger.ts
 *   2. connectors:                    src/connectors (contract, router, resilience, every kind incl. the store's tables)
 *   3. outbox:                        src/outbox (enqueue, idempotency, relay, delivery)
 *   4. auth and domains:              src/auth, src/domains
 *   5. edges:                         src/security, src/observability, src/cache
 *   6. assembly:                      src/app.ts, src/schema.ts, src/main.ts, src/config.ts, src/loaders.ts, src/scheduled-tasks.ts
 * src/context.ts holds the request context's TYPE only: any layer may import it as a type
 * (`import type`), and it imports types only.
 *
 * There is no list of known violations: a new import that breaks a rule fails `npm test`.
 *
 * Type-only imports: they vanish when TypeScript compiles, so they cannot change what
 * loads in which order. They are still arrows, so every rule below counts them unless
 * its comment says why a type-only import is acceptable there (then the rule carries
 * `dependencyTypesNot: ["type-only"]`).
 */

/** Layer 1: infrastructure and shared vocabulary. */
const INFRASTRUCTURE = ["^src/generated/", "^src/common/", "^src/db/", "^src/models/", "^src/commands/", "^src/logger\\.ts$"];
const CONNECTORS = "^src/connectors/";
const OUTBOX = "^src/outbox/";
const AUTH_AND_DOMAINS = ["^src/auth/", "^src/domains/"];
const EDGES = ["^src/security/", "^src/observability/", "^src/cache/"];
const ASSEMBLY = "^src/(app|schema|main|config|loaders|scheduled-tasks)\\.ts$";
const CONTEXT = "^src/context\\.ts$";
const PRINCIPAL = "^src/auth/principal\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle-outside-context",
      severity: "error",
      comment:
        "No cycles, of any import. Type-only cycles are acceptable through the request context's type and the resolver " +
        "types generated from the schema only: the context names every domain's loaders (context.ts → loaders.ts → a " +
        "domain → context.ts) and the generated types name the context and the models they map to; both are types only " +
        "(rules below), so nothing of such a cycle runs. Cycles of runtime imports are checked once more, on a graph " +
        "without type-only imports, by .dependency-cruiser-runtime.cjs (the second half of `npm run deps`).",
      from: {},
      to: { circular: true, viaOnly: { pathNot: `${CONTEXT}|^src/generated/` } },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve would make every other rule pass without looking: it must be fixed (or the resolver taught).",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "context-is-type-only",
      severity: "error",
      comment: "context.ts is the request context's type; what builds a context (loaders, the transaction's context) lives in loaders.ts, above every layer.",
      from: { path: CONTEXT },
      to: { dependencyTypesNot: ["type-only"] },
    },
    {
      name: "context-imported-as-type",
      severity: "error",
      comment: "Any layer may name the request context, as a type (`import type`): importing context.ts at run time would pull the loaders of every domain below them.",
      from: {},
      to: { path: CONTEXT, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "generated-imports-types-only",
      severity: "error",
      comment: "The resolver types generated from the schema (codegen's `useTypeImports`) name the context and the models as types; they run nothing of ours.",
      from: { path: "^src/generated/" },
      to: { path: "^src/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "infrastructure-imports-nothing-above",
      severity: "error",
      comment:
        "common, db, models, generated, commands and the logger are the bottom layer: they import only each other (and the context's type). " +
        "Two exceptions, each with its own rule: the generated resolver types name the models they map to (types only, see " +
        "generated-imports-types-only), and the demo seed (src/db/seed/), a command that main.ts runs: it may use auth (password hashing) like the assembly does.",
      from: { path: INFRASTRUCTURE, pathNot: ["^src/generated/", "^src/db/seed/"] },
      to: { path: [CONNECTORS, OUTBOX, ...AUTH_AND_DOMAINS, ...EDGES, ASSEMBLY] },
    },
    {
      name: "connectors-import-no-outbox-domains-or-above",
      severity: "error",
      comment: "Connectors talk to backends; the outbox, the domains, auth and everything above use them, never the other way round.",
      from: { path: CONNECTORS },
      to: { path: [OUTBOX, ...AUTH_AND_DOMAINS, ...EDGES, ASSEMBLY] },
    },
    {
      name: "outbox-imports-no-domains-auth-or-above",
      severity: "error",
      comment: "The outbox delivers commands; domains enqueue them and hand the relay their scheduled tasks (scheduled-tasks.ts), never the other way round.",
      from: { path: OUTBOX },
      to: { path: [...AUTH_AND_DOMAINS, ...EDGES, ASSEMBLY], pathNot: PRINCIPAL },
    },
    {
      name: "outbox-imports-principal-as-type",
      severity: "error",
      comment:
        "Type-only import acceptable: idempotency keys are scoped by who asks, so the outbox names auth's Principal type " +
        "(which the request context it receives names anyway); it never runs auth's code.",
      from: { path: OUTBOX },
      to: { path: PRINCIPAL, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "domains-and-auth-import-nothing-above",
      severity: "error",
      comment: "Domains and auth sit below the HTTP edges (security, observability, cache) and the assembly (app, schema, main, config, loaders).",
      from: { path: AUTH_AND_DOMAINS },
      to: { path: [...EDGES, ASSEMBLY] },
    },
    {
      name: "edges-import-no-assembly",
      severity: "error",
      comment: "security, observability and cache are plugins and routes that the assembly (app, schema, main, config, loaders) puts together.",
      from: { path: EDGES },
      to: { path: ASSEMBLY },
    },
    {
      name: "no-orphans",
      severity: "error",
      comment: "A module nothing imports and that imports nothing is dead code (the entry point, src/main.ts, imports plenty).",
      from: { orphan: true, pathNot: "\\.d\\.ts$" },
      to: {},
    },
    {
      name: "src-imports-no-tests",
      severity: "error",
      comment: "Code under src/ never loads test code (fakes, harnesses).",
      from: { path: "^src/", pathNot: "\\.test\\.ts$" },
      to: { path: "^test/" },
    },
  ],
  options: {
    // Every import of src/ is followed; packages are recorded, not entered.
    doNotFollow: { path: "node_modules" },
    // `import type` counts as an arrow (type-only) instead of disappearing.
    tsPreCompilationDeps: true,
    // Resolves the `.js` suffix of our imports to the `.ts` file, as TypeScript's NodeNext does.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
