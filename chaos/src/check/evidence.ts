import { readFile } from "node:fs/promises";
import type { Kafka, KafkaMessage } from "kafkajs";
import { MongoClient } from "mongodb";
import type { RunNames } from "@bakery/bench/system/run-names";
import { StationControl, StationEvent } from "@bakery/shared/events";
import { decodeMessage } from "@bakery/shared/kafka";
import type { OrderView } from "@bakery/shared/order";
import type { Incarnation } from "../bakery/fleet";
import type { Http } from "../client/http";
import type { Preparation, Start, WorkerLife } from "./double-effects";
import type { ApiRead, Outcome } from "./orders-check";
import { readWholeTopic } from "./read-topic";
import type { Holder, Setting, Slot } from "./stock-check";

export type Evidence = {
  reads: Map<string, ApiRead>;
  outcomes: Map<string, Outcome>;
  holders: Holder[];
  slots: Slot[];
  returned: Set<string>;
  settings: Setting[];
  starts: Start[];
  preparations: Preparation[];
  lives: WorkerLife[];
  /** Worker incarnations whose log never said which worker they were (killed before they opened). */
  unnamed: string[];
};

const READ_CONCURRENCY = 8;

/** Everything the checker judges, read after the drain: the API, the stations' databases, the topics, the logs. */
export async function gatherEvidence(opts: {
  kafka: Kafka;
  names: RunNames;
  mongoUrl: string;
  http: Http;
  orderIds: readonly string[];
  history: readonly Incarnation[];
  runId: string;
}): Promise<Evidence> {
  const [reads, stations, balcony, settings, lives] = await Promise.all([
    readOrders(opts.http, opts.orderIds),
    readStations(opts.mongoUrl, [opts.names.dbs.kitchen, opts.names.dbs.bar]),
    readBalcony(opts.kafka, opts.names.topics.balcony, `${opts.runId}-check-balcony`),
    readSettings(opts.kafka, opts.names.topics.stationControl, `${opts.runId}-check-control`),
    workerLives(opts.history),
  ]);
  return { reads, ...stations, ...balcony, settings, ...lives };
}

async function readOrders(http: Http, orderIds: readonly string[]): Promise<Map<string, ApiRead>> {
  const reads = new Map<string, ApiRead>();
  let next = 0;
  const worker = async () => {
    while (next < orderIds.length) {
      const orderId = orderIds[next++] as string;
      let read: ApiRead = { orderId };
      for (let attempt = 0; attempt < 10; attempt++) {
        const { answer, reply } = await http.call((next + attempt) % http.webs, "GET", `/api/orders/${orderId}`, {
          route: "GET /api/orders/:id",
          orderId,
        });
        read = {
          orderId,
          ...(answer.status === undefined ? {} : { status: answer.status }),
          ...(answer.error ? { error: answer.error } : {}),
          ...(reply?.status === 200 ? { view: reply.json as OrderView } : {}),
        };
        if (read.status === 200 || read.status === 404) break;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      reads.set(orderId, read);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  return reads;
}

async function readStations(mongoUrl: string, dbs: readonly string[]) {
  const client = await MongoClient.connect(mongoUrl, { serverSelectionTimeoutMS: 30_000 });
  try {
    const outcomes = new Map<string, Outcome>();
    const holders: Holder[] = [];
    const slots: Slot[] = [];
    const returned = new Set<string>();
    for (const name of dbs) {
      const db = client.db(name);
      for (const doc of await db.collection<Outcome & { _id: string }>("completions").find({}).toArray())
        outcomes.set(doc._id, { itemId: doc._id, orderId: doc.orderId, outcome: doc.outcome });
      for (const doc of await db
        .collection<Omit<Holder, "itemId"> & { _id: string }>("portion_holders")
        .find({})
        .toArray())
        holders.push({ itemId: doc._id, menuItemId: doc.menuItemId, generation: doc.generation, slot: doc.slot });
      for (const doc of await db.collection<{ _id: string; itemId: string }>("portions").find({}).toArray())
        slots.push({ slot: doc._id, itemId: doc.itemId });
      for (const doc of await db.collection<{ _id: string }>("portion_returns").find({}).toArray())
        returned.add(doc._id.replace(/^return\//, ""));
    }
    return { outcomes, holders, slots, returned };
  } finally {
    await client.close();
  }
}

const header = (message: KafkaMessage, name: string): string | undefined => {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

async function readBalcony(kafka: Kafka, topic: string, groupId: string) {
  const starts: Start[] = [];
  const preparations: Preparation[] = [];
  await readWholeTopic({
    kafka,
    topic,
    groupId,
    onMessage: (message) => {
      const decoded = decodeMessage(StationEvent, message);
      if (!decoded.ok) return;
      const event = decoded.value;
      const worker = header(message, "worker") ?? "unknown";
      if (event.type === "ItemStarted")
        starts.push({
          itemId: event.data.itemId,
          orderId: event.orderId,
          worker,
          at: Date.parse(event.occurredAt),
          expectedReadyAt: Date.parse(event.data.expectedReadyAt),
        });
      if (event.type === "ItemReady" && header(message, "prepared") === "1")
        preparations.push({ itemId: event.data.itemId, orderId: event.orderId, worker, at: Number(message.timestamp) });
    },
  });
  // A repeated message (a producer retry, fault 7) is the same start, not another one.
  const unique = <T extends { itemId: string; worker: string; at: number }>(list: T[]) => [
    ...new Map(list.map((e) => [`${e.itemId}|${e.worker}|${e.at}`, e])).values(),
  ];
  return { starts: unique(starts), preparations: unique(preparations) };
}

async function readSettings(kafka: Kafka, topic: string, groupId: string): Promise<Setting[]> {
  const settings: Setting[] = [];
  await readWholeTopic({
    kafka,
    topic,
    groupId,
    onMessage: (message) => {
      const decoded = decodeMessage(StationControl, message);
      if (decoded.ok && decoded.value.type === "StockSet")
        settings.push({
          menuItemId: decoded.value.data.menuItemId,
          generation: message.offset,
          portions: decoded.value.data.portions,
        });
    },
  });
  return settings;
}

/** Which worker id each station process had: its "station open" log line says. */
async function workerLives(history: readonly Incarnation[]): Promise<{ lives: WorkerLife[]; unnamed: string[] }> {
  const lives: WorkerLife[] = [];
  const unnamed: string[] = [];
  for (const incarnation of history) {
    if (incarnation.role === "web") continue;
    const name = `${incarnation.slot}#${incarnation.n}`;
    const text = await readFile(incarnation.logFile, "utf8").catch(() => "");
    const line = text.split("\n").find((l) => l.includes('"msg":"station open"'));
    let worker: string | undefined;
    try {
      worker = line ? (JSON.parse(line.slice(line.indexOf("{"))) as { worker?: string }).worker : undefined;
    } catch {
      worker = undefined;
    }
    if (!worker) {
      unnamed.push(name);
      continue;
    }
    lives.push({
      worker,
      slot: name,
      ...(incarnation.endedAt === undefined ? {} : { endedAt: incarnation.endedAt }),
      frozen: incarnation.frozen,
    });
  }
  return { lives, unnamed };
}
