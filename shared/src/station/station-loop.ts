import { randomUUID } from "node:crypto";
import type { EachBatchPayload, Kafka } from "kafkajs";
import type { Db } from "mongodb";
import { ItemQueued, ItemReady, ItemStarted, itemQueuedEvent, itemReadyEvent, itemStartedEvent } from "../events";
import { createPublisher, ensureTopics } from "../kafka";
import type { Logger } from "../logger";
import type { ItemType } from "../menu";
import { loadRecipes, type RecipeDoc } from "./recipes";
import { createMicroBatcher } from "../micro-batcher";
import { insertNew } from "../mongo";
import { retryUntilDone } from "../retry";
import type { Station } from "../stations";
import type { Topics } from "../topics";
import { createPartitionProgress } from "./partition-progress";
import { createStationQueue, type Started, type Ticket } from "./station-queue";
import { settleFresh, seenBefore } from "./settle-fresh";
import { sortBatch } from "./sort-batch";

export type StationConfig = {
  station: Station;
  itemType: ItemType;
  /** The topic this station takes orders from (`foods` or `drinks`). */
  inputTopic: string;
  topics: Topics;
  groupId: string;
  hands: number;
  prepTimeScale: number;
  partitions: number;
  sessionTimeoutMs: number;
  kafka: Kafka;
  db: Db;
  log: Logger;
  now?: () => number;
};

/** Insert-only proof that an item was prepared; its unique id is what makes "exactly once" hold. */
export type CompletionDoc = {
  _id: string;
  orderId: string;
  menuItemId: number;
  worker: string;
  startedAt: Date;
  readyAt: Date;
};

/** Insert-only: the station has taken this item in (the first delivery wins). */
type TicketDoc = { _id: string; orderId: string; acceptedAt: Date };

const COMMIT_EVERY_MS = 200;

/**
 * The one cooking loop both workers run. Messages are turned into tickets, tickets are
 * prepared by `hands` in parallel, and every stage is announced on the balcony. An offset
 * is committed only when every item up to it is READY and recorded, so a worker killed
 * mid-preparation loses nothing: the next owner of the partition receives the unfinished
 * items again, and the completion records keep finished ones from being prepared twice.
 */
export async function startStation(config: StationConfig) {
  const now = config.now ?? Date.now;
  const workerId = `${config.groupId}-${randomUUID().slice(0, 8)}`;
  const log = config.log.child({ station: config.station, worker: workerId });
  const recipeDocs = config.db.collection<RecipeDoc>("recipes");
  let recipes = await loadRecipes(recipeDocs, config.itemType);
  const completions = config.db.collection<CompletionDoc>("completions");
  const tickets = config.db.collection<TicketDoc>("tickets");

  const admin = config.kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [config.inputTopic, config.topics.balcony, config.topics.deadLetters], config.partitions);
  await admin.disconnect();

  const producer = config.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const publisher = createPublisher(producer);
  const consumer = config.kafka.consumer({
    groupId: config.groupId,
    sessionTimeout: config.sessionTimeoutMs,
    rebalanceTimeout: config.sessionTimeoutMs,
    heartbeatInterval: 1000,
  });

  const queue = createStationQueue(config.hands);
  const progress = createPartitionProgress();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopping = false;
  const stopped = () => stopping;
  const recordCompletions = createMicroBatcher<CompletionDoc, void>(async (docs) => {
    await insertNew(completions, docs);
    return docs.map(() => undefined);
  });

  const publishReady = (ticket: Ticket, readyAt: number) =>
    publisher.publish(config.topics.balcony, ItemReady, [itemReadyEvent(ticket, readyAt)]);

  function startWaitingTickets() {
    const started = queue.startNext(now());
    if (started.length === 0) return;
    publisher
      .publish(
        config.topics.balcony,
        ItemStarted,
        started.map((ticket) => itemStartedEvent(ticket, ticket.startedAt, ticket.expectedReadyAt)),
      )
      .catch((err: unknown) => log.warn("could not announce started items", { err }));
    for (const ticket of started) {
      timers.set(
        ticket.itemId,
        setTimeout(() => void finishTicket(ticket), ticket.prepMs),
      );
    }
  }

  async function finishTicket(ticket: Started) {
    timers.delete(ticket.itemId);
    // A ticket dropped on a rebalance belongs to the partition's new owner now.
    if (!queue.finish(ticket.itemId)) return;
    startWaitingTickets();
    const readyAt = now();
    const completion: CompletionDoc = {
      _id: ticket.itemId,
      orderId: ticket.orderId,
      menuItemId: ticket.menuItemId,
      worker: workerId,
      startedAt: new Date(ticket.startedAt),
      readyAt: new Date(readyAt),
    };
    await retryUntilDone("record completion", () => recordCompletions.add(completion), { log, stopped });
    // Stopping half-way leaves the offset uncommitted: the next owner finishes the item.
    if (stopping) return;
    await retryUntilDone("announce ready item", () => publishReady(ticket, readyAt), { log, stopped });
    if (stopping) return;
    progress.finish(ticket.partition, ticket.offset);
    queue.release(ticket.itemId);
    log.debug("item ready", { itemId: ticket.itemId });
  }

  async function takeBatch({ batch }: EachBatchPayload) {
    const sort = () =>
      sortBatch({
        partition: batch.partition,
        messages: batch.messages,
        held: (itemId) => queue.get(itemId),
        station: config.station,
        recipes,
        prepTimeScale: config.prepTimeScale,
      });
    let verdicts = sort();
    if (verdicts.some((verdict) => verdict.kind === "unknown-item")) {
      // The waiter may sell an item this worker has not read yet (a recipe added since it started).
      recipes =
        (await retryUntilDone("read recipes", () => loadRecipes(recipeDocs, config.itemType), { log, stopped })) ??
        recipes;
      verdicts = sort();
    }
    const fresh: Ticket[] = [];
    for (const verdict of verdicts) {
      progress.begin(batch.partition, verdict.offset);
      if (verdict.kind === "new") fresh.push(verdict.ticket);
      // Another message for an item in hand is done at once; a second copy of the message in hand is not.
      if (verdict.kind === "other-copy") progress.finish(batch.partition, verdict.offset);
      if (verdict.kind !== "dead-letter" && verdict.kind !== "unknown-item") continue;
      const message = batch.messages.find((m) => m.offset === verdict.offset)!;
      log.warn("message set aside on the dead-letter topic", {
        reason: verdict.reason,
        partition: batch.partition,
        offset: message.offset,
      });
      await retryUntilDone(
        "dead-letter",
        () =>
          publisher.deadLetter(config.topics.deadLetters, {
            topic: batch.topic,
            partition: batch.partition,
            message,
            reason: verdict.reason,
            consumer: config.groupId,
            at: now(),
          }),
        { log, stopped },
      );
      progress.finish(batch.partition, message.offset);
    }
    // Even a batch of repeats may follow a rebalance that freed a hand.
    if (fresh.length === 0) return startWaitingTickets();

    // The first delivery of an item inserts its ticket; a duplicate key means it came before
    // (a crash or a rebalance), and only then is it worth asking whether it was finished.
    const firstSeen = new Set(
      (
        await insertNew(
          tickets,
          fresh.map((ticket) => ({ _id: ticket.itemId, orderId: ticket.orderId, acceptedAt: new Date(now()) })),
        )
      ).map((doc) => doc._id),
    );
    const completedAt = new Map<string, number>();
    for (const doc of await Promise.all(
      seenBefore(fresh, firstSeen).map((t) => completions.findOne({ _id: t.itemId })),
    ))
      if (doc) completedAt.set(doc._id, doc.readyAt.getTime());
    const { announceReadyAgain, enqueue } = settleFresh({ fresh, firstSeen, completedAt });
    // Already prepared: announce READY again (same event id, so harmless) and move on.
    for (const { ticket, readyAt } of announceReadyAgain) {
      await retryUntilDone("announce ready item", () => publishReady(ticket, readyAt), { log, stopped });
      progress.finish(ticket.partition, ticket.offset);
    }
    const at = now();
    const queued = queue.enqueue(enqueue, at);
    await retryUntilDone(
      "announce queued items",
      () =>
        publisher.publish(
          config.topics.balcony,
          ItemQueued,
          queued.map((ticket) => itemQueuedEvent(ticket, at, ticket)),
        ),
      { log, stopped },
    );
    startWaitingTickets();
  }

  async function commit() {
    const offsets = progress.committable();
    if (offsets.length === 0) return;
    try {
      await consumer.commitOffsets(
        offsets.map(({ partition, offset }) => ({ topic: config.inputTopic, partition, offset })),
      );
      for (const { partition, offset } of offsets) progress.markCommitted(partition, offset);
    } catch (err) {
      log.debug("commit skipped", { err });
    }
  }

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const owned = new Set(payload.memberAssignment[config.inputTopic] ?? []);
    for (const ticket of queue.keepOnly((partition) => owned.has(partition))) {
      clearTimeout(timers.get(ticket.itemId));
      timers.delete(ticket.itemId);
    }
    progress.keepOnly((partition) => owned.has(partition));
    // A ticket dropped while being prepared freed its hand: the oldest kept ticket takes it.
    startWaitingTickets();
    log.info("partitions assigned", { partitions: [...owned] });
  });

  await consumer.connect();
  await consumer.subscribe({ topic: config.inputTopic, fromBeginning: true });
  // Partitions are taken in parallel (each still in order), so their inserts and messages share batches.
  await consumer.run({ autoCommit: false, partitionsConsumedConcurrently: config.partitions, eachBatch: takeBatch });
  const committer = setInterval(() => void commit(), COMMIT_EVERY_MS);
  log.info("station open", { hands: config.hands, recipes: recipes.size, prepTimeScale: config.prepTimeScale });

  return {
    workerId,
    counts: () => queue.counts,
    async stop() {
      clearInterval(committer);
      await commit();
      stopping = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await consumer.disconnect();
      await producer.disconnect();
      log.info("station closed");
    },
  };
}

export type StationHandle = Awaited<ReturnType<typeof startStation>>;
