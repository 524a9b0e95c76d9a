import { eventIds, ItemOrdered, OrderPlaced } from "@bakery/shared/events";
import type { Publisher } from "@bakery/shared/kafka";
import type { Logger } from "@bakery/shared/logger";
import { createMicroBatcher } from "@bakery/shared/micro-batcher";
import type { Topics } from "@bakery/shared/topics";
import type { OrderRecord } from "@bakery/shared/order";
import { createWaitingList } from "./outbox-waiting";
import { toRecord, type OutboxDoc, type WaiterCollections } from "./waiter-db";

const SWEEP_EVERY_MS = 2000;
/**
 * An outbox entry this old (by its writer's clock) was probably not handed over by the request
 * that wrote it (Kafka down, or a crash). A wrong guess only sends its messages twice.
 */
const STALE_AFTER_MS = 5000;

/**
 * The outbox relay. A placed order is in the outbox before its 201 is sent; the request
 * then asks for a dispatch, and a sweeper picks up whatever was not dispatched (Kafka was
 * down, the process died). Foods go to `foods`, drinks to `drinks`. A message may be sent
 * twice (two sweepers, a retry); the stations recognise it by its id.
 *
 * Why no acknowledged order is lost: the outbox entry is inserted before the order, and an
 * entry is deleted only after Kafka acknowledged its messages. So every stored order has
 * its entry until it was sent, whatever failed in between.
 */
export function createOrderDispatcher(deps: {
  c: WaiterCollections;
  publisher: Publisher;
  topics: Topics;
  log: Logger;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const removeFromOutbox = createMicroBatcher<string, void>(async (ids) => {
    await deps.c.outbox.deleteMany({ _id: { $in: ids } });
    return ids.map(() => undefined);
  });

  /** Orders whose hand-over is under way: neither the sweeper nor a second call queues them again. */
  const inFlight = new Set<string>();

  async function dispatch(entry: Pick<OutboxDoc, "_id" | "messages"> & { order: OrderRecord }): Promise<void> {
    if (inFlight.has(entry._id)) return;
    inFlight.add(entry._id);
    try {
      await send(entry);
    } finally {
      inFlight.delete(entry._id);
    }
  }

  async function send(entry: Pick<OutboxDoc, "_id" | "messages"> & { order: OrderRecord }): Promise<void> {
    const foods = entry.messages.filter((message) => message.data.station === "KITCHEN");
    const drinks = entry.messages.filter((message) => message.data.station === "BAR");
    const placed: OrderPlaced = {
      id: eventIds.orderPlaced(entry._id),
      type: "OrderPlaced",
      version: 1,
      occurredAt: entry.order.placedAt,
      orderId: entry._id,
      data: { order: entry.order },
    };
    await Promise.all([
      deps.publisher.publish(deps.topics.foods, ItemOrdered, foods),
      deps.publisher.publish(deps.topics.drinks, ItemOrdered, drinks),
      deps.publisher.publish(deps.topics.orderUpdates, OrderPlaced, [placed]),
    ]);
    await removeFromOutbox.add(entry._id);
  }

  const waiting = createWaitingList(now);

  async function sweep(): Promise<void> {
    const stale = await deps.c.outbox
      .find({ createdAt: { $lt: new Date(now() - STALE_AFTER_MS) }, _id: { $nin: [...waiting.notDue(), ...inFlight] } })
      .limit(500)
      .toArray();
    if (stale.length === 0) return;
    const orders = await deps.c.orders.find({ _id: { $in: stale.map((entry) => entry._id) } }).toArray();
    const placed = new Map(orders.map((order) => [order._id, toRecord(order)]));
    // An entry without its order is left alone, never deleted: the order row may still be on its way
    // (a batched insert, a slow request, a writer whose clock is behind), and once it is stored
    // it was acknowledged. Only a crash between the two inserts leaves an entry that never gets
    // an order; such entries are rare and kept, and looked at less and less often.
    for (const { _id } of stale) {
      if (placed.has(_id)) waiting.forget(_id);
      else waiting.saw(_id);
    }
    await Promise.all(
      stale.flatMap((entry) => {
        const order = placed.get(entry._id);
        return order ? [dispatch({ ...entry, order })] : [];
      }),
    );
    deps.log.info("outbox swept", { dispatched: placed.size, withoutOrder: stale.length - placed.size });
  }

  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((err: unknown) => deps.log.warn("outbox sweep failed; will retry", { err }))
      .finally(() => (sweeping = false));
  }, SWEEP_EVERY_MS);
  timer.unref();

  return {
    /** Fire and forget from the request: a failure here is the sweeper's to repair. */
    dispatchSoon(entry: Pick<OutboxDoc, "_id" | "messages"> & { order: OrderRecord }): void {
      dispatch(entry).catch((err: unknown) =>
        deps.log.warn("dispatch deferred to the outbox sweeper", { orderId: entry._id, err }),
      );
    },
    sweep,
    stop: () => clearInterval(timer),
  };
}
export type OrderDispatcher = ReturnType<typeof createOrderDispatcher>;
