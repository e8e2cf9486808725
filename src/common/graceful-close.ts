import type { FastifyInstance } from "fastify";

/** How often idle keep-alive connections are closed while the server drains. */
const IDLE_CHECK_MS = 100;

/**
 * Prepares an orderly close of the HTTP server (call before it listens) and
 * returns the function that closes it: it stops accepting connections, lets the
 * requests under way finish, answers them with `Connection: close`, and closes
 * each connection once it is idle. Without that, a client's keep-alive
 * connection would hold the close until its idle timeout (72 s).
 */
export function gracefulClose(app: FastifyInstance): () => Promise<void> {
  let closing = false;
  app.addHook("onSend", async (_request, reply) => {
    if (closing) void reply.header("connection", "close");
  });
  return async () => {
    closing = true;
    const idle = setInterval(() => app.server.closeIdleConnections(), IDLE_CHECK_MS);
    try {
      await app.close();
    } finally {
      clearInterval(idle);
    }
  };
}
