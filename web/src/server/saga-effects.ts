import {
  eventIds,
  ItemOrdered,
  ItemWithdrawalRequested,
  OrderEvent,
  type ItemDecided,
  type OrderCancellationRequested,
} from "@bakery/shared/events";
import type { Station } from "@bakery/shared/stations";
import { insertNew } from "@bakery/shared/mongo";
import { decideItem } from "./decide-item";
import { AppError } from "./errors";
import { loadOrderView } from "./order-view";
import type { SagaDeps } from "./saga-deps";
import { storeOnce } from "./store-once";

/** The waiter's own saga steps: each is stored once, then has effects on other services. */
export type SagaStep = ItemDecided | OrderCancellationRequested;

/**
 * Stores a decision or a cancellation once (the first insert wins), then runs its effects.
 * A pending record goes in first and is cleared only after the effects ran, so a crash in
 * between leaves something for the sweep (effects-sweep.ts) to finish.
 */
export async function storeWithEffects(
  deps: SagaDeps,
  step: SagaStep,
): Promise<{ stored: true; event: SagaStep } | { stored: false; event: OrderEvent }> {
  await insertNew(deps.c.pendingEffects, [{ _id: step.id, orderId: step.orderId, createdAt: new Date() }]);
  const result = await storeOnce(deps.c, step);
  if (result.stored) await runEffects(deps, step);
  return result;
}

/** Every effect is harmless to repeat (same ids on a re-run), so the sweep may run them again. */
export async function runEffects(deps: SagaDeps, step: SagaStep): Promise<void> {
  await deps.publisher.publish(deps.topics.orderUpdates, OrderEvent, [step]);
  if (step.type === "ItemDecided") await decisionEffects(deps, step);
  else await cancellationEffects(deps, step);
  await insertNew(deps.c.effectsDone, [{ _id: step.id, doneAt: new Date() }]);
  await deps.c.pendingEffects.deleteOne({ _id: step.id });
}

async function decisionEffects(deps: SagaDeps, decided: ItemDecided): Promise<void> {
  const substitute = decided.data.substitute;
  if (decided.data.action === "substitute" && substitute) {
    const ordered: ItemOrdered = {
      id: eventIds.itemOrdered(substitute.itemId),
      type: "ItemOrdered",
      version: 1,
      occurredAt: decided.occurredAt,
      orderId: decided.orderId,
      data: {
        itemId: substitute.itemId,
        menuItemId: substitute.menuItemId,
        name: substitute.name,
        station: substitute.station,
      },
    };
    await deps.publisher.publish(stationTopic(deps, substitute.station), ItemOrdered, [ordered]);
    // A substitute chosen while the order was being cancelled is withdrawn like the rest.
    const cancellation = await deps.c.orderEvents.findOne({
      _id: eventIds.orderCancellationRequested(decided.orderId),
    });
    if (cancellation?.event.type === "OrderCancellationRequested")
      await withdraw(deps, cancellation.event, [{ ...ordered.data }]);
  }
  if (decided.data.action === "cancel-order") {
    await storeWithEffects(deps, {
      id: eventIds.orderCancellationRequested(decided.orderId),
      type: "OrderCancellationRequested",
      version: 1,
      occurredAt: decided.occurredAt,
      orderId: decided.orderId,
      data: { by: "CUSTOMER" },
    });
  }
}

/**
 * Asks each station to withdraw the items that have not started (the station answers, in its
 * partition's order, withdrawn or too late), and decides every item waiting for a decision.
 */
async function cancellationEffects(deps: SagaDeps, cancellation: OrderCancellationRequested): Promise<void> {
  const view = await loadOrderView(deps, cancellation.orderId);
  await withdraw(
    deps,
    cancellation,
    view.items.filter((item) => item.status === "QUEUED"),
  );
  for (const item of view.items.filter((item) => item.status === "UNAVAILABLE")) {
    await decideItem(deps, view.id, item.itemId, { action: "cancel-order" }, "CUSTOMER").catch((err: unknown) => {
      if (!(err instanceof AppError && (err.code === "ALREADY_DECIDED" || err.code === "NOT_UNAVAILABLE"))) throw err;
    });
  }
}

async function withdraw(
  deps: SagaDeps,
  cancellation: OrderCancellationRequested,
  items: readonly { itemId: string; menuItemId: number; name: string; station: Station }[],
): Promise<void> {
  const requests = (station: Station): ItemWithdrawalRequested[] =>
    items
      .filter((item) => item.station === station)
      .map((item) => ({
        id: eventIds.itemWithdrawalRequested(item.itemId),
        type: "ItemWithdrawalRequested",
        version: 1,
        occurredAt: cancellation.occurredAt,
        orderId: cancellation.orderId,
        data: {
          itemId: item.itemId,
          menuItemId: item.menuItemId,
          name: item.name,
          station: item.station,
          reason: cancellation.data.by === "STAFF" ? "STAFF_CANCELLED" : "CUSTOMER_CANCELLED",
        },
      }));
  await Promise.all([
    deps.publisher.publish(deps.topics.foods, ItemWithdrawalRequested, requests("KITCHEN")),
    deps.publisher.publish(deps.topics.drinks, ItemWithdrawalRequested, requests("BAR")),
  ]);
}

const stationTopic = (deps: SagaDeps, station: Station) =>
  station === "KITCHEN" ? deps.topics.foods : deps.topics.drinks;
