import { eventIds, type OrderEvent } from "@bakery/shared/events";
import { decisionDeadline } from "@bakery/shared/order-projection";
import { insertNew } from "@bakery/shared/mongo";
import { decideItem } from "./decide-item";
import { AppError } from "./errors";
import type { SagaDeps } from "./saga-deps";
import type { DecisionDeadlineDoc } from "./waiter-db";

const SWEEP_EVERY_MS = 2000;

/**
 * Decides for the customer who does not: an unavailable item is removed (and refunded) at
 * its deadline. The process whose projector stored the ItemUnavailable keeps a timer; a
 * deadline record, stored before the balcony offset is committed, lets a periodic sweep on
 * any process catch what a crash or restart dropped. An original-contract order (its client
 * cannot choose) and an order being cancelled are decided at once.
 */
export function startDecisionTimeouts(deps: SagaDeps, now: () => number = Date.now) {
  const timers = new Map<string, NodeJS.Timeout>();
  const deciding = new Set<string>();

  /** Called by the projector for every batch it stored, before it commits the batch. */
  async function track(events: readonly OrderEvent[]): Promise<void> {
    const unavailable = events.filter((event) => event.type === "ItemUnavailable");
    if (unavailable.length === 0) return;
    const deadlines = await Promise.all(
      unavailable.map(async (event): Promise<DecisionDeadlineDoc | undefined> => {
        const [order, cancellation] = await Promise.all([
          deps.c.orders.findOne({ _id: event.orderId }),
          deps.c.orderEvents.findOne({ _id: eventIds.orderCancellationRequested(event.orderId) }),
        ]);
        if (!order) return undefined;
        const atOnce = order.legacyOrderId !== undefined || cancellation !== null;
        return {
          _id: event.data.itemId,
          orderId: event.orderId,
          decideBy: atOnce ? new Date(now()) : new Date(decisionDeadline(order, event.occurredAt)),
        };
      }),
    );
    const tracked = deadlines.filter((doc) => doc !== undefined);
    await insertNew(deps.c.decisionDeadlines, tracked);
    for (const deadline of tracked) schedule(deadline);
  }

  function schedule(deadline: DecisionDeadlineDoc): void {
    if (timers.has(deadline._id)) return;
    const timer = setTimeout(
      () => {
        timers.delete(deadline._id);
        void decideOnTimeout(deadline);
      },
      Math.max(0, deadline.decideBy.getTime() - now()),
    );
    timer.unref();
    timers.set(deadline._id, timer);
  }

  async function decideOnTimeout(deadline: DecisionDeadlineDoc): Promise<void> {
    if (deciding.has(deadline._id)) return;
    deciding.add(deadline._id);
    try {
      // Cancelled meanwhile: the item goes with the rest of the order.
      const cancelled = await deps.c.orderEvents.findOne({
        _id: eventIds.orderCancellationRequested(deadline.orderId),
      });
      const action = cancelled ? "cancel-order" : "remove";
      await decideItem(deps, deadline.orderId, deadline._id, { action }, "TIMEOUT", now()).catch((err: unknown) => {
        if (!(err instanceof AppError && (err.code === "ALREADY_DECIDED" || err.code === "NOT_UNAVAILABLE"))) throw err;
      });
      await deps.c.decisionDeadlines.deleteOne({ _id: deadline._id });
    } catch (err) {
      // The deadline record stays: the sweep tries again.
      deps.log.warn("a decision timeout failed; the sweep will retry", { itemId: deadline._id, err });
    } finally {
      deciding.delete(deadline._id);
    }
  }

  async function sweep(): Promise<void> {
    const due = await deps.c.decisionDeadlines
      .find({ decideBy: { $lte: new Date(now()) } })
      .limit(200)
      .toArray();
    for (const deadline of due) if (!timers.has(deadline._id)) await decideOnTimeout(deadline);
  }

  let sweeping = false;
  const interval = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((err: unknown) => deps.log.warn("decision sweep failed; will retry", { err }))
      .finally(() => (sweeping = false));
  }, SWEEP_EVERY_MS);
  interval.unref();

  return {
    track,
    sweep,
    stop() {
      clearInterval(interval);
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
    },
  };
}
