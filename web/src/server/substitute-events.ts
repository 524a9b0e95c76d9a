import type { OrderEvent } from "@bakery/shared/events";
import { itemEventIds } from "@bakery/shared/order-projection";

/**
 * A substitute is not in the order's record: its id comes from the ItemDecided that created
 * it. The ids of the events of the substitutes these events name (a substitute may be
 * replaced in turn, so a reader repeats until nothing new turns up).
 */
export const substituteEventIds = (events: readonly OrderEvent[]): string[] =>
  events.flatMap((event) =>
    event.type === "ItemDecided" && event.data.substitute ? itemEventIds(event.data.substitute.itemId) : [],
  );
