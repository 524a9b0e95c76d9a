import { z } from "zod";
import { ItemType, MenuItem } from "./menu";
import { Station } from "./stations";

/**
 * At most this many items in one order, whatever the lines: every item is a message, a
 * station's work and events to read back, so one request must not cost without bound.
 */
export const MAX_ITEMS_PER_ORDER = 50;

const AT_MOST_ITEMS = `At most ${MAX_ITEMS_PER_ORDER} items in one order`;

/** `POST /api/orders` */
export const PlaceOrderRequest = z.strictObject({
  customerName: z.string().trim().min(1, "Tell us your name").max(60),
  items: z
    .array(
      z.strictObject({
        menuItemId: z.number().int().positive(),
        quantity: z.number().int().min(1).max(20),
      }),
    )
    .min(1, "Order at least one item")
    .max(30)
    .superRefine((lines, ctx) => {
      const total = lines.reduce((sum, line) => sum + line.quantity, 0);
      if (total > MAX_ITEMS_PER_ORDER)
        ctx.addIssue({ code: "custom", message: `${AT_MOST_ITEMS} (this one has ${total})` });
    }),
});
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequest>;

export const IdempotencyKey = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\w.:-]+$/, "letters, digits and . _ : - only");

/** `POST /api/order`: the original Flask contract. */
export const LegacyOrderRequest = z.strictObject({
  orderId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  items: z
    .array(z.strictObject({ id: z.number().int().positive(), type: ItemType }))
    .min(1)
    .max(MAX_ITEMS_PER_ORDER, AT_MOST_ITEMS),
});
export type LegacyOrderRequest = z.infer<typeof LegacyOrderRequest>;

/** `GET /api/order?orderId=1` */
export const LegacyOrderQuery = z.strictObject({
  orderId: z
    .string()
    .regex(/^\d{1,15}$/, "a whole number")
    .transform(Number),
});

export const LegacyOrderRow = z.object({
  order_id: z.number().int(),
  item_id: z.number().int(),
  /** CANCELLED: the item was not made (its station could not, or it was withdrawn). */
  status: z.enum(["PENDING", "DONE", "CANCELLED"]),
});
export type LegacyOrderRow = z.infer<typeof LegacyOrderRow>;

/** `POST /api/staff/session` */
export const StaffSignIn = z.strictObject({ password: z.string().min(1).max(200) });

/** Every error any route returns. `field` names the part of the request at fault. */
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

/** `POST /api/orders/:id/items/:itemId/decision`: what to do with an item its station cannot make. */
export const DecisionRequest = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("substitute"), menuItemId: z.number().int().positive() }),
  z.strictObject({ action: z.literal("remove") }),
  z.strictObject({ action: z.literal("cancel-order") }),
]);
export type DecisionRequest = z.infer<typeof DecisionRequest>;

/** `POST /api/staff/orders/:id/cancel` */
export const StaffCancelRequest = z.strictObject({ reason: z.string().trim().min(1, "Say why").max(200) });

/** `PUT /api/staff/stock/:menuItemId`: portions left; 0 = sold out now, null = unlimited. */
export const StockRequest = z.strictObject({ portions: z.number().int().min(0).max(100_000).nullable() });

/** `GET /api/menu` and the `menu` event of `GET /api/menu/events`: the menu, with what can be ordered now. */
export const MenuEntry = MenuItem.extend({ available: z.boolean() });
export type MenuEntry = z.infer<typeof MenuEntry>;

/** One item's stock as its station last reported it; portions null = unlimited. */
export const StockLine = z.object({
  menuItemId: z.number().int().positive(),
  station: Station,
  available: z.boolean(),
  portions: z.number().int().min(0).nullable(),
});
export type StockLine = z.infer<typeof StockLine>;

/** `GET /api/staff/stations`: paused flags and stock as the stations last reported them, and the board's grace. */
export const StationsStatus = z.object({
  stations: z.object({ KITCHEN: z.object({ paused: z.boolean() }), BAR: z.object({ paused: z.boolean() }) }),
  stock: z.array(StockLine),
  lateGraceS: z.number().int().nonnegative(),
});
export type StationsStatus = z.infer<typeof StationsStatus>;
