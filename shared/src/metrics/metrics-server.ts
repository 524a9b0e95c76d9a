import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";
import type { Logger } from "../logger";

/**
 * A worker's metrics endpoint: `GET /metrics` in Prometheus text format on a port of its
 * own. A port already taken (two workers on one machine) is logged, not fatal: metrics
 * must never stop a station from cooking.
 */
export function serveMetrics(registry: Registry, options: { port: number; host: string; log: Logger }): Server {
  const server = createServer((request, response) => {
    if (request.method !== "GET" || request.url?.split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      (err: unknown) => {
        options.log.warn("metrics scrape failed", { err });
        response.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n");
      },
    );
  });
  server.on("error", (err) => options.log.warn("metrics port not available", { port: options.port, err }));
  server.listen(options.port, options.host, () =>
    options.log.info("metrics served", { url: `http://${options.host}:${options.port}/metrics` }),
  );
  server.unref();
  return server;
}
