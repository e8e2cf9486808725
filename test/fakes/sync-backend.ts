import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { InboundChangeInput } from "../../src/commands/inbound-changes.js";

/**
 * A small backend that keeps changes for us to fetch, page by page:
 * `GET /changes?page=N` answers `{ changes, total, last }` (pages counted from 1;
 * a page past the end is empty and last). It records every page asked for, can
 * fail one page once (HTTP 500) and can answer slowly.
 */
export class FakeSyncBackend {
  /** The pages asked for, in order. */
  readonly requested: number[] = [];
  /** Fail this page once with HTTP 500 (then serve it). */
  failPageOnce: number | null = null;
  /** Wait this long before answering. */
  delayMs = 0;
  url = "";
  private server: Server | null = null;

  constructor(readonly pages: InboundChangeInput[][]) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const page = Number(new URL(request.url ?? "/", "http://fake").searchParams.get("page"));
      this.requested.push(page);
      const answer = () => {
        if (this.failPageOnce === page) {
          this.failPageOnce = null;
          response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "backend failure" }));
          return;
        }
        const changes = this.pages[page - 1] ?? [];
        const total = this.pages.reduce((sum, p) => sum + p.length, 0);
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ changes, total, last: page >= this.pages.length }));
      };
      if (this.delayMs > 0) setTimeout(answer, this.delayMs);
      else answer();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
