import type { OrderEvent } from "@bakery/shared/events";
import { MENU_SEED, type MenuItem } from "@bakery/shared/menu";
import { createLogger } from "@bakery/shared/logger";
import { createClientLimits } from "@/server/client-limits";
import type { WebContext } from "@/server/context";
import type { OrderBook } from "@/server/order-book";
import type { PlaceOrderDeps } from "@/server/place-order";
import type { OrderDoc, OrderKeyDoc, OutboxDoc, WaiterCollections } from "@/server/waiter-db";

/**
 * The fast tier's stand-in for the process context: the order book in memory, with the
 * same answers as the real one (an insert under an existing id is "duplicate"/"taken"),
 * the menu seed, a switchable sold-out list and a dispatcher that only records.
 * Nothing here imitates Kafka or MongoDB: these are the app's own ports.
 */
export type InMemoryBakery = {
  context: WebContext;
  outbox: Map<string, OutboxDoc>;
  orders: Map<string, OrderDoc>;
  keys: Map<string, OrderKeyDoc>;
  /** What the stations said about each order, as the real book would read it back. */
  events: Map<string, OrderEvent[]>;
  dispatched: string[];
  soldOut: Set<number>;
  /** Makes the next writes fail as a database outage would. */
  failWrites(error: Error | undefined): void;
  /** Makes the next `order` inserts answer "duplicate" (a pickup code taken today). */
  collideNextOrders(times: number): void;
};

export function inMemoryBakery(menu: readonly MenuItem[] = MENU_SEED): InMemoryBakery {
  const outbox = new Map<string, OutboxDoc>();
  const orders = new Map<string, OrderDoc>();
  const keys = new Map<string, OrderKeyDoc>();
  const dispatched: string[] = [];
  const events = new Map<string, OrderEvent[]>();
  const soldOut = new Set<number>();
  let failure: Error | undefined;
  let collisions = 0;

  const insert = async <T extends { _id: string }>(into: Map<string, T>, doc: T): Promise<"stored" | "duplicate"> => {
    // A turn of the event loop, as a real write takes: concurrent requests interleave here.
    await new Promise((resolve) => setImmediate(resolve));
    if (failure) throw failure;
    if (into.has(doc._id)) return "duplicate";
    into.set(doc._id, doc);
    return "stored";
  };
  const book: OrderBook = {
    outbox: (doc) => insert(outbox, doc),
    async order(doc) {
      if (collisions > 0) {
        collisions--;
        return "duplicate";
      }
      return insert(orders, doc);
    },
    claimKey: async (doc) => ((await insert(keys, doc)) === "stored" ? "claimed" : "taken"),
    keyOf: async (key) => keys.get(key) ?? null,
    orderById: async (id) => orders.get(id) ?? null,
    eventsOf: async (order) => events.get(order.id) ?? [],
  };
  const items = new Map(menu.map((item) => [item.id, item]));
  const env = {
    PREP_TIME_SCALE: 1,
    DECISION_TIMEOUT_S: 90,
    TRUSTED_PROXY: 0,
    LIMIT_ORDERS_PER_MIN: 30,
    LIMIT_CHANGES_PER_MIN: 30,
    LIMIT_READS_PER_MIN: 300,
    LIMIT_STREAMS_PER_MIN: 60,
    LIMIT_OPEN_STREAMS: 20,
    LIMIT_SIGN_IN_PER_ADDRESS: 10,
    LIMIT_SIGN_IN_TOTAL: 100,
    LIMIT_SIGN_IN_WINDOW_S: 60,
  };
  // The per-address limits are the real ones (in memory per process); staff sign-in counts in
  // the database, which this tier does not reach.
  const noDatabase = new Proxy({} as WaiterCollections["rateSlots"], {
    get: () => {
      throw new Error("the in-memory context has no database: test sign-in on the real stack");
    },
  });
  const deps: PlaceOrderDeps & Pick<WebContext, "limits"> & { env: typeof env } = {
    menu: { current: async () => items },
    orderBook: book,
    stationNews: { available: (menuItemId) => !soldOut.has(menuItemId) },
    dispatcher: { dispatchSoon: (entry) => void dispatched.push(entry._id) },
    env,
    limits: createClientLimits(env, { rateSlots: noDatabase }),
    log: createLogger("silent"),
  };
  // Any part of the context a route reaches for and this tier does not provide fails loudly, by name.
  const context = new Proxy(deps, {
    get(target, property) {
      if (property in target) return target[property as keyof typeof deps];
      if (property === "then") return undefined;
      throw new Error(`the in-memory context has no ${String(property)}: test this route on the real stack`);
    },
  }) as unknown as WebContext;

  return {
    context,
    outbox,
    orders,
    keys,
    events,
    dispatched,
    soldOut,
    failWrites: (error) => void (failure = error),
    collideNextOrders: (times) => void (collisions = times),
  };
}
