import type { OrderUpdate } from "@bakery/shared/events";
import type { StreamWriter } from "./event-stream";
import type { OrderFeed } from "./order-feed";

/**
 * What every stream sends: a snapshot, then each update. It subscribes before reading
 * the snapshot, so nothing that lands in between is missed, and holds such updates back
 * until the snapshot is out, so the browser always starts from a snapshot. An update
 * already in the snapshot may come again; the projection ignores repeats.
 */
export async function snapshotThenUpdates(
  writer: StreamWriter,
  feed: OrderFeed,
  orderId: string,
  loadSnapshot: () => Promise<unknown>,
): Promise<() => void> {
  const held: OrderUpdate[] = [];
  let snapshotSent = false;
  const send = (update: OrderUpdate) => writer.send("update", update, update.id);
  const unsubscribe = feed.subscribe(orderId, (update) => (snapshotSent ? send(update) : held.push(update)));
  try {
    writer.send("snapshot", await loadSnapshot());
  } catch (err) {
    unsubscribe();
    throw err;
  }
  snapshotSent = true;
  held.forEach(send);
  return unsubscribe;
}
