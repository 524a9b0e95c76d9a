import type { Kafka } from "kafkajs";
import { isOrderEvent, OrderUpdate, type OrderEvent } from "@bakery/shared/events";
import { decodeMessage } from "@bakery/shared/kafka";
import type { OrderStatus, OrderView } from "@bakery/shared/order";
import { applyEvent } from "@bakery/shared/order-projection";

/** Nothing more will happen to it without someone's say: final, or waiting for the customer. */
const SETTLED: readonly OrderStatus[] = ["READY", "COLLECTED", "CANCELLED", "NEEDS_ACTION"];
export const FINAL: readonly OrderStatus[] = ["READY", "COLLECTED", "CANCELLED"];

export type UnavailableItem = { orderId: string; itemId: string; station: "KITCHEN" | "BAR"; menuItemId: number };

/**
 * The client's own view of its orders while the run goes on: the 201's view folded with what
 * `order-updates` says (what every browser is fed from), in a consumer group of its own. Used
 * to time recovery and to answer for items that became unavailable. The verdict at the end
 * comes from the API, not from here.
 */
export async function startOrderWatch(opts: {
  kafka: Kafka;
  topic: string;
  groupId: string;
  onUnavailable: (item: UnavailableItem) => void;
}) {
  const views = new Map<string, { view: OrderView; ackedAt: number }>();
  /** Events of orders whose 201 has not been read yet (the saga can be faster than the answer). */
  const early = new Map<string, OrderEvent[]>();

  const apply = (event: OrderEvent) => {
    const entry = views.get(event.orderId);
    if (!entry) {
      early.set(event.orderId, [...(early.get(event.orderId) ?? []), event]);
      return;
    }
    const before = entry.view;
    entry.view = applyEvent(before, event);
    if (event.type === "ItemUnavailable" && entry.view !== before) {
      const item = entry.view.items.find((i) => i.itemId === event.data.itemId);
      if (item?.status === "UNAVAILABLE")
        opts.onUnavailable({
          orderId: event.orderId,
          itemId: item.itemId,
          station: item.station,
          menuItemId: item.menuItemId,
        });
    }
  };

  const consumer = opts.kafka.consumer({ groupId: opts.groupId, sessionTimeout: 10_000, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const decoded = decodeMessage(OrderUpdate, message);
        if (decoded.ok && isOrderEvent(decoded.value)) apply(decoded.value);
      }
    },
  });

  return {
    acked(view: OrderView, at: number): void {
      views.set(view.id, { view, ackedAt: at });
      const waiting = early.get(view.id) ?? [];
      early.delete(view.id);
      waiting.forEach(apply);
    },
    status: (orderId: string): OrderStatus | undefined => views.get(orderId)?.view.status,
    /** Orders acknowledged before `at` that are not settled yet, oldest first. */
    unsettledBefore(at: number): { orderId: string; status: OrderStatus; ackedAt: number }[] {
      const out: { orderId: string; status: OrderStatus; ackedAt: number }[] = [];
      for (const [orderId, { view, ackedAt }] of views)
        if (ackedAt < at && !SETTLED.includes(view.status)) out.push({ orderId, status: view.status, ackedAt });
      return out.sort((a, b) => a.ackedAt - b.ackedAt);
    },
    /** Orders acknowledged so far that are not final. */
    open: (): number => [...views.values()].filter(({ view }) => !FINAL.includes(view.status)).length,
    stop: () => consumer.disconnect(),
  };
}
export type OrderWatch = Awaited<ReturnType<typeof startOrderWatch>>;
