import { context, diag, DiagLogLevel, propagation, trace } from "@opentelemetry/api";
import type { Logger } from "../logger.js";


/** The service name spans are reported under, unless `OTEL_SERVICE_NAME` says otherwise. */
export const DEFAULT_SERVICE_NAME = "commerce-graph";

/**
 * Where spans are sent, from the standard variables: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 * as it is, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`. `undefined` (tracing off)
 * when neither is set or `OTEL_SDK_DISABLED=true`.
 */
export function tracesEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return undefined;
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim().replace(/\/+$/, "");
  const url = traces || (base ? `${base}/v1/traces` : undefined);
  if (url && !URL.canParse(url)) throw new Error(`Invalid configuration:\n  OTEL_EXPORTER_OTLP_${traces ? "TRACES_" : ""}ENDPOINT: not a URL: ${url}`);
  return url;
}

/**
 * Starts OpenTelemetry tracing when {@link tracesEndpoint} names a collector:
 * a Node tracer provider (AsyncLocalStorage context, W3C propagation) that
 * batches spans to it over OTLP/HTTP (JSON). Off, it registers nothing and does
 * not even load the SDK, so the `@opentelemetry/api` calls stay no-ops.
 * Resolves to a shutdown that flushes the spans still buffered (a collector
 * that does not answer is logged, not thrown) and unregisters everything (safe
 * to call twice).
 */
export async function startTracing(env: NodeJS.ProcessEnv, logger: Logger): Promise<() => Promise<void>> {
  const url = tracesEndpoint(env);
  if (!url) return async () => {};
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { defaultResource, resourceFromAttributes }, { ATTR_SERVICE_NAME }] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/semantic-conventions"),
  ]);
  const serviceName = env.OTEL_SERVICE_NAME?.trim() || DEFAULT_SERVICE_NAME;
  // The SDK reports failed exports through `diag`: into the log, as warnings.
  const log = logger.child({ component: "tracing" });
  const warn = (message: string, ...args: unknown[]) => log.warn({ details: args.length ? args.map((arg) => (arg instanceof Error ? arg.message : arg)) : undefined }, message);
  diag.setLogger({ error: warn, warn, info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  log.info({ endpoint: url, serviceName }, "OpenTelemetry tracing on");
  let stopped: Promise<void> | undefined;
  return () =>
    (stopped ??= provider
      .shutdown()
      .catch((error: unknown) => log.warn({ err: error }, "could not send the last spans"))
      .finally(() => {
        trace.disable();
        context.disable();
        propagation.disable();
        diag.disable();
      }));
}

