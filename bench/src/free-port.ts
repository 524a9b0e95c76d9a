import { portIsFree } from "@bakery/stack/wait-for-port";

/** The first free port from `from` upward (web ports 3301+ by agreement; 3000, 3101, 3102 are others'). */
export async function firstFreePort(from: number, tries = 100): Promise<number> {
  for (let port = from; port < from + tries; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}..${from + tries - 1}`);
}
