/**
 * The load-generator process: everything that plays customers runs here, never in the
 * process that serves them. The bench process sends it scenarios over IPC (see
 * load-protocol.ts) one at a time and gets each result back; it exits when the channel closes.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Kafka, logLevel } from "kafkajs";
import { createBalconyProbe, type BalconyProbe } from "./balcony-probe";
import { runKafkaCeiling } from "../ceilings/ceiling-kafka";
import { runSaturation } from "./closed-loop";
import { createE2eScenarios } from "../phases/e2e-step";
import type { FromLoad, LoadInit, Scenarios, ToLoad } from "./load-protocol";
import { createOrderClient } from "./order-client";
import { startReadyFeed } from "./ready-feed";
import { createReadyTracker, type Completion } from "./ready-tracker";
import { fdLimitsOf } from "../system/fd-limit";
import { createStreamPool } from "./stream-pool";

const now = () => performance.now();
const send = (message: FromLoad) => process.send?.(message);
const progress = (line: string) => send({ progress: line });

type Handlers = { [K in keyof Scenarios]: (body: Scenarios[K][0]) => Promise<Scenarios[K][1]> };

function createHandlers(): Handlers {
  let ready: Awaited<ReturnType<typeof startSystemUnderTest>> | undefined;
  const need = () => {
    if (!ready) throw new Error("init first");
    return ready;
  };
  return {
    init: async (init) => {
      ready = await startSystemUnderTest(init);
      return { fdLimit: fdLimitsOf("self").soft };
    },
    step: (req) => need().e2e.step(req),
    settle: (req) => need().e2e.settle(req),
    placeOrders: (req) => need().e2e.placeOrders(req),
    streamsOpen: (req) => need().streams.open(req),
    streamsProbe: (req) => need().streams.probe(req),
    streamsClose: async () => need().streams.close(),
    kafkaCeiling: (req) => runKafkaCeiling({ now, progress }, req),
    saturate: (req) => runSaturation({ now }, req),
  };
}

/** The clients of the bakery under test: the POST pool, the READY feed and the balcony probe. */
async function startSystemUnderTest(init: LoadInit) {
  const url = new URL(init.baseUrl);
  const kafka = new Kafka({ clientId: "bench-load", brokers: init.brokers, logLevel: logLevel.WARN });
  const listeners = new Set<(c: Completion) => void>();
  const tracker = createReadyTracker((c) => listeners.forEach((listener) => listener(c)));
  await startReadyFeed({
    kafka,
    topic: init.updatesTopic,
    groupId: `${init.runId}-load-${randomUUID().slice(0, 8)}`,
    onItemReady: (orderId, itemId) => tracker.itemReady(orderId, itemId, now()),
  });
  const probe: BalconyProbe = await createBalconyProbe({ kafka, topic: init.balconyTopic, now });
  const client = createOrderClient(init.baseUrl, init.connections);
  const e2e = createE2eScenarios({
    client,
    tracker,
    now,
    completions: {
      listen: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  });
  return { e2e, streams: createStreamPool({ host: url.hostname, port: Number(url.port), probe, now }) };
}

const handlers = createHandlers();
let queue: Promise<void> = Promise.resolve();

process.on("message", (raw: ToLoad) => {
  if (raw.scenario === "exit") process.exit(0);
  const { id, scenario, body } = raw;
  // One scenario at a time: they measure the same machine.
  queue = queue.then(async () => {
    try {
      const handler = handlers[scenario] as (body: unknown) => Promise<unknown>;
      send({ id, ok: true, result: await handler(body) });
    } catch (err) {
      send({ id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
});
process.on("disconnect", () => process.exit(0));
