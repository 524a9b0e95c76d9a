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
import { createClosers } from "@bakery/shared/closers";
import { AppError } from "./errors";
import { openWithRetry, type Opener } from "@bakery/shared/open-with-retry";
import { requestKafka } from "./request-kafka";
import type { Logger } from "@bakery/shared/logger";
import { createClientLimits } from "./client-limits";

const HEALTH_PROBE_MS = 2000;

async function createContext(log: Logger) {
  const env = webEnv();
  const topics = topicsFromEnv(env);
  const closers = createClosers();
  try {
    const { db } = closers.opened(
      await connectMongo(env.MONGODB_URL, env.WAITER_DB, { unreachableAfterMs: env.DEPENDENCY_TIMEOUT_MS, log }),
      ({ client }) => client.close(),
    );
    const c = waiterCollections(db);
    await ensureIndexes(c);
    const menu = await createMenuStore(c, log);

    const kafka = createKafka({ brokers: env.KAFKA_BROKERS, clientId: env.KAFKA_CLIENT_ID ?? "web", log });
    const admin = closers.opened(kafka.admin(), (admin) => admin.disconnect());
    await admin.connect();
    const { stationControl, ...keyedByOrder } = topics;
    await ensureTopics(admin, Object.values(keyedByOrder), env.TOPIC_PARTITIONS);
    await ensureControlTopic(admin, stationControl);
    const producer = closers.opened(kafka.producer({ allowAutoTopicCreation: false }), (p) => p.disconnect());
    await producer.connect();
    const publisher = createPublisher(producer);

    const dispatcher = closers.opened(createOrderDispatcher({ c, publisher, topics, log }), (d) => d.stop());
    const orderBook = createOrderBook(c);
    // The projector may store a batch before the failure half is wired up: it waits for it.
    let wired: (afterBatch: (events: readonly StationEvent[]) => Promise<void>) => void = () => undefined;
    const afterBatch = new Promise<(events: readonly StationEvent[]) => Promise<void>>((resolve) => (wired = resolve));
    // Both are awaited to the end, so one that started is closed when the other failed.
    const [projectorStart, feedStart] = await Promise.allSettled([
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
    for (const started of [projectorStart, feedStart])
      if (started.status === "fulfilled") closers.opened(started.value, (consumer) => consumer.stop());
    if (projectorStart.status === "rejected") throw projectorStart.reason;
    if (feedStart.status === "rejected") throw feedStart.reason;
    const [projector, feed] = [projectorStart.value, feedStart.value];
    const stationNews = closers.opened(await startStationNews({ c, feed }), (news) => news.stop());
    const saga = { c, publisher, producer, topics, menu, stationNews, env, log };
    const decisionTimeouts = closers.opened(startDecisionTimeouts(saga), (timeouts) => timeouts.stop());
    const effectsSweep = closers.opened(startEffectsSweep(saga), (sweep) => sweep.stop());
    wired(async (events) => {
      await recordStationNews(saga, events);
      await decisionTimeouts.track(events.filter(isOrderEvent));
    });
    // What request handlers send waits for Kafka a bounded time; the work above keeps retrying.
    const forRequests = requestKafka({ publisher, producer }, env.DEPENDENCY_TIMEOUT_MS);
    log.info("web ready", { topics, db: env.WAITER_DB });

    return {
      env,
      log,
      topics,
      /** What one client may cost: per-address rate limits and open streams, staff sign-in attempts. */
      limits: createClientLimits(env, c),
      kafka,
      c,
      menu,
      publisher: forRequests.publisher,
      producer: forRequests.producer,
      dispatcher,
      orderBook,
      feed,
      stationNews,
      decisionTimeouts,
      effectsSweep,
      /** What /api/health reports: the database, Kafka (the admin stays connected for it), every consumer. */
      health: async () => {
        // Side by side: with both down the answer still comes within one probe's time.
        const [database, kafka] = await Promise.all([
          probe(() => c.menu.estimatedDocumentCount(), HEALTH_PROBE_MS),
          probe(() => admin.describeCluster(), HEALTH_PROBE_MS),
        ]);
        return judgeHealth({ database, kafka, consumers: [projector.state(), feed.state()] });
      },
      /** Leaves the consumer groups (and stops sweeping); requests can still be served. */
      async stopConsumers() {
        dispatcher.stop();
        decisionTimeouts.stop();
        effectsSweep.stop();
        await Promise.allSettled([projector.stop(), feed.stop()]);
      },
      close: () => closers.closeAll(),
    };
  } catch (err) {
    await closers.closeAll();
    throw err;
  }
}
export type WebContext = Awaited<ReturnType<typeof createContext>>;

// Route handlers and instrumentation are separate bundles in Next: the one context per
// process, and the attempts to open it, live on globalThis, not in module state.
type Holder = { opener?: Opener<WebContext> };
const holder = globalThis as typeof globalThis & { __bakeryContext?: Holder };
const state = (): Holder => (holder.__bakeryContext ??= {});

function opener(): Opener<WebContext> {
  return (state().opener ??= openWithRetry({
    what: "web",
    open: createContext,
    log: createLogger(webEnv().LOG_LEVEL, { service: "web" }),
  }));
}

/**
 * The process context, once it is open. Opening is retried (with backoff) until the
 * database and Kafka answer, so this waits for as long as they are down.
 */
export const getContext = (): Promise<WebContext> => opener().ready;

/**
 * The context for a request: open, or UNAVAILABLE (503 with Retry-After) at once while the
 * process still cannot reach its database or Kafka; the first request starts the opening.
 */
export function contextForRequest(): WebContext {
  const current = opener().current();
  if (current) return current;
  throw new AppError("UNAVAILABLE", "The bakery is starting; please retry in a moment");
}

/** The open context, if it is open (nothing is started by asking). */
export const currentContext = (): WebContext | undefined => state().opener?.current();

/** The fast test tier hands the route handlers an in-memory context instead of opening the real one. */
export function provideContext(context: WebContext): void {
  state().opener = {
    ready: Promise.resolve(context),
    current: () => context,
    close: async () => undefined,
    lastFailure: () => undefined,
  };
}

/** Stops opening, and closes the context if it is open. */
export async function closeContext(): Promise<void> {
  const current = state().opener;
  state().opener = undefined;
  await current?.close();
}
