import { scheduleQueue } from "../station-schedule";
import type { Station } from "../stations";

export type Ticket = {
  itemId: string;
  orderId: string;
  menuItemId: number;
  name: string;
  station: Station;
  prepMs: number;
  partition: number;
  offset: string;
};

export type Queued = Ticket & { expectedReadyAt: number; position: number };
export type Started = Ticket & { startedAt: number; expectedReadyAt: number };

/**
 * A station's work in memory: a first-in, first-out queue and `hands` people preparing in
 * parallel. No I/O and no clock of its own: the loop passes `now` and acts on what it returns.
 */
export function createStationQueue(hands: number) {
  let queue: Ticket[] = [];
  const queuedIds = new Set<string>();
  const preparing = new Map<string, Started>();
  // Prepared, but its completion and READY are still being recorded: still held, so a copy
  // redelivered in that window is recognised instead of queued again.
  const reporting = new Map<string, Started>();
  // Another worker is preparing it (its claim holds): held, but no hand of ours is on it.
  const deferred = new Map<string, Ticket>();

  const busyUntil = () => [...preparing.values()].map((ticket) => ticket.expectedReadyAt);

  return {
    has: (itemId: string) =>
      preparing.has(itemId) || reporting.has(itemId) || deferred.has(itemId) || queuedIds.has(itemId),
    /** The ticket in hand for an item (queued, preparing, deferred or being reported), if any. */
    get: (itemId: string): Ticket | undefined =>
      preparing.get(itemId) ??
      reporting.get(itemId) ??
      deferred.get(itemId) ??
      (queuedIds.has(itemId) ? queue.find((ticket) => ticket.itemId === itemId) : undefined),

    /** Where a held item stands: waiting, in a hand (ours, or another worker's), or prepared and being reported. */
    standing(itemId: string): "queued" | "preparing" | "reporting" | undefined {
      if (queuedIds.has(itemId)) return "queued";
      if (preparing.has(itemId) || deferred.has(itemId)) return "preparing";
      return reporting.has(itemId) ? "reporting" : undefined;
    },
    isPreparing: (itemId: string) => preparing.has(itemId),
    isDeferred: (itemId: string) => deferred.has(itemId),

    /** Another worker prepares the item: our hand is free, the ticket stays held until its outcome. */
    defer(itemId: string): boolean {
      const entry = preparing.get(itemId);
      if (!entry) return false;
      preparing.delete(itemId);
      deferred.set(itemId, entry);
      return true;
    },

    /** Back to the head of the queue (its preparation is to be started again, or claimed again). */
    requeue(itemId: string): boolean {
      const entry = preparing.get(itemId) ?? reporting.get(itemId) ?? deferred.get(itemId);
      if (!entry) return false;
      preparing.delete(itemId);
      reporting.delete(itemId);
      deferred.delete(itemId);
      queue = [entry, ...queue];
      queuedIds.add(itemId);
      return true;
    },

    /** Takes a ticket that has not started out of the queue. */
    withdraw(itemId: string): Ticket | undefined {
      if (!queuedIds.has(itemId)) return undefined;
      const ticket = queue.find((entry) => entry.itemId === itemId);
      queue = queue.filter((entry) => entry.itemId !== itemId);
      queuedIds.delete(itemId);
      return ticket;
    },

    /** Adds tickets at the back of the queue and says when each is expected ready. */
    enqueue(tickets: readonly Ticket[], now: number): Queued[] {
      const before = queue.length;
      queue = [...queue, ...tickets];
      for (const ticket of tickets) queuedIds.add(ticket.itemId);
      const schedule = scheduleQueue({
        now,
        hands,
        busyUntil: busyUntil(),
        queued: queue.map((ticket) => ticket.prepMs),
      });
      return tickets.map((ticket, i) => ({
        ...ticket,
        position: before + i,
        expectedReadyAt: schedule[before + i]?.readyAt ?? now,
      }));
    },

    /** Hands that are free take the oldest tickets. */
    startNext(now: number): Started[] {
      const started: Started[] = [];
      while (preparing.size < hands && queue.length > 0) {
        const ticket = queue.shift() as Ticket;
        queuedIds.delete(ticket.itemId);
        const entry = { ...ticket, startedAt: now, expectedReadyAt: now + ticket.prepMs };
        preparing.set(ticket.itemId, entry);
        started.push(entry);
      }
      return started;
    },

    /** The hand is free; the ticket stays held until `release` (its outcome is recorded). */
    finish(itemId: string): Started | undefined {
      const entry = preparing.get(itemId);
      preparing.delete(itemId);
      if (entry) reporting.set(itemId, entry);
      return entry;
    },

    /** Lets an item go once its outcome is recorded (or known), wherever it was held. */
    release(itemId: string): void {
      preparing.delete(itemId);
      reporting.delete(itemId);
      deferred.delete(itemId);
    },

    /**
     * Drops the waiting work of partitions this station no longer owns and returns it. Items
     * in hand stay: their preparation is this worker's (its claim), and the partition's new
     * owner waits for their outcome instead of starting them again.
     */
    keepOnly(ownsPartition: (partition: number) => boolean): Ticket[] {
      const dropped = [
        ...queue.filter((ticket) => !ownsPartition(ticket.partition)),
        ...[...deferred.values()].filter((ticket) => !ownsPartition(ticket.partition)),
      ];
      queue = queue.filter((ticket) => ownsPartition(ticket.partition));
      for (const ticket of dropped) {
        deferred.delete(ticket.itemId);
        queuedIds.delete(ticket.itemId);
      }
      return dropped;
    },

    get counts() {
      return { queued: queue.length, preparing: preparing.size };
    },
    /** Items in hand (preparing or being reported), for a stop that lets them finish. */
    get inHand(): number {
      return preparing.size + reporting.size;
    },
  };
}
