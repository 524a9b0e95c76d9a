import { createServer } from "node:net";
import { portIsFree } from "./wait-for-port";

/** A port the OS just handed out and we released: free unless something races us for it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The first free port from `from` upward, for services a person may want to find at a known port. */
export async function firstFreePort(from: number, tries = 100): Promise<number> {
  for (let port = from; port < from + tries; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}..${from + tries - 1}`);
}
