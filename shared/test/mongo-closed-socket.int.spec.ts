import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, expect, it } from "vitest";
import type { MongoClient } from "mongodb";
import { connectMongo } from "../src/mongo";

/**
 * The driver's connections and server monitor, reached the only way a test can reach them. What
 * the tests do to them is what Node does when the server goes away: the socket is destroyed at
 * once, and 'close' is told in a later turn of the event loop.
 */
type DriverConnection = { socket: Socket };
type DriverServer = {
  pool: { connections: Iterable<DriverConnection> };
  monitor: { connection: DriverConnection | null; requestCheck(): void };
};
const serverOf = (client: MongoClient) =>
  [
    ...(client as unknown as { topology: { s: { servers: Map<string, DriverServer> } } }).topology.s.servers.values(),
  ][0] as DriverServer;

const url = process.env.MONGODB_URL;
if (!url) throw new Error("MONGODB_URL is not set: run these tests with `npm test` (it starts the database)");
const clients: MongoClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close(true)));
});

async function openThings() {
  const { client, db } = await connectMongo(url as string, `closed-socket-${process.pid}-${Date.now()}`);
  clients.push(client);
  const things = db.collection<{ _id: string }>("things");
  await things.insertOne({ _id: "bread" });
  return { client, things };
}

/** How a promise ended within `ms`: "settled" (either way) or "hung". */
const within = (ms: number, promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      () => "settled",
      () => "settled",
    ),
    sleep(ms).then(() => "hung"),
  ]);

it("a read sent on a connection whose socket was just destroyed is retried on a new one, not left waiting for ever", async () => {
  const { client, things } = await openThings();
  for (const connection of serverOf(client).pool.connections) connection.socket.destroy();

  const read = things.findOne({ _id: "bread" });
  expect(await within(5000, read)).toBe("settled");
  expect(await read).toEqual({ _id: "bread" });
});

it("the server monitor keeps checking the server after its socket was destroyed under it", async () => {
  const { client, things } = await openThings();
  const server = serverOf(client);
  // The monitor checks at once on a dead socket it does not know is dead; then operations fail,
  // which marks the server unknown, and only a finished check makes it selectable again.
  server.monitor.connection?.socket.destroy();
  server.monitor.requestCheck();
  for (const connection of server.pool.connections) connection.socket.destroy();
  await within(3000, things.findOne({ _id: "bread" }));

  const deadline = Date.now() + 15_000;
  let found: unknown;
  while (Date.now() < deadline && !found)
    found = await Promise.race([things.findOne({ _id: "bread" }).catch(() => undefined), sleep(3000)]);
  expect(found).toEqual({ _id: "bread" });
});
