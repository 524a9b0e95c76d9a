import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ignoreForwardedHeadersFromClients } from "./forwarded-headers";

/** Sends one request with forwarded headers to a real HTTP server; returns the headers its handler saw. */
async function headersSeen(): Promise<IncomingHttpHeaders> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    seen = { ...req.headers };
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) =>
    httpRequest(
      {
        port,
        host: "127.0.0.1",
        headers: { "X-Forwarded-For": "6.6.6.6", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example" },
      },
      (res) => res.resume().on("end", resolve),
    )
      .on("error", reject)
      .end(),
  );
  await new Promise((resolve) => server.close(resolve));
  return seen;
}

describe("forwarded headers from clients", () => {
  // In this order: installing the hook cannot be undone in this process.
  it("are left alone behind a trusted proxy", async () => {
    ignoreForwardedHeadersFromClients(1);
    expect(await headersSeen()).toMatchObject({ "x-forwarded-for": "6.6.6.6", "x-forwarded-proto": "https" });
  });

  it("are dropped before any handler sees them when no proxy is trusted", async () => {
    ignoreForwardedHeadersFromClients(0);
    ignoreForwardedHeadersFromClients(0);
    const seen = await headersSeen();
    expect(seen["x-forwarded-for"]).toBeUndefined();
    expect(seen["x-forwarded-proto"]).toBeUndefined();
    expect(seen["x-forwarded-host"]).toBeUndefined();
    expect(seen.host).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
