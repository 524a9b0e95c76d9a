import { createConnection, createServer } from "node:net";
import { PortInUseError } from "./stack-errors";
import { waitUntil, type WaitOptions } from "./wait-until";

function portAcceptsConnections(port: number, host = "127.0.0.1", timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export function waitForPort(
  port: number,
  opts: Omit<WaitOptions, "what"> & { what?: string; host?: string },
): Promise<void> {
  const host = opts.host ?? "127.0.0.1";
  return waitUntil(() => portAcceptsConnections(port, host), {
    ...opts,
    what: opts.what ?? `${host}:${port} to accept connections`,
  });
}

/** Binding is the only reliable test: a connect test misses a port held by a server that is still starting. */
export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export type PortClaim = {
  port: number;
  what: string;
  envVar?: string;
};

export async function assertPortsFree(claims: readonly PortClaim[]): Promise<void> {
  for (const claim of claims) {
    if (!(await portIsFree(claim.port))) throw new PortInUseError(claim.port, claim.what, claim.envVar);
  }
}
