import { randomUUID } from "node:crypto";
import type { EachBatchPayload, Kafka, KafkaMessage } from "kafkajs";
import { z } from "zod";
import type { Db } from "mongodb";
import {
  ItemQueued,
  ItemReady,
  ItemStarted,
  ItemUnavailable,
  ItemWithdrawalRefused,
  ItemWithdrawn,
  itemQueuedEvent,
  itemStartedEvent,
  itemWithdrawalRefusedEvent,
  StationEvent,
  stationStatusChangedEvent,
  stockChangedEvent,
  type ItemWithdrawalRequested,
  type StationItem,
  type UnavailableReason,
} from "../events";
import { createPublisher, ensureTopics } from "../kafka";
import type { Logger } from "../logger";
import type { ItemType } from "../menu";
import { createMicroBatcher } from "../micro-batcher";
import { insertNew } from "../mongo";
import { retryUntilDone } from "../retry";
import type { Station } from "../stations";
import type { Topics } from "../topics";
import { emptyControl, type ControlChange, type ControlState, type StockSetting } from "./control-state";
import { followControl } from "./control-reader";
import { createOutcomes, outcomeEvent, type CompletionDoc } from "./outcomes";
import { createPartitionProgress } from "./partition-progress";
import { createPreparationClaims, judgeClaim, type ClaimDoc } from "./preparation-claims";
import { loadRecipes, type RecipeDoc } from "./recipes";
import { seenBefore, settleFresh } from "./settle-fresh";
import { sortBatch } from "./sort-batch";
import { createStationQueue, type Started, type Ticket } from "./station-queue";
import { createStockKeeper } from "./stock-keeper";
import { decideWithdrawal } from "./withdrawal";

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

/** Insert-only: the station has taken this item in (the first delivery wins). */
type TicketDoc = { _id: string; orderId: string; acceptedAt: Date };

const COMMIT_EVERY_MS = 200;
/** How long a stopping worker waits for the items in its hands (the longest preparation is 8 s). */
const DRAIN_LIMIT_MS = 10_000;
/** How often a worker waiting for another's preparation looks for its outcome. */
const RECHECK_EVERY_MS = 1000;
/** What a station says about one item (keyed by its order), as opposed to station news. */
const ItemEvent = z.discriminatedUnion("type", [
  ItemQueued,
  ItemStarted,
  ItemReady,
  ItemUnavailable,
  ItemWithdrawn,
  ItemWithdrawalRefused,
]);
type ItemEvent = z.infer<typeof ItemEvent>;

/**
 * The one cooking loop both workers run: wiring between Kafka, the station's database and the
 * pure decisions (sortBatch, settleFresh, decideWithdrawal, foldControl, the queue). Messages
 * become tickets, a ticket takes a portion when accepted, `hands` prepare in parallel, and
 * each item ends with one recorded outcome (READY, WITHDRAWN or UNAVAILABLE; first wins).
 * An offset is committed only when every item up to it has its outcome recorded and
 * announced, so a worker killed mid-preparation loses nothing.
 */
export async function startStation(config: StationConfig) {
  const now = config.now ?? Date.now;
  const workerId = `${config.groupId}-${randomUUID().slice(0, 8)}`;
  const log = config.log.child({ station: config.station, worker: workerId });
  const recipeDocs = config.db.collection<RecipeDoc>("recipes");
  let recipes = await loadRecipes(recipeDocs, config.itemType);
  const outcomes = createOutcomes(config.db.collection<CompletionDoc>("completions"));
  const tickets = config.db.collection<TicketDoc>("tickets");
  const stock = createStockKeeper(config.db, now);

  // A fresh broker can answer "does not host this topic-partition" for a moment after creating
  // a topic: start-up retries instead of dying (issue 9).
  await retryUntilDone(
    "create topics",
    async () => {
      const admin = config.kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(
          admin,
          [config.inputTopic, config.topics.balcony, config.topics.deadLetters],
          config.partitions,
        );
      } finally {
        await admin.disconnect();
      }
    },
    { log, stopped: () => false },
  );

  const producer = config.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect().catch(async (err: unknown) => {
    await producer.disconnect().catch(() => undefined);
    throw err;
  });
  const publisher = createPublisher(producer);
  const consumer = config.kafka.consumer({
    groupId: config.groupId,
    sessionTimeout: config.sessionTimeoutMs,
    rebalanceTimeout: config.sessionTimeoutMs,
    heartbeatInterval: 1000,
    // Leaving the group on SIGTERM waits for the fetch in flight: keep that wait short.
    maxWaitTimeInMs: 1000,
  });

  const queue = createStationQueue(config.hands);
  const progress = createPartitionProgress();
  const timers = new Map<string, NodeJS.Timeout>();
  // Who prepares an item is who claimed it (preparation-claims.ts): a claim lasts the preparation
  // plus a session timeout, the time a worker that lost its partitions may take to find out.
  const claims = createPreparationClaims(config.db.collection<ClaimDoc>("preparations"), {
    worker: workerId,
    leaseMs: config.sessionTimeoutMs,
    now,
  });
  // Another worker takes an item over only after the claim plus this grace: a record the
  // claimer started before its claim ran out may still be on its way to the database.
  const graceMs = config.sessionTimeoutMs / 2;
  /** Until when each item this worker prepares may be recorded as made (its claim's lease). */
  const leases = new Map<string, number>();
  /** Items another worker prepares: when to look again for their outcome. */
  const rechecks = new Map<string, NodeJS.Timeout>();
  let stopping = false;
  /** Leaving: nothing new starts, what is in hand is finished (its claim would hold it from others). */
  let draining = false;
  const stopped = () => stopping;
  const must = <T>(what: string, effect: () => Promise<T>) => retryUntilDone(what, effect, { log, stopped });
  const recordReady = createMicroBatcher<CompletionDoc, boolean>(async (docs) => {
    const fresh = new Set(
      (await insertNew(config.db.collection<CompletionDoc>("completions"), docs)).map((d) => d._id),
    );
    return docs.map((doc) => fresh.has(doc._id));
  });

  /**
   * Item events go out keyed by order (publisher); station news keyed by what it is about.
   * Item events name the worker in a header: who started or prepared an item is evidence an
   * auditor (npm run chaos) needs to tell one preparation from two.
   */
  const said = { worker: workerId };
  const announce = (events: StationEvent[], headers: Record<string, string> = said) => {
    const items = events.filter((event): event is ItemEvent => "orderId" in event);
    const news = events.filter((event) => !("orderId" in event));
    return Promise.all([
      items.length > 0 ? publisher.publish(config.topics.balcony, ItemEvent, items, headers) : undefined,
      news.length > 0
        ? producer.send({
            topic: config.topics.balcony,
            acks: -1,
            messages: news.map((event) => {
              const valid = StationEvent.parse(event);
              const key = valid.type === "StockChanged" ? String(valid.data.menuItemId) : config.station;
              return { key, value: JSON.stringify(valid) };
            }),
          })
        : undefined,
    ]);
  };
  const announceOutcome = (doc: CompletionDoc, headers: Record<string, string> = said) =>
    must("announce outcome", () => announce([outcomeEvent(doc, config.station)], headers));
  const stockNews = (id: string, menuItemId: number, portions: number | null) =>
    stockChangedEvent(id, now(), {
      station: config.station,
      menuItemId,
      available: portions === null || portions > 0,
      portions,
    });
  // Set once the control topic is folded (before any item is taken).
  let control: { state: () => ControlState; stop: () => Promise<void> } = {
    state: () => emptyControl,
    stop: async () => {},
  };
  const settingOf = (menuItemId: number): StockSetting | undefined => control.state().stock.get(menuItemId);

  function applyControl(change: ControlChange, offset: string) {
    const id = `${config.station}.control.${offset}`;
    if (change.kind === "paused") {
      log.info(change.paused ? "station paused" : "station resumed");
      void must("announce station status", () =>
        announce([stationStatusChangedEvent(id, now(), { station: config.station, paused: change.paused })]),
      );
      if (!change.paused) startWaitingTickets();
    }
    if (change.kind === "stock")
      void must("announce stock", () => announce([stockNews(id, change.menuItemId, change.setting.portions)]));
  }

  function startWaitingTickets() {
    // Paused: items are taken in and queued, nothing starts until the resume.
    if (stopping || draining || control.state().paused) return;
    for (const ticket of queue.startNext(now())) void cook(ticket);
  }

  /**
   * Claims an item for this worker and starts preparing it, or leaves it to the worker whose
   * claim holds (a worker that lost this partition and is still preparing it).
   */
  async function cook(ticket: Started): Promise<void> {
    for (let n = 1; ;) {
      const tried = await must("claim an item", async () => ({
        won: await claims.claim(ticket.itemId, n, ticket.prepMs),
      }));
      if (!tried || !queue.isPreparing(ticket.itemId)) return;
      if (tried.won) return startPreparing(ticket, tried.won);
      const latest = await must("read an item's claims", () => claims.latest(ticket.itemId));
      if (stopping || !queue.isPreparing(ticket.itemId)) return;
      const verdict = judgeClaim({ latest, worker: workerId, now: now(), graceMs });
      if (verdict.kind === "busy") {
        queue.defer(ticket.itemId);
        startWaitingTickets();
        return lookAgainLater(ticket, verdict.takeOverAt);
      }
      if (verdict.afterOther && (await settledMeanwhile(ticket))) return;
      n = verdict.n;
    }
  }

  function startPreparing(ticket: Started, claim: ClaimDoc) {
    const startedAt = claim.startedAt.getTime();
    const started: Started = { ...ticket, startedAt, expectedReadyAt: startedAt + ticket.prepMs };
    leases.set(ticket.itemId, claim.until.getTime());
    publisher
      .publish(
        config.topics.balcony,
        ItemStarted,
        [itemStartedEvent(started, startedAt, started.expectedReadyAt)],
        said,
      )
      .catch((err: unknown) => log.warn("could not announce a started item", { err }));
    timers.set(
      ticket.itemId,
      setTimeout(() => void finishTicket(started), ticket.prepMs),
    );
  }

  /** Another worker's claim ended without a record? Then its outcome may still have come meanwhile. */
  async function settledMeanwhile(ticket: Ticket): Promise<boolean> {
    const recorded = await must("read outcome", () => outcomes.find(ticket.itemId));
    if (recorded === undefined) return true; // stopping
    if (!recorded) return false;
    await announceOutcome(recorded);
    done(ticket);
    startWaitingTickets();
    return true;
  }

  function lookAgainLater(ticket: Ticket, takeOverAt: number) {
    clearTimeout(rechecks.get(ticket.itemId));
    rechecks.set(
      ticket.itemId,
      setTimeout(() => void lookAgain(ticket), Math.max(0, Math.min(takeOverAt, now() + RECHECK_EVERY_MS) - now())),
    );
  }

  /** For an item another worker prepares: its outcome, or, once that worker's time is up, ours to prepare. */
  async function lookAgain(ticket: Ticket) {
    rechecks.delete(ticket.itemId);
    if (stopping || !queue.isDeferred(ticket.itemId)) return;
    const recorded = await must("read outcome", () => outcomes.find(ticket.itemId));
    if (recorded === undefined || !queue.isDeferred(ticket.itemId)) return;
    if (recorded) {
      await announceOutcome(recorded);
      return done(ticket);
    }
    const latest = await must("read an item's claims", () => claims.latest(ticket.itemId));
    if (stopping || !queue.isDeferred(ticket.itemId)) return;
    const verdict = judgeClaim({ latest, worker: workerId, now: now(), graceMs });
    if (verdict.kind === "busy") return lookAgainLater(ticket, verdict.takeOverAt);
    queue.requeue(ticket.itemId);
    startWaitingTickets();
  }

  /** Whether another worker holds a live claim on an item (it is being prepared there). */
  async function claimedElsewhere(itemId: string): Promise<boolean> {
    const latest = await must("read an item's claims", () => claims.latest(itemId));
    return judgeClaim({ latest, worker: workerId, now: now(), graceMs }).kind === "busy";
  }

  /** Ends an item's offset and lets it go. */
  function done(ticket: Ticket) {
    progress.finish(ticket.partition, ticket.offset);
    queue.release(ticket.itemId);
  }

  async function finishTicket(ticket: Started) {
    timers.delete(ticket.itemId);
    const until = leases.get(ticket.itemId);
    leases.delete(ticket.itemId);
    if (!queue.finish(ticket.itemId)) return;
    if (until !== undefined && now() > until) {
      // Frozen or starved past its claim: another worker may have taken the item over, and
      // recording this preparation could make it a second one. The item is looked at again.
      log.warn("a preparation outlived its claim; not recorded", { itemId: ticket.itemId });
      queue.requeue(ticket.itemId);
      startWaitingTickets();
      return;
    }
    startWaitingTickets();
    const readyAt = now();
    const mine: CompletionDoc = {
      _id: ticket.itemId,
      orderId: ticket.orderId,
      menuItemId: ticket.menuItemId,
      name: ticket.name,
      worker: workerId,
      at: new Date(readyAt),
      outcome: "READY",
      startedAt: new Date(ticket.startedAt),
      readyAt: new Date(readyAt),
    };
    const won = await must("record completion", () => recordReady.add(mine));
    // Lost the insert (a withdrawal recorded first, or a zombie's twin): announce the winner's outcome.
    const winner =
      won === false ? await must("read outcome", async () => (await outcomes.find(mine._id)) ?? mine) : mine;
    // Stopping half-way leaves the offset uncommitted: the next owner settles the item.
    if (stopping || !winner) return;
    // This worker prepared the item, whichever outcome won the record.
    await announceOutcome(winner, { ...said, prepared: "1" });
    if (stopping) return;
    done(ticket);
    log.debug("item ready", { itemId: ticket.itemId });
  }

  async function recordUnavailable(item: StationItem, reason: UnavailableReason) {
    const doc: CompletionDoc = {
      _id: item.itemId,
      orderId: item.orderId,
      menuItemId: item.menuItemId,
      name: item.name,
      worker: workerId,
      at: new Date(now()),
      outcome: "UNAVAILABLE",
      reason,
    };
    const winner = await must("record unavailable", () => outcomes.record(doc));
    if (winner) await announceOutcome(winner);
  }

  /** Takes in the new tickets of a batch: outcome already recorded, a portion, or sold out. */
  async function takeIn(fresh: Ticket[]) {
    if (fresh.length === 0) return;
    // The first delivery of an item inserts its ticket; a duplicate key means it came before
    // (a crash, a rebalance, or a withdrawal that overtook it): only then ask for its outcome.
    const accepted = await must("record tickets", () =>
      insertNew(
        tickets,
        fresh.map((ticket) => ({ _id: ticket.itemId, orderId: ticket.orderId, acceptedAt: new Date(now()) })),
      ),
    );
    if (!accepted) return;
    const firstSeen = new Set(accepted.map((doc) => doc._id));
    const recorded = new Map<string, CompletionDoc>();
    for (const doc of await Promise.all(seenBefore(fresh, firstSeen).map((t) => outcomes.find(t.itemId))))
      if (doc) recorded.set(doc._id, doc);
    const { settledBefore, enqueue } = settleFresh({
      fresh,
      firstSeen,
      completedAt: new Map([...recorded].map(([id, doc]) => [id, doc.at.getTime()])),
    });
    for (const { ticket } of settledBefore) {
      await announceOutcome(recorded.get(ticket.itemId)!);
      done(ticket);
    }

    const withPortion: Ticket[] = [];
    for (const ticket of enqueue) {
      // Started before (a worker died or lost the partition with it in hand): its stock was
      // settled when it was first taken in, whatever the stock says now; it is finished, not judged again.
      if (!firstSeen.has(ticket.itemId)) {
        const claimed = await must("read an item's claims", () => claims.latest(ticket.itemId));
        if (stopping) return;
        if (claimed) {
          withPortion.push(ticket);
          continue;
        }
      }
      const setting = settingOf(ticket.menuItemId);
      const take = await must("take a portion", () => stock.take(ticket.itemId, ticket.menuItemId, setting));
      if (!take) return;
      if (take.ok) withPortion.push(ticket);
      else await recordUnavailable(ticket, "SOLD_OUT");
      if ((!take.ok || take.last) && setting)
        void must("announce sold out", () =>
          announce([
            stockNews(
              `${config.station}.stock.${ticket.menuItemId}.${setting.generation}.soldout`,
              ticket.menuItemId,
              0,
            ),
          ]),
        );
      if (!take.ok) done(ticket);
    }

    const at = now();
    const queued = queue.enqueue(withPortion, at);
    await must("announce queued items", () =>
      publisher.publish(
        config.topics.balcony,
        ItemQueued,
        queued.map((ticket) => itemQueuedEvent(ticket, at, ticket)),
        said,
      ),
    );
  }

  /** The station's one answer to a withdrawal, decided in partition order. */
  async function withdraw(request: ItemWithdrawalRequested, offset: string, partition: number) {
    const item: StationItem = { ...request.data, orderId: request.orderId };
    const before = queue.standing(item.itemId);
    const outcome = before ? undefined : (await must("read outcome", () => outcomes.find(item.itemId)))?.outcome;
    // A worker that lost this partition may still be preparing the item (its claim holds): too late.
    const elsewhere = (before === "queued" || (!before && !outcome)) && (await claimedElsewhere(item.itemId));
    // Decided and acted on in one synchronous step with the queue: no cook starts the item in between.
    const standing = queue.standing(item.itemId);
    const decision = decideWithdrawal(
      elsewhere && standing !== "reporting"
        ? { held: "preparing" }
        : standing
          ? { held: standing }
          : { held: "no", outcome },
    );
    const taken = decision.kind === "withdraw" && decision.fromQueue ? queue.withdraw(item.itemId) : undefined;

    if (decision.kind === "refuse")
      await must("announce refusal", () => announce([itemWithdrawalRefusedEvent(item, now(), decision.status)]));
    if (decision.kind === "repeat") {
      const doc = await must("read outcome", () => outcomes.find(item.itemId));
      if (doc) await announceOutcome(doc);
    }
    if (decision.kind === "withdraw") {
      const mine: CompletionDoc = {
        _id: item.itemId,
        orderId: item.orderId,
        menuItemId: item.menuItemId,
        name: item.name,
        worker: workerId,
        at: new Date(now()),
        outcome: "WITHDRAWN",
        reason: request.data.reason,
      };
      const winner = await must("record withdrawal", () => outcomes.record(mine));
      if (!winner) return;
      // Not seen yet: its ticket makes the item, when it arrives, look up this outcome and skip.
      if (!taken)
        await must("record ticket", () =>
          insertNew(tickets, [{ _id: item.itemId, orderId: item.orderId, acceptedAt: new Date(now()) }]),
        );
      if (winner.outcome === "WITHDRAWN") {
        const setting = settingOf(item.menuItemId);
        const back = await must("give a portion back", () => stock.giveBack(item.itemId, setting));
        if (back && setting) {
          const left = await must("count portions", () => stock.left(item.menuItemId, setting));
          if (left !== undefined)
            void must("announce stock", () =>
              announce([
                stockNews(
                  `${config.station}.stock.${item.menuItemId}.${setting.generation}.back.${item.itemId}`,
                  item.menuItemId,
                  left,
                ),
              ]),
            );
        }
      }
      await announceOutcome(winner);
      if (winner.outcome === "READY")
        await must("announce refusal", () => announce([itemWithdrawalRefusedEvent(item, now(), "READY")]));
      if (taken) done(taken);
    }
    if (!stopping) progress.finish(partition, offset);
  }

  async function setAside(batch: EachBatchPayload["batch"], message: KafkaMessage, reason: string) {
    log.warn("message set aside on the dead-letter topic", {
      reason,
      partition: batch.partition,
      offset: message.offset,
    });
    await must("dead-letter", () =>
      publisher.deadLetter(config.topics.deadLetters, {
        topic: batch.topic,
        partition: batch.partition,
        message,
        reason,
        consumer: config.groupId,
        at: now(),
      }),
    );
    progress.finish(batch.partition, message.offset);
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
      recipes = (await must("read recipes", () => loadRecipes(recipeDocs, config.itemType))) ?? recipes;
      verdicts = sort();
    }
    for (const verdict of verdicts) progress.begin(batch.partition, verdict.offset);
    let fresh: Ticket[] = [];
    for (const verdict of verdicts) {
      if (stopping) return;
      if (verdict.kind === "new") fresh.push(verdict.ticket);
      // Another message for an item in hand is done at once; a second copy of the message in hand is not.
      if (verdict.kind === "other-copy") progress.finish(batch.partition, verdict.offset);
      if (verdict.kind === "dead-letter")
        await setAside(
          batch,
          batch.messages.find((m) => m.offset === verdict.offset)!,
          verdict.reason,
        );
      if (verdict.kind === "unknown-item") {
        await recordUnavailable({ ...verdict.item.data, orderId: verdict.item.orderId }, "UNKNOWN_ITEM");
        progress.finish(batch.partition, verdict.offset);
      }
      if (verdict.kind === "withdrawal") {
        // Items before the withdrawal in the partition are taken in before it is decided.
        await takeIn(fresh);
        fresh = [];
        startWaitingTickets();
        await withdraw(verdict.request, verdict.offset, batch.partition);
      }
    }
    await takeIn(fresh);
    // Even a batch of repeats may follow a rebalance that freed a hand.
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
    // Waiting work of lost partitions goes; items in hand are finished here (their claims are ours).
    for (const ticket of queue.keepOnly((partition) => owned.has(partition))) {
      clearTimeout(rechecks.get(ticket.itemId));
      rechecks.delete(ticket.itemId);
    }
    progress.keepOnly((partition) => owned.has(partition));
    startWaitingTickets();
    log.info("partitions assigned", { partitions: [...owned] });
  });

  try {
    // Stock and pause come first: no item is taken under a stale setting.
    control = await followControl({
      kafka: config.kafka,
      topic: config.topics.stationControl,
      station: config.station,
      groupId: `${config.groupId}-control-${workerId}`,
      log,
      onChange: applyControl,
    });
    const caughtUp: ControlState = control.state();
    for (const [menuItemId, setting] of caughtUp.stock)
      applyControl({ kind: "stock", menuItemId, setting }, setting.generation);
    if (caughtUp.statusGeneration)
      applyControl(
        { kind: "paused", paused: caughtUp.paused, generation: caughtUp.statusGeneration },
        caughtUp.statusGeneration,
      );

    await consumer.connect();
    await consumer.subscribe({ topic: config.inputTopic, fromBeginning: true });
    // Partitions are taken in parallel (each still in order), so their inserts and messages share batches.
    await consumer.run({ autoCommit: false, partitionsConsumedConcurrently: config.partitions, eachBatch: takeBatch });
  } catch (err) {
    // A start that failed half-way leaves nothing running: a stray consumer would take partitions.
    stopping = true;
    await Promise.allSettled([consumer.disconnect(), control.stop(), producer.disconnect()]);
    throw err;
  }
  const committer = setInterval(() => void commit(), COMMIT_EVERY_MS);
  log.info("station open", { hands: config.hands, recipes: recipes.size, prepTimeScale: config.prepTimeScale });

  return {
    workerId,
    counts: () => queue.counts,
    async stop() {
      // A cook finishes the item in hand before leaving: the next owner need not wait out its claim.
      draining = true;
      const drainUntil = now() + DRAIN_LIMIT_MS;
      while (queue.inHand > 0 && now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
      clearInterval(committer);
      await commit();
      stopping = true;
      for (const timer of [...timers.values(), ...rechecks.values()]) clearTimeout(timer);
      await Promise.all([consumer.disconnect(), control.stop()]);
      await producer.disconnect();
      log.info("station closed");
    },
  };
}

export type StationHandle = Awaited<ReturnType<typeof startStation>>;
