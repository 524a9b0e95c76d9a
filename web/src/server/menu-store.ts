import { MENU_SEED, type MenuItem } from "@bakery/shared/menu";
import type { Logger } from "@bakery/shared/logger";
import { insertNew } from "@bakery/shared/mongo";
import type { WaiterCollections } from "./waiter-db";

const REFRESH_MS = 30_000;

/**
 * The menu is read on every order, so it is kept in memory and re-read now and then
 * (an operator may change prices in the database). A re-read that fails (the database is
 * down) keeps the menu it had: the menu page and the order form's checks go on working.
 */
export async function createMenuStore(c: WaiterCollections, log: Logger) {
  await insertNew(
    c.menu,
    MENU_SEED.map((item) => ({ _id: item.id, ...item })),
  );
  let items = await load();
  let loadedAt = Date.now();

  async function load(): Promise<Map<number, MenuItem>> {
    const docs = await c.menu.find({}).sort({ _id: 1 }).toArray();
    return new Map(docs.map(({ _id: _ignored, ...item }) => [item.id, item]));
  }

  return {
    async current(): Promise<ReadonlyMap<number, MenuItem>> {
      if (Date.now() - loadedAt > REFRESH_MS) {
        loadedAt = Date.now();
        items = await load().catch((err: unknown) => {
          log.warn("could not re-read the menu; keeping the one in memory", { err });
          return items;
        });
      }
      return items;
    },
  };
}
export type MenuStore = Awaited<ReturnType<typeof createMenuStore>>;
