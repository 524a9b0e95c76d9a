/**
 * The bare HTTP ceiling server as a process of its own (like `next start`).
 * Usage: tsx ceiling-http-main.ts <port> <mongodb url> <db> <brokers> <foods> <drinks> <order-updates>
 */
import { Kafka, logLevel } from "kafkajs";
import { connectMongo } from "@bakery/shared/mongo";
import { createBareOrderServer } from "./ceiling-http";

async function main(): Promise<void> {
  const [port, mongoUrl, dbName, brokers, foods, drinks, orderUpdates] = process.argv.slice(2);
  if (!port || !mongoUrl || !dbName || !brokers || !foods || !drinks || !orderUpdates)
    throw new Error("usage: ceiling-http-main.ts <port> <mongodb url> <db> <brokers> <foods> <drinks> <order-updates>");
  const { client, db } = await connectMongo(mongoUrl, dbName);
  const producer = new Kafka({
    clientId: "bench-bare-http",
    brokers: brokers.split(","),
    logLevel: logLevel.WARN,
  }).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const server = await createBareOrderServer({ db, producer, topics: { foods, drinks, orderUpdates } });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(port), "127.0.0.1", () => process.stdout.write(`bare order server on 127.0.0.1:${port}\n`));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([producer.disconnect(), client.close()]).then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`bare server failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
