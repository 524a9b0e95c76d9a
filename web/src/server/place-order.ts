import { randomBytes, randomInt } from "node:crypto";
import type { OrderRecord } from "@bakery/shared/order";
import type { Logger } from "@bakery/shared/logger";
import type { WebEnv } from "./env";
import type { MenuStore } from "./menu-store";
import type { OrderBook } from "./order-book";
import type { OrderDispatcher } from "./order-dispatcher";
import type { StationNewsStore } from "./station-news";
import { buildOrder, menuItemFor, refuseSoldOut, type OrderLine } from "./build-order";
import { AppError } from "./errors";
import { isOutage } from "./outage";
import { createPickupCodes } from "./pickup-codes";
import { hashOf } from "./request-hash";
import { toRecord, type OrderDoc } from "./waiter-db";

/** What placing an order needs of the process: no Kafka and no collection, only the order book. */
export type PlaceOrderDeps = {
  menu: Pick<MenuStore, "current">;
  orderBook: OrderBook;
  stationNews: Pick<StationNewsStore, "available">;
  dispatcher: Pick<OrderDispatcher, "dispatchSoon">;
  env: Pick<WebEnv, "PREP_TIME_SCALE" | "DECISION_TIMEOUT_S">;
  log: Logger;
};

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
  ctx: PlaceOrderDeps,
  input: PlaceOrderInput,
): Promise<{ order: OrderRecord; replayed: boolean }> {
  const menu = await ctx.menu.current();
  // Every item must be on the menu before anything is written.
  input.lines.forEach((line, i) => menuItemFor(line, i, menu));
  const orderId = randomBytes(16).toString("base64url");

  if (input.key) {
    const requestHash = hashOf(input.request);
    const claim = await orUnavailable(
      ctx,
      ctx.orderBook.claimKey({ _id: input.key, orderId, requestHash, createdAt: new Date() }),
    );
    if (claim === "taken") {
      const existing = await orUnavailable(ctx, ctx.orderBook.keyOf(input.key));
      if (!existing) throw new AppError("CONFLICT", "This request is being processed; retry in a moment");
      if (existing.requestHash !== requestHash)
        throw new AppError("CONFLICT", "This key was already used for a different order");
      const order = await orUnavailable(ctx, ctx.orderBook.orderById(existing.orderId));
      // The first attempt stopped half-way (a crash): finish it under the order id it reserved.
      return order
        ? { order: toRecord(order), replayed: true }
        : { order: await writeOrder(ctx, input, existing.orderId), replayed: true };
    }
    return { order: await writeOrder(ctx, input, orderId), replayed: false };
  }
  return { order: await writeOrder(ctx, input, orderId), replayed: false };
}

async function writeOrder(ctx: PlaceOrderDeps, input: PlaceOrderInput, orderId: string): Promise<OrderRecord> {
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
  await orUnavailable(ctx, ctx.orderBook.outbox({ _id: orderId, createdAt: new Date(now), messages: built.messages }));
  for (let attempt = 1; ; attempt++) {
    const { id, ...rest } = built.record;
    const doc: OrderDoc = { _id: id, pickupKey: `${day}:${built.record.pickupCode}`, ...rest };
    const outcome = await orUnavailable(ctx, ctx.orderBook.order(doc));
    if (outcome === "stored") {
      pickupCodes.stored(day, built.record.pickupCode);
      break;
    }
    // A duplicate key: this order is there already (a retry), or its pickup code is taken today.
    const existing = await orUnavailable(ctx, ctx.orderBook.orderById(orderId));
    if (existing) return toRecord(existing);
    if (attempt >= PICKUP_ATTEMPTS) throw unavailable(ctx, new Error("no free pickup code"));
    built = { ...built, record: { ...built.record, pickupCode: pickupCodes.draw(day, attempt + 1) } };
  }
  ctx.dispatcher.dispatchSoon({ _id: orderId, order: built.record, messages: built.messages });
  return built.record;
}

const unavailable = (ctx: PlaceOrderDeps, err: unknown) => {
  const fields = { err: err instanceof Error ? err : new Error(String(err)) };
  // An outage is logged once by the database client's watch (mongo.ts), not once per order.
  if (isOutage(err)) ctx.log.debug("could not store an order", fields);
  else ctx.log.error("could not store an order", fields);
  return new AppError("UNAVAILABLE", "The bakery could not take the order right now; please retry");
};

/** Any failure of the order book (the database down, a timeout) is a 503 to retry, never a 500. */
const orUnavailable = <T>(ctx: PlaceOrderDeps, write: Promise<T>): Promise<T> =>
  write.catch((err: unknown) => {
    throw unavailable(ctx, err);
  });
