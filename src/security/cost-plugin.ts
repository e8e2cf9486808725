import type { ApolloServerPlugin } from "@apollo/server";
import { getVariableValues, GraphQLError, Kind, type FragmentDefinitionNode } from "graphql";
import type { DataSource } from "typeorm";
import { clientAddress } from "../auth/api-keys.js";
import { ConcurrencyLimit } from "./concurrency-limit.js";
import { CostBuckets } from "./cost-buckets.js";
import type { RequestContext } from "../context.js";
import { apqRegistrationBytes, apqRegistrationCost } from "./persisted-queries.js";
import { operationCost } from "./query-cost.js";
import type { SecurityOptions } from "./security-options.js";
import { throttledAddressOf } from "../common/ip-address.js";

/** The cost report a response carries in `extensions.cost`. */
interface CostReport {
  requested: number;
  actual: number | null;
  throttle: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** Whose bucket a request draws from: the API key, the customer's account, or else the client's address. */
function bucketKey(ctx: RequestContext): string {
  const principal = ctx.principal;
  if (principal.kind === "API_KEY") return `cost:key:${principal.keyId}`;
  if (principal.kind === "CUSTOMER") return `cost:account:${principal.account.source}:${principal.account.key}`;
  const address = clientAddress(ctx.clientIp);
  // An IPv6 client usually holds a whole /64: one bucket for all of it.
  return `cost:ip:${throttledAddressOf(address)}`;
}

/**
 * Query cost and throttling: refuses a request when its principal already has
 * as many in flight as it may (`THROTTLED`, HTTP 429 with `Retry-After`; see
 * {@link ConcurrencyLimit}), computes an operation's cost before it runs — plus,
 * when it registers an automatic persisted query, the document's size (see
 * `apqRegistrationCost`) — refuses one over `maxCost` (`MAX_COST_EXCEEDED`,
 * HTTP 400), takes it from the principal's bucket — kept in PostgreSQL so every
 * replica shares it, drawn ahead a little by a busy principal (see
 * {@link CostBuckets}) — and refuses when the bucket is short (`THROTTLED`,
 * HTTP 429 with `Retry-After`). After execution the difference between what
 * was asked for and what the response holds is given back (never the
 * registration's part), and `extensions.cost` reports both.
 */
export function costPlugin(dataSource: DataSource, options: Pick<SecurityOptions, "maxCost" | "costBucket" | "maxConcurrent" | "apqMaxBytes">): ApolloServerPlugin<RequestContext> {
  const { maximumAvailable, restoreRate } = options.costBucket;
  const buckets = new CostBuckets(dataSource, { requests: maximumAvailable, perSeconds: maximumAvailable / restoreRate });
  const inFlight = new ConcurrencyLimit();
  return {
    async requestDidStart() {
      let report: CostReport | null = null;
      let bucket: string | null = null;
      let slot: string | null = null;
      let registrationCost = 0;
      let fragments: Record<string, FragmentDefinitionNode> = {};
      let variables: Record<string, unknown> = {};
      return {
        // Runs even when no operation resolves (an unknown `operationName`, several operations and none named):
        // Apollo Server still registers the document afterwards, so the registration is charged and the slot counted.
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const principal = bucketKey(contextValue);
          const limit = contextValue.principal.kind === "API_KEY" ? options.maxConcurrent.perApiKey : options.maxConcurrent.perClient;
          if (!inFlight.tryAcquire(principal, limit)) {
            throw new GraphQLError(`Too many requests at once: this client may have ${limit} in flight, and has. Send the next one when one has been answered.`, {
              extensions: { code: "THROTTLED", concurrency: { limit }, http: { status: 429, headers: new Map([["retry-after", "1"]]) } },
            });
          }
          slot = principal;
          fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
          // Variables as execution will see them (defaults applied); when they do not coerce, execution refuses them anyway.
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
          variables = coerced.coerced ?? request.variables ?? {};
          // Registering a persisted query stores its document: charged by size, over the limit refused.
          registrationCost = apqRegistrationCost(apqRegistrationBytes(request, options.apqMaxBytes));
          // Every request costs at least 1, so that none is free to repeat; one without an operation runs nothing else.
          const requested = Math.max(1, (operation ? operationCost(schema, operation, fragments, variables) : 0) + registrationCost);
          const throttle = { maximumAvailable, currentlyAvailable: maximumAvailable, restoreRate };
          if (!Number.isFinite(requested) || requested > options.maxCost) {
            throw new GraphQLError(`This query would cost ${requested}; the most one query may cost is ${options.maxCost}. Ask for fewer items (smaller first/last), fewer fields, counts or search words.`, {
              extensions: { code: "MAX_COST_EXCEEDED", cost: { requested, actual: null, throttle }, http: { status: 400 } },
            });
          }
          bucket = principal;
          const take = await buckets.take(bucket, requested);
          report = { requested, actual: null, throttle: { ...throttle, currentlyAvailable: take.available } };
          if (!take.allowed) {
            const seconds = Math.max(1, Math.ceil(take.retryAfterMs / 1000));
            throw new GraphQLError(`Throttled: this query costs ${requested} and ${take.available} is available now; it restores at ${restoreRate} per second. Retry in ${seconds} s.`, {
              extensions: { code: "THROTTLED", cost: report, http: { status: 429, headers: new Map([["retry-after", String(seconds)]]) } },
            });
          }
        },
        async willSendResponse({ response, operation, schema }) {
          if (slot) inFlight.release(slot);
          slot = null;
          if (!report || !bucket || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          // Refunds only for a response without errors: a subtree nulled by an error was still resolved.
          if (operation && result.data && !result.errors?.length) {
            const used = operationCost(schema, operation, fragments, variables, result.data) + registrationCost;
            report.actual = Math.max(1, Math.min(report.requested, used));
            if (report.actual < report.requested) report.throttle.currentlyAvailable = await buckets.refund(bucket, report.requested - report.actual);
          }
          result.extensions = { ...result.extensions, cost: report };
        },
      };
    },
  };
}
