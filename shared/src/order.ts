import { z } from "zod";
import { ItemType } from "./menu";
import { Station } from "./stations";

/** An order as the waiter stores it: written once at placement, never updated (progress lives in events). */
export const OrderItem = z.object({
  itemId: z.string(),
  menuItemId: z.number().int(),
  name: z.string(),
  type: ItemType,
  station: Station,
  priceCents: z.number().int(),
  prepSeconds: z.number(),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const OrderRecord = z.object({
  id: z.string(),
  pickupCode: z.string(),
  customerName: z.string(),
  placedAt: z.iso.datetime(),
  estimatedReadyAt: z.iso.datetime(),
  totalCents: z.number().int(),
  items: z.array(OrderItem),
  legacyOrderId: z.number().int().optional(),
  /** Seconds the customer has to choose for an item the station cannot make (DECISION_TIMEOUT_S at placement). */
  decisionWindowS: z.number().int().positive().optional(),
});
export type OrderRecord = z.infer<typeof OrderRecord>;

/**
 * QUEUED -> PREPARING -> READY is the forward path. UNAVAILABLE: the station cannot make it and
 * the customer (or the timeout) has to decide. CANCELLED: withdrawn, removed or replaced; see
 * `cancelReason`. READY and CANCELLED are final.
 */
export const ItemStatus = z.enum(["QUEUED", "PREPARING", "READY", "UNAVAILABLE", "CANCELLED"]);
export type ItemStatus = z.infer<typeof ItemStatus>;
/** CANCELLED: everything was withdrawn, so there is nothing to make or hand over. Final, like COLLECTED. */
export const OrderStatus = z.enum(["PLACED", "IN_PREPARATION", "NEEDS_ACTION", "READY", "COLLECTED", "CANCELLED"]);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Why an item was cancelled: the station withdrew it on a cancellation, or the customer's decision. */
export const ItemCancelReason = z.enum(["CUSTOMER_CANCELLED", "STAFF_CANCELLED", "REMOVED", "REPLACED"]);
export type ItemCancelReason = z.infer<typeof ItemCancelReason>;

export const TimelineEntry = z.object({
  at: z.iso.datetime(),
  type: z.enum([
    "OrderPlaced",
    "OrderInPreparation",
    "ItemQueued",
    "ItemStarted",
    "ItemReady",
    "ItemUnavailable",
    "ItemWithdrawn",
    "ItemWithdrawalRefused",
    "ItemDecided",
    "OrderCancellationRequested",
    "OrderReady",
    "OrderCancelled",
    "OrderCollected",
  ]),
  eventId: z.string().optional(),
  itemId: z.string().optional(),
  name: z.string().optional(),
  station: Station.optional(),
  /** Words for the customer beyond the type: the decision taken, the reason, the substitute's name. */
  detail: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ItemView = OrderItem.extend({
  status: ItemStatus,
  expectedReadyAt: z.iso.datetime(),
  position: z.number().int().optional(),
  queuedAt: z.iso.datetime().optional(),
  startedAt: z.iso.datetime().optional(),
  readyAt: z.iso.datetime().optional(),
  /** UNAVAILABLE: why, and until when the customer may choose before it is removed and refunded. */
  unavailableReason: z.enum(["SOLD_OUT", "UNKNOWN_ITEM"]).optional(),
  decideBy: z.iso.datetime().optional(),
  /** CANCELLED: why and when. */
  cancelReason: ItemCancelReason.optional(),
  cancelledAt: z.iso.datetime().optional(),
  /** A substitute names the item it replaces, and the replaced item names its substitute. */
  replaces: z.string().optional(),
  replacedBy: z.string().optional(),
  /** READY in an order staff cancelled: made, charged, never handed over. */
  waste: z.boolean().optional(),
});
export type ItemView = z.infer<typeof ItemView>;

/**
 * The money of an order, from its items alone: CHARGED = prepared (READY), REFUNDED = cancelled,
 * PENDING = not decided yet. At a final status nothing is PENDING, and
 * chargedCents + refundedCents = orderedCents (the original items plus substitutes).
 */
export const BillLine = z.object({
  itemId: z.string(),
  name: z.string(),
  priceCents: z.number().int(),
  state: z.enum(["CHARGED", "REFUNDED", "PENDING"]),
  substitute: z.boolean(),
});
export type BillLine = z.infer<typeof BillLine>;
export const Bill = z.object({
  lines: z.array(BillLine),
  orderedCents: z.number().int(),
  chargedCents: z.number().int(),
  refundedCents: z.number().int(),
  pendingCents: z.number().int(),
});
export type Bill = z.infer<typeof Bill>;

/** What `GET /api/orders/:id` returns and what browsers keep up to date from the event stream. */
export const OrderView = OrderRecord.omit({ estimatedReadyAt: true }).extend({
  status: OrderStatus,
  /** The latest expected ready time of the items not yet ready; the actual ready time once all are. */
  eta: z.iso.datetime(),
  /** The ETA promised when the order was placed; never moves. */
  promisedAt: z.iso.datetime(),
  /** Not ready by the promise (still open past it, or became ready after it). */
  late: z.boolean(),
  readyAt: z.iso.datetime().optional(),
  collectedAt: z.iso.datetime().optional(),
  cancelledAt: z.iso.datetime().optional(),
  cancellation: z
    .object({ by: z.enum(["CUSTOMER", "STAFF"]), reason: z.string().optional(), at: z.iso.datetime() })
    .optional(),
  items: z.array(ItemView),
  bill: Bill,
  timeline: z.array(TimelineEntry),
});
export type OrderView = z.infer<typeof OrderView>;
