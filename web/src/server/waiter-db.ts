import type { Db } from "mongodb";
import type { ItemOrdered, OrderEvent, StationNews } from "@bakery/shared/events";
import type { MenuItem } from "@bakery/shared/menu";
import type { OrderRecord } from "@bakery/shared/order";
import type { RateSlotDoc } from "./slot-limiter";

/**
 * The waiter's own database. Every document is inserted once and never updated:
 * progress arrives as insert-only events keyed by their id, which keeps the saga
 * correct on FerretDB (no atomic updates) and on MongoDB alike.
 */
export type MenuDoc = MenuItem & { _id: number };
export type OrderDoc = Omit<OrderRecord, "id"> & { _id: string; pickupKey: string };
export type OrderEventDoc = { _id: string; orderId: string; occurredAt: Date; event: OrderEvent };
/** Orders accepted but not yet handed to Kafka; deleted once they are. */
export type OutboxDoc = { _id: string; createdAt: Date; messages: ItemOrdered[] };
/** An idempotency key (or a legacy order number) and the request it was first used with. */
export type OrderKeyDoc = { _id: string; orderId: string; requestHash: string; createdAt: Date };

/** Stock and pause news from the stations, stored once by id, so a process starting up knows the menu's availability. */
export type StationNewsDoc = { _id: string; occurredAt: Date; event: StationNews };
/**
 * A stored decision or cancellation whose effects (relay, substitute's ItemOrdered, withdrawals)
 * may not have run yet: inserted before the event, deleted once `effects_done` has its id.
 */
export type PendingEffectsDoc = { _id: string; orderId: string; createdAt: Date };
/** Insert-only: the effects of this stored event ran to the end. */
export type EffectsDoneDoc = { _id: string; doneAt: Date };
/** An unavailable item waiting for its decision, and when the timeout decides it; deleted once decided. */
export type DecisionDeadlineDoc = { _id: string; orderId: string; decideBy: Date };

/** A staff session, inserted at sign-in; never changed (its end is a record of its own). */
export type StaffSessionDoc = { _id: string; createdAt: Date; expiresAt: Date };
/** Insert-only: this session was ended (signed out) and is refused from now on, by every web process. */
export type StaffSessionEndDoc = { _id: string; endedAt: Date };

export function waiterCollections(db: Db) {
  return {
    menu: db.collection<MenuDoc>("menu"),
    orders: db.collection<OrderDoc>("orders"),
    orderEvents: db.collection<OrderEventDoc>("order_events"),
    outbox: db.collection<OutboxDoc>("outbox"),
    orderKeys: db.collection<OrderKeyDoc>("order_keys"),
    stationNews: db.collection<StationNewsDoc>("station_news"),
    pendingEffects: db.collection<PendingEffectsDoc>("pending_effects"),
    effectsDone: db.collection<EffectsDoneDoc>("effects_done"),
    decisionDeadlines: db.collection<DecisionDeadlineDoc>("decision_deadlines"),
    staffSessions: db.collection<StaffSessionDoc>("staff_sessions"),
    staffSessionEnds: db.collection<StaffSessionEndDoc>("staff_session_ends"),
    /** Sign-in attempts counted across web processes, one slot per attempt (slot-limiter.ts). */
    rateSlots: db.collection<RateSlotDoc>("rate_slots"),
  };
}
export type WaiterCollections = ReturnType<typeof waiterCollections>;

export async function ensureIndexes(c: WaiterCollections): Promise<void> {
  await Promise.all([
    c.orders.createIndex({ pickupKey: 1 }, { unique: true }),
    c.orders.createIndex({ placedAt: -1 }),
    c.orderEvents.createIndex({ orderId: 1 }),
    c.outbox.createIndex({ createdAt: 1 }),
    c.rateSlots.createIndex({ expiresAt: 1 }),
  ]);
}

export const toRecord = ({ _id, pickupKey: _pickupKey, ...rest }: OrderDoc): OrderRecord => ({ id: _id, ...rest });
