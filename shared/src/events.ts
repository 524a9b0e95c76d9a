import { z } from "zod";
import { OrderRecord } from "./order";
import { Station } from "./stations";

/**
 * Every message on every topic is one envelope: who it is (id), what happened (type),
 * when, which order it belongs to (also the Kafka key), and the event's own data.
 * Schemas are checked when a message is produced and again when it is consumed.
 */
const envelope = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({
    id: z.string().min(1).max(200),
    type: z.literal(type),
    version: z.literal(1),
    occurredAt: z.iso.datetime(),
    orderId: z.string().min(1).max(100),
    data,
  });

const itemRef = {
  itemId: z.string().min(1).max(120),
  menuItemId: z.number().int().positive(),
  name: z.string().min(1).max(100),
  station: Station,
};

/** Waiter -> station (topics `foods` and `drinks`): one message per item, two identical items are two messages. */
export const ItemOrdered = envelope("ItemOrdered", z.strictObject(itemRef));
/** Station -> balcony: the item joined the station's queue; expectedReadyAt is the station's ETA for it. */
export const ItemQueued = envelope(
  "ItemQueued",
  z.strictObject({ ...itemRef, expectedReadyAt: z.iso.datetime(), position: z.number().int().nonnegative() }),
);
export const ItemStarted = envelope("ItemStarted", z.strictObject({ ...itemRef, expectedReadyAt: z.iso.datetime() }));
export const ItemReady = envelope("ItemReady", z.strictObject(itemRef));
/** Staff handed the order over: the end of its saga. */
export const OrderCollected = envelope("OrderCollected", z.strictObject({}));

/** Waiter -> every web process (`order-updates` only): a new order, so staff boards can show it at once. */
export const OrderPlaced = envelope("OrderPlaced", z.strictObject({ order: OrderRecord }));

export const StationEvent = z.discriminatedUnion("type", [ItemQueued, ItemStarted, ItemReady]);
/** What an order's timeline is made of, and what `order-updates` carries to every web process. */
export const OrderEvent = z.discriminatedUnion("type", [ItemQueued, ItemStarted, ItemReady, OrderCollected]);

export type ItemOrdered = z.infer<typeof ItemOrdered>;
export type ItemQueued = z.infer<typeof ItemQueued>;
export type ItemStarted = z.infer<typeof ItemStarted>;
export type ItemReady = z.infer<typeof ItemReady>;
export type OrderCollected = z.infer<typeof OrderCollected>;
export type StationEvent = z.infer<typeof StationEvent>;
export type OrderPlaced = z.infer<typeof OrderPlaced>;
/** What travels on `order-updates`: the stored order events, and new orders. */
export const OrderUpdate = z.discriminatedUnion("type", [
  ItemQueued,
  ItemStarted,
  ItemReady,
  OrderCollected,
  OrderPlaced,
]);
export type OrderUpdate = z.infer<typeof OrderUpdate>;
export type OrderEvent = z.infer<typeof OrderEvent>;

/**
 * Every event's id follows from what it is about, so a redelivered message is recognised
 * as such, and an order's stored events can be read by id alone (the one query FerretDB
 * answers from an index). The first report of each stage of an item is the one kept.
 */
export const eventIds = {
  itemOrdered: (itemId: string) => `${itemId}.ordered`,
  itemQueued: (itemId: string) => `${itemId}.queued`,
  itemStarted: (itemId: string) => `${itemId}.started`,
  itemReady: (itemId: string) => `${itemId}.ready`,
  orderCollected: (orderId: string) => `${orderId}.collected`,
  orderPlaced: (orderId: string) => `${orderId}.placed`,
};

/** A message a consumer could not use, set aside with the reason so the partition can move on. */
export const DeadLetter = z.strictObject({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  consumer: z.string(),
  failedAt: z.iso.datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

// ---------------------------------------------------------------------------------------------
// Station event builders: the one place each station event is assembled. Times are passed in.
// ---------------------------------------------------------------------------------------------

/** What a station event says about the item it concerns. */
export type StationItem = { itemId: string; orderId: string; menuItemId: number; name: string; station: Station };

const itemEventEnvelope = (item: StationItem, id: string, at: number) => ({
  id,
  version: 1 as const,
  occurredAt: new Date(at).toISOString(),
  orderId: item.orderId,
});
const itemRefOf = ({ itemId, menuItemId, name, station }: StationItem) => ({ itemId, menuItemId, name, station });

export const itemQueuedEvent = (
  item: StationItem,
  at: number,
  eta: { expectedReadyAt: number; position: number },
): ItemQueued => ({
  ...itemEventEnvelope(item, eventIds.itemQueued(item.itemId), at),
  type: "ItemQueued",
  data: { ...itemRefOf(item), expectedReadyAt: new Date(eta.expectedReadyAt).toISOString(), position: eta.position },
});

export const itemStartedEvent = (item: StationItem, at: number, expectedReadyAt: number): ItemStarted => ({
  ...itemEventEnvelope(item, eventIds.itemStarted(item.itemId), at),
  type: "ItemStarted",
  data: { ...itemRefOf(item), expectedReadyAt: new Date(expectedReadyAt).toISOString() },
});

export const itemReadyEvent = (item: StationItem, at: number): ItemReady => ({
  ...itemEventEnvelope(item, eventIds.itemReady(item.itemId), at),
  type: "ItemReady",
  data: itemRefOf(item),
});
