import { z } from "zod";
import { OrderItem, OrderRecord } from "./order";
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

// ---------------------------------------------------------------------------------------------
// The saga's failure half. The station is the authority over its items: it alone says an item
// cannot be made, was withdrawn, or is too far along to withdraw, in its partition's order.
// The waiter records the customer's choices (one insert under a unique id: the first wins).
// ---------------------------------------------------------------------------------------------

/** Why a station cannot make an item: out of portions ("86"), or an item it does not know. */
export const UnavailableReason = z.enum(["SOLD_OUT", "UNKNOWN_ITEM"]);
export type UnavailableReason = z.infer<typeof UnavailableReason>;
/** Who asked for an item to be withdrawn. */
export const WithdrawalReason = z.enum(["CUSTOMER_CANCELLED", "STAFF_CANCELLED"]);
export type WithdrawalReason = z.infer<typeof WithdrawalReason>;

/**
 * Waiter -> station (topics `foods` and `drinks`, keyed by order like the item itself, so it
 * reaches the station after the item, in the same partition). The station answers with
 * ItemWithdrawn (not started: dropped, its portion given back) or ItemWithdrawalRefused.
 */
export const ItemWithdrawalRequested = envelope(
  "ItemWithdrawalRequested",
  z.strictObject({ ...itemRef, reason: WithdrawalReason }),
);
/** Everything a station's input topic carries. */
export const StationInput = z.discriminatedUnion("type", [ItemOrdered, ItemWithdrawalRequested]);
export type StationInput = z.infer<typeof StationInput>;

/** Station -> balcony: this item will not be made; the order waits for the customer's decision. */
export const ItemUnavailable = envelope("ItemUnavailable", z.strictObject({ ...itemRef, reason: UnavailableReason }));
/** Station -> balcony: the item was dropped before it started; its portion is back in stock. */
export const ItemWithdrawn = envelope("ItemWithdrawn", z.strictObject({ ...itemRef, reason: WithdrawalReason }));
/** Station -> balcony: too late to withdraw; the item is (being) made and will be handed over. */
export const ItemWithdrawalRefused = envelope(
  "ItemWithdrawalRefused",
  z.strictObject({ ...itemRef, reason: z.literal("TOO_LATE"), status: z.enum(["PREPARING", "READY"]) }),
);

/** What a customer (or the timeout, on their behalf) chose for an UNAVAILABLE item. */
export const DecisionAction = z.enum(["substitute", "remove", "cancel-order"]);
export type DecisionAction = z.infer<typeof DecisionAction>;
export const DecidedBy = z.enum(["CUSTOMER", "TIMEOUT"]);
export type DecidedBy = z.infer<typeof DecidedBy>;

/**
 * Waiter (stored once under `eventIds.itemDecided`, then on `order-updates`): the one decision
 * for an UNAVAILABLE item. Its unique id is the race's referee: customer, other tab and timeout
 * all insert it, exactly one insert succeeds. A substitute is a new item of the order.
 */
export const ItemDecided = envelope(
  "ItemDecided",
  z.strictObject({
    itemId: z.string().min(1).max(120),
    action: DecisionAction,
    decidedBy: DecidedBy,
    substitute: OrderItem.optional(),
  }),
);

/** Waiter (stored once under `eventIds.orderCancellationRequested`): the customer or staff cancelled. */
export const OrderCancellationRequested = envelope(
  "OrderCancellationRequested",
  z.strictObject({ by: z.enum(["CUSTOMER", "STAFF"]), reason: z.string().trim().min(1).max(200).optional() }),
);

/** Events about a station rather than an order: no `orderId`; keyed by station (or menu item). */
const stationEnvelope = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({
    id: z.string().min(1).max(200),
    type: z.literal(type),
    version: z.literal(1),
    occurredAt: z.iso.datetime(),
    data,
  });

/** Staff -> station (`station-control`, one partition): portions of an item; null = unlimited, 0 = sold out now. */
export const StockSet = stationEnvelope(
  "StockSet",
  z.strictObject({
    station: Station,
    menuItemId: z.number().int().positive(),
    portions: z.number().int().min(0).max(100_000).nullable(),
  }),
);
/** Staff -> station (`station-control`): take orders in, start nothing / start again. */
export const StationPaused = stationEnvelope("StationPaused", z.strictObject({ station: Station }));
export const StationResumed = stationEnvelope("StationResumed", z.strictObject({ station: Station }));
export const StationControl = z.discriminatedUnion("type", [StockSet, StationPaused, StationResumed]);
export type StationControl = z.infer<typeof StationControl>;

/** Station -> balcony: whether an item can be ordered, as the station sees its stock now. */
export const StockChanged = stationEnvelope(
  "StockChanged",
  z.strictObject({
    station: Station,
    menuItemId: z.number().int().positive(),
    available: z.boolean(),
    /** Portions left; null = unlimited. */
    portions: z.number().int().min(0).nullable(),
  }),
);
/** Station -> balcony: the station applied a pause or a resume. */
export const StationStatusChanged = stationEnvelope(
  "StationStatusChanged",
  z.strictObject({ station: Station, paused: z.boolean() }),
);

/** Everything stations report on the balcony. */
export const StationEvent = z.discriminatedUnion("type", [
  ItemQueued,
  ItemStarted,
  ItemReady,
  ItemUnavailable,
  ItemWithdrawn,
  ItemWithdrawalRefused,
  StockChanged,
  StationStatusChanged,
]);
/** What an order's timeline is made of (stored by the waiter, relayed on `order-updates`). */
export const OrderEvent = z.discriminatedUnion("type", [
  ItemQueued,
  ItemStarted,
  ItemReady,
  ItemUnavailable,
  ItemWithdrawn,
  ItemWithdrawalRefused,
  ItemDecided,
  OrderCancellationRequested,
  OrderCollected,
]);
/** Station-wide news every web process keeps (menu availability, paused stations). */
export const StationNews = z.discriminatedUnion("type", [StockChanged, StationStatusChanged]);

export type ItemOrdered = z.infer<typeof ItemOrdered>;
export type ItemQueued = z.infer<typeof ItemQueued>;
export type ItemStarted = z.infer<typeof ItemStarted>;
export type ItemReady = z.infer<typeof ItemReady>;
export type ItemUnavailable = z.infer<typeof ItemUnavailable>;
export type ItemWithdrawalRequested = z.infer<typeof ItemWithdrawalRequested>;
export type ItemWithdrawn = z.infer<typeof ItemWithdrawn>;
export type ItemWithdrawalRefused = z.infer<typeof ItemWithdrawalRefused>;
export type ItemDecided = z.infer<typeof ItemDecided>;
export type OrderCancellationRequested = z.infer<typeof OrderCancellationRequested>;
export type OrderCollected = z.infer<typeof OrderCollected>;
export type StockSet = z.infer<typeof StockSet>;
export type StationPaused = z.infer<typeof StationPaused>;
export type StationResumed = z.infer<typeof StationResumed>;
export type StockChanged = z.infer<typeof StockChanged>;
export type StationStatusChanged = z.infer<typeof StationStatusChanged>;
export type StationNews = z.infer<typeof StationNews>;
export type StationEvent = z.infer<typeof StationEvent>;
export type OrderPlaced = z.infer<typeof OrderPlaced>;
/** What travels on `order-updates`: the stored order events, new orders, and station news. */
export const OrderUpdate = z.discriminatedUnion("type", [
  ItemQueued,
  ItemStarted,
  ItemReady,
  ItemUnavailable,
  ItemWithdrawn,
  ItemWithdrawalRefused,
  ItemDecided,
  OrderCancellationRequested,
  OrderCollected,
  OrderPlaced,
  StockChanged,
  StationStatusChanged,
]);
export type OrderUpdate = z.infer<typeof OrderUpdate>;
export type OrderEvent = z.infer<typeof OrderEvent>;

const orderEventTypes = new Set<string>(OrderEvent.options.map((option) => option.shape.type.value));
/** An update about one order's progress (what its timeline folds), as opposed to a new order or station news. */
export const isOrderEvent = <U extends { type: string }>(update: U): update is Extract<U, OrderEvent> =>
  orderEventTypes.has(update.type);
/** Station-wide news (stock, pause), which belongs to no order. */
export const isStationNews = (update: OrderUpdate | StationEvent): update is StationNews =>
  update.type === "StockChanged" || update.type === "StationStatusChanged";

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
  itemUnavailable: (itemId: string) => `${itemId}.unavailable`,
  itemWithdrawalRequested: (itemId: string) => `${itemId}.withdrawal-requested`,
  itemWithdrawn: (itemId: string) => `${itemId}.withdrawn`,
  itemWithdrawalRefused: (itemId: string) => `${itemId}.withdrawal-refused`,
  /** The one decision for an unavailable item: its id is what makes the first decision the only one. */
  itemDecided: (itemId: string) => `${itemId}.decided`,
  orderCancellationRequested: (orderId: string) => `${orderId}.cancellation-requested`,
};

/** A substitute is a new item of the same order; its id follows from the item it replaces. */
export const substituteItemId = (itemId: string) => `${itemId}~s`;

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

export const itemUnavailableEvent = (item: StationItem, at: number, reason: UnavailableReason): ItemUnavailable => ({
  ...itemEventEnvelope(item, eventIds.itemUnavailable(item.itemId), at),
  type: "ItemUnavailable",
  data: { ...itemRefOf(item), reason },
});

export const itemWithdrawnEvent = (item: StationItem, at: number, reason: WithdrawalReason): ItemWithdrawn => ({
  ...itemEventEnvelope(item, eventIds.itemWithdrawn(item.itemId), at),
  type: "ItemWithdrawn",
  data: { ...itemRefOf(item), reason },
});

export const itemWithdrawalRefusedEvent = (
  item: StationItem,
  at: number,
  status: "PREPARING" | "READY",
): ItemWithdrawalRefused => ({
  ...itemEventEnvelope(item, eventIds.itemWithdrawalRefused(item.itemId), at),
  type: "ItemWithdrawalRefused",
  data: { ...itemRefOf(item), reason: "TOO_LATE", status },
});

/** Station news ids follow from what caused them (a control offset, a sold-out slot), so workers' repeats collapse. */
export const stockChangedEvent = (
  id: string,
  at: number,
  data: { station: Station; menuItemId: number; available: boolean; portions: number | null },
): StockChanged => ({ id, type: "StockChanged", version: 1, occurredAt: new Date(at).toISOString(), data });

export const stationStatusChangedEvent = (
  id: string,
  at: number,
  data: { station: Station; paused: boolean },
): StationStatusChanged => ({
  id,
  type: "StationStatusChanged",
  version: 1,
  occurredAt: new Date(at).toISOString(),
  data,
});
