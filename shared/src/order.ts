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
});
export type OrderRecord = z.infer<typeof OrderRecord>;

export const ItemStatus = z.enum(["QUEUED", "PREPARING", "READY"]);
export type ItemStatus = z.infer<typeof ItemStatus>;
export const OrderStatus = z.enum(["PLACED", "IN_PREPARATION", "READY", "COLLECTED"]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const TimelineEntry = z.object({
  at: z.iso.datetime(),
  type: z.enum([
    "OrderPlaced",
    "OrderInPreparation",
    "ItemQueued",
    "ItemStarted",
    "ItemReady",
    "OrderReady",
    "OrderCollected",
  ]),
  eventId: z.string().optional(),
  itemId: z.string().optional(),
  name: z.string().optional(),
  station: Station.optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ItemView = OrderItem.extend({
  status: ItemStatus,
  expectedReadyAt: z.iso.datetime(),
  position: z.number().int().optional(),
  queuedAt: z.iso.datetime().optional(),
  startedAt: z.iso.datetime().optional(),
  readyAt: z.iso.datetime().optional(),
});
export type ItemView = z.infer<typeof ItemView>;

/** What `GET /api/orders/:id` returns and what browsers keep up to date from the event stream. */
export const OrderView = OrderRecord.omit({ estimatedReadyAt: true }).extend({
  status: OrderStatus,
  /** The latest expected ready time of the items not yet ready; the actual ready time once all are. */
  eta: z.iso.datetime(),
  readyAt: z.iso.datetime().optional(),
  collectedAt: z.iso.datetime().optional(),
  items: z.array(ItemView),
  timeline: z.array(TimelineEntry),
});
export type OrderView = z.infer<typeof OrderView>;
