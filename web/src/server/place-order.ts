import { randomBytes, randomInt } from "node:crypto";
import type { OrderRecord } from "@bakery/shared/order";
import { isDuplicateKeyError } from "@bakery/shared/mongo";
import type { WebContext } from "./context";
import { buildOrder, menuItemFor, refuseSoldOut, type OrderLine } from "./build-order";
import { AppError } from "./errors";
import { createPickupCodes } from "./pickup-codes";
import { hashOf } from "./request-hash";
import { toRecord, type OrderDoc } from "./waiter-db";

export type PlaceOrderInput = {
  customerName: string;
  lines: readonly OrderLine[];
  /** Makes retries safe: `idem:<Idempotency-Key>` or `legacy:<orderId>`. */
  key?: string;
  /** What the key must have been used with before; a different request under the same key is a conflict. */
  request?: unknown;
  legacyOrderId?: number;
};

/** Tries for a free pickup code; the codes grow a character every two tries, so 8 is never reached in practice. */
const PICKUP_ATTEMPTS = 8;
// Per process: a hint of how long today's codes have to be (the unique index decides).
const pickupCodes = createPickupCodes(() => randomInt(1 << 30) / (1 << 30));

/**
 * Accepts an order. When this returns, the order and its outbox entry are stored, so the
 * order reaches the stations even if Kafka is down right now. A failure leaves what was
 * written in place: the order may be stored after all (a timeout is not a "no"), and a
 * concurrent request under the same key writes the same entries. A retry under the same
 * key finishes the order under the id its key reserved; the outbox sweeper ignores an
 * entry whose order never came.
 */
export async function placeOrder(
  ctx: WebContext,
  input: PlaceOrderInput,
): Promise<{ order: OrderRecord; replayed: boolean }> {
  const menu = await ctx.menu.current();
  // Every item must be on the menu before anything is written.
  input.lines.forEach((line, i) => menuItemFor(line, i, menu));
  const orderId = randomBytes(16).toString("base64url");

  if (input.key) {
    const requestHash = hashOf(input.request);
    try {
      await ctx.c.orderKeys.insertOne({ _id: input.key, orderId, requestHash, createdAt: new Date() });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await ctx.c.orderKeys.findOne({ _id: input.key });
      if (!existing) throw new AppError("CONFLICT", "This request is being processed; retry in a moment");
      if (existing.requestHash !== requestHash)
        throw new AppError("CONFLICT", "This key was already used for a different order");
      const order = await ctx.c.orders.findOne({ _id: existing.orderId });
      // The first attempt stopped half-way (a crash): finish it under the order id it reserved.
      return order
        ? { order: toRecord(order), replayed: true }
        : { order: await writeOrder(ctx, input, existing.orderId), replayed: true };
    }
    return { order: await writeOrder(ctx, input, orderId), replayed: false };
  }
  return { order: await writeOrder(ctx, input, orderId), replayed: false };
}

async function writeOrder(ctx: WebContext, input: PlaceOrderInput, orderId: string): Promise<OrderRecord> {
  const menu = await ctx.menu.current();
  // Here, not before the idempotency key: a retry of an order already taken is replayed, sold out or not.
  refuseSoldOut(input.lines, ctx.stationNews.available);
  const now = Date.now();
  const day = new Date(now).toISOString().slice(0, 10);
  let built = buildOrder({
    ...input,
    orderId,
    pickupCode: pickupCodes.draw(day, 1),
    menu,
    now,
    prepTimeScale: ctx.env.PREP_TIME_SCALE,
    decisionWindowS: ctx.env.DECISION_TIMEOUT_S,
  });

  // The outbox entry goes first: an order is never stored without its way to the stations.
  await ctx.orderWriter
    .outbox({ _id: orderId, createdAt: new Date(now), messages: built.messages })
    .catch((err: unknown) => {
      throw unavailable(ctx, err);
    });
  for (let attempt = 1; ; attempt++) {
    const { id, ...rest } = built.record;
    const doc: OrderDoc = { _id: id, pickupKey: `${day}:${built.record.pickupCode}`, ...rest };
    const outcome = await ctx.orderWriter.order(doc).catch((err: unknown) => {
      throw unavailable(ctx, err);
    });
    if (outcome === "stored") {
      pickupCodes.stored(day, built.record.pickupCode);
      break;
    }
    // A duplicate key: this order is there already (a retry), or its pickup code is taken today.
    const existing = await ctx.c.orders.findOne({ _id: orderId });
    if (existing) return toRecord(existing);
    if (attempt >= PICKUP_ATTEMPTS) throw unavailable(ctx, new Error("no free pickup code"));
    built = { ...built, record: { ...built.record, pickupCode: pickupCodes.draw(day, attempt + 1) } };
  }
  ctx.dispatcher.dispatchSoon({ _id: orderId, order: built.record, messages: built.messages });
  return built.record;
}

const unavailable = (ctx: WebContext, err: unknown) => {
  ctx.log.error("could not store an order", { err: err instanceof Error ? err : new Error(String(err)) });
  return new AppError("UNAVAILABLE", "The bakery could not take the order right now; please retry");
};
