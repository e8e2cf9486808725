import type { ApolloServerPlugin } from "@apollo/server";
import { SpanKind, SpanStatusCode, context, trace, type Span } from "@opentelemetry/api";
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from "@opentelemetry/semantic-conventions";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { TRACER_NAME } from "../common/tracer-name.js";

/**
 * One server span per GraphQL request at `path`, named
 * `graphql <operationType> <operationName>` once Apollo has resolved the
 * operation, with `graphql.operation.type`, `graphql.operation.name`,
 * `request.id` and the HTTP status. Apollo's hooks cannot wrap execution, so
 * the span is started, and made the active context for everything that runs
 * for the request (resolvers, DataLoaders, connector calls: their spans become
 * its children), by a Fastify `preHandler` hook, and ended by `onResponse`.
 * With a batch of operations (`GRAPHQL_BATCHING=on`) the span is the request's
 * and is named after its first operation. While tracing is off the hooks only
 * check that, and the Apollo plugin adds no listener.
 */
export function tracingPlugin(fastify: FastifyInstance, path = "/graphql"): ApolloServerPlugin {
  const spans = new WeakMap<FastifyRequest, Span>();
  const named = new WeakSet<Span>();
  fastify.addHook("preHandler", (request, _reply, done) => {
    if (request.routeOptions.url !== path || request.method === "OPTIONS") return done();
    const span = trace.getTracer(TRACER_NAME).startSpan("graphql", {
      kind: SpanKind.SERVER,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: request.method, [ATTR_HTTP_ROUTE]: path, "request.id": String(request.id) },
    });
    if (!span.isRecording()) return done();
    spans.set(request, span);
    // The rest of the request (the handler, Apollo, every resolver) runs in this context.
    context.with(trace.setSpan(context.active(), span), done);
  });
  fastify.addHook("onResponse", (request, reply, done) => {
    const span = spans.get(request);
    if (span) {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${reply.statusCode}` });
      span.end();
    }
    done();
  });
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation || named.has(span)) return;
          named.add(span);
          span.updateName(`graphql ${operation.operation}${operationName ? ` ${operationName}` : ""}`);
          span.setAttributes({ "graphql.operation.type": operation.operation, "graphql.operation.name": operationName ?? "" });
        },
        async didEncounterErrors({ errors }) {
          const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR")))];
          span.setAttribute("graphql.error.codes", codes);
          span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message });
        },
      };
    },
  };
}
