import { createServer } from "node:net";
import { portIsFree } from "@bakery/stack/wait-for-port";

/** A port nobody listens on, chosen by the kernel. */
export function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The first free port from `from` upward (web ports 3301+ by agreement; 3000, 3101, 3102 are others'). */
export async function firstFreePort(from: number, tries = 100): Promise<number> {
  for (let port = from; port < from + tries; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}..${from + tries - 1}`);
}
