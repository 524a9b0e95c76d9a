import { createKafka, createPublisher, ensureTopics } from "@bakery/shared/kafka";
import { createLogger } from "@bakery/shared/logger";
import { connectMongo } from "@bakery/shared/mongo";
import { topicsFromEnv } from "@bakery/shared/env";
import { webEnv } from "./env";
import { judgeHealth, probe } from "./health";
import { createMenuStore } from "./menu-store";
import { createOrderDispatcher } from "./order-dispatcher";
import { createOrderBook } from "./order-book";
import { startOrderFeed } from "./order-feed";
import { startOrderProjector } from "./order-projector";
import { ensureIndexes, waiterCollections } from "./waiter-db";
import { isOrderEvent, type StationEvent } from "@bakery/shared/events";
import { ensureControlTopic } from "./control-topic";
import { startDecisionTimeouts } from "./decision-timeouts";
import { startEffectsSweep } from "./effects-sweep";
import { recordStationNews } from "./record-station-news";
import { startStationNews } from "./station-news";

const HEALTH_PROBE_MS = 2000;

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
  const { stationControl, ...keyedByOrder } = topics;
  await ensureTopics(admin, Object.values(keyedByOrder), env.TOPIC_PARTITIONS);
  await ensureControlTopic(admin, stationControl);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const publisher = createPublisher(producer);

  const dispatcher = createOrderDispatcher({ c, publisher, topics, log });
  const orderBook = createOrderBook(c);
  // The projector may store a batch before the failure half is wired up: it waits for it.
  let wired: (afterBatch: (events: readonly StationEvent[]) => Promise<void>) => void = () => undefined;
  const afterBatch = new Promise<(events: readonly StationEvent[]) => Promise<void>>((resolve) => (wired = resolve));
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
      afterBatch: async (events) => (await afterBatch)(events),
    }),
    startOrderFeed({ kafka, topic: topics.orderUpdates, log }),
  ]);
  const stationNews = await startStationNews({ c, feed });
  const saga = { c, publisher, producer, topics, menu, stationNews, env, log };
  const decisionTimeouts = startDecisionTimeouts(saga);
  const effectsSweep = startEffectsSweep(saga);
  wired(async (events) => {
    await recordStationNews(saga, events);
    await decisionTimeouts.track(events.filter(isOrderEvent));
  });
  log.info("web ready", { topics, db: env.WAITER_DB });

  return {
    env,
    log,
    topics,
    kafka,
    c,
    menu,
    publisher,
    producer,
    dispatcher,
    orderBook,
    feed,
    stationNews,
    decisionTimeouts,
    effectsSweep,
    /** What /api/health reports: the database, Kafka (the admin stays connected for it), every consumer. */
    health: async () =>
      judgeHealth({
        database: await probe(() => c.menu.estimatedDocumentCount(), HEALTH_PROBE_MS),
        kafka: await probe(() => admin.describeCluster(), HEALTH_PROBE_MS),
        consumers: [projector.state(), feed.state()],
      }),
    /** Leaves the consumer groups (and stops sweeping); requests can still be served. */
    async stopConsumers() {
      dispatcher.stop();
      decisionTimeouts.stop();
      effectsSweep.stop();
      await Promise.allSettled([projector.stop(), feed.stop()]);
    },
    async close() {
      dispatcher.stop();
      decisionTimeouts.stop();
      effectsSweep.stop();
      stationNews.stop();
      await Promise.allSettled([projector.stop(), feed.stop()]);
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
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

/** The fast test tier hands the route handlers an in-memory context instead of building the real one. */
export function provideContext(context: WebContext): void {
  holder.__bakeryContext = Promise.resolve(context);
}

export async function closeContext(): Promise<void> {
  const context = holder.__bakeryContext;
  holder.__bakeryContext = undefined;
  if (context) await (await context).close();
}
