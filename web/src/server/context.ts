import { createKafka, createPublisher, ensureTopics } from "@bakery/shared/kafka";
import { createLogger } from "@bakery/shared/logger";
import { connectMongo } from "@bakery/shared/mongo";
import { topicsFromEnv } from "@bakery/shared/env";
import { webEnv } from "./env";
import { createMenuStore } from "./menu-store";
import { createOrderDispatcher } from "./order-dispatcher";
import { createOrderWriter } from "./order-writer";
import { startOrderFeed } from "./order-feed";
import { startOrderProjector } from "./order-projector";
import { ensureIndexes, waiterCollections } from "./waiter-db";

async function createContext() {
  const env = webEnv();
  const log = createLogger(env.LOG_LEVEL, { service: "web" });
  const topics = topicsFromEnv(env);
  const { client, db } = await connectMongo(env.MONGODB_URL, env.WAITER_DB);
  const c = waiterCollections(db);
  await ensureIndexes(c);
  const menu = await createMenuStore(c);

  const kafka = createKafka({ brokers: env.KAFKA_BROKERS, clientId: env.KAFKA_CLIENT_ID ?? "web", log });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, Object.values(topics), env.TOPIC_PARTITIONS);
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const publisher = createPublisher(producer);

  const dispatcher = createOrderDispatcher({ c, publisher, topics, log });
  const orderWriter = createOrderWriter(c);
  const [projector, feed] = await Promise.all([
    startOrderProjector({
      kafka,
      groupId: env.WAITER_GROUP_ID,
      sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
      partitions: env.TOPIC_PARTITIONS,
      c,
      publisher,
      topics,
      log,
    }),
    startOrderFeed({ kafka, topic: topics.orderUpdates, log }),
  ]);
  log.info("web ready", { topics, db: env.WAITER_DB });

  return {
    env,
    log,
    topics,
    kafka,
    c,
    menu,
    publisher,
    dispatcher,
    orderWriter,
    feed,
    async close() {
      dispatcher.stop();
      await Promise.allSettled([projector.stop(), feed.stop()]);
      await producer.disconnect();
      await client.close();
    },
  };
}
export type WebContext = Awaited<ReturnType<typeof createContext>>;

// Route handlers and instrumentation are separate bundles in Next: the one context per
// process lives on globalThis, not in module state.
const holder = globalThis as typeof globalThis & { __bakeryContext?: Promise<WebContext> };

export function getContext(): Promise<WebContext> {
  holder.__bakeryContext ??= createContext().catch((err: unknown) => {
    holder.__bakeryContext = undefined;
    throw err;
  });
  return holder.__bakeryContext;
}

export async function closeContext(): Promise<void> {
  const context = holder.__bakeryContext;
  holder.__bakeryContext = undefined;
  if (context) await (await context).close();
}
