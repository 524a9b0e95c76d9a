import type { OrderEvent } from "@bakery/shared/events";
import { itemEventIds } from "@bakery/shared/order-projection";

/**
 * A substitute is not in the order's record: its id comes from the ItemDecided that created
 * it. The ids of the events of the substitutes these events name.
 */
const substituteEventIds = (events: readonly OrderEvent[]): string[] =>
  events.flatMap((event) =>
    event.type === "ItemDecided" && event.data.substitute ? itemEventIds(event.data.substitute.itemId) : [],
  );

/**
 * Reads events by id with `read`, then those of the substitutes they name, until no new
 * substitute turns up (a substitute may be replaced in turn). Reads at most `maxIds` ids:
 * when more would be needed it stops and returns undefined (the caller reads another way).
 */
export async function readWithSubstitutes<D extends { event: OrderEvent }>(
  ids: readonly string[],
  read: (ids: readonly string[]) => Promise<(D | null)[]>,
  maxIds = Number.POSITIVE_INFINITY,
): Promise<D[] | undefined> {
  const docs: D[] = [];
  const seen = new Set<string>();
  for (let next = [...ids]; next.length > 0;) {
    if (seen.size + next.length > maxIds) return undefined;
    next.forEach((id) => seen.add(id));
    const found = (await read(next)).filter((doc): doc is D => doc !== null);
    docs.push(...found);
    next = substituteEventIds(found.map((doc) => doc.event)).filter((id) => !seen.has(id));
  }
  return docs;
}
