import type { Db } from "mongodb";
import { insertNew } from "../mongo";
import type { StockSetting } from "./control-state";
import { extraSlotId, isCounted, returnId, slotId, slotNeeds } from "./stock-slots";

type SlotDoc = { _id: string; itemId: string; at: Date };
type HolderDoc = { _id: string; menuItemId: number; generation: string; slot: string };
type ReturnDoc = { _id: string; at: Date };

export type Take = { ok: true; last: boolean } | { ok: false };

/**
 * Takes and gives back portions in the station's own database, every read by `_id` and every
 * write an insert (see stock-slots.ts). Taking is idempotent per item through its holder
 * record. Documented loss: a worker killed between claiming a slot and inserting its holder
 * record loses that one slot (the item claims another when it is delivered again), and one
 * killed between recording a give-back and claiming its extra slot loses that give-back.
 */
export function createStockKeeper(db: Db, now: () => number) {
  const slots = db.collection<SlotDoc>("portions");
  const holders = db.collection<HolderDoc>("portion_holders");
  const returns = db.collection<ReturnDoc>("portion_returns");
  // Per setting, the next slot worth trying: slots below it are known to be claimed.
  const hints = new Map<string, number>();
  const exists = async (id: string) => (await slots.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;

  async function claimable(menuItemId: number, setting: StockSetting, k: number): Promise<boolean> {
    const need = slotNeeds(setting, k);
    return need.kind === "free" || (await exists(extraSlotId(menuItemId, setting.generation, need.j)));
  }

  return {
    async take(itemId: string, menuItemId: number, setting: StockSetting | undefined): Promise<Take> {
      if (!isCounted(setting)) return { ok: true, last: false };
      if (await holders.findOne({ _id: itemId })) return { ok: true, last: false };
      const key = `${menuItemId}/${setting.generation}`;
      for (let k = hints.get(key) ?? 0; ; k++) {
        if (!(await claimable(menuItemId, setting, k))) {
          hints.set(key, k);
          return { ok: false };
        }
        const slot = slotId(menuItemId, setting.generation, k);
        const claimed = await insertNew(slots, [{ _id: slot, itemId, at: new Date(now()) }]);
        if (claimed.length === 0) continue;
        hints.set(key, k + 1);
        await insertNew(holders, [{ _id: itemId, menuItemId, generation: setting.generation, slot }]);
        return { ok: true, last: !(await claimable(menuItemId, setting, k + 1)) };
      }
    },

    /** Gives an item's portion back to the setting it came from (not to a newer one). True if it did. */
    async giveBack(itemId: string, setting: StockSetting | undefined): Promise<boolean> {
      const holder = await holders.findOne({ _id: itemId });
      if (!holder || !isCounted(setting) || holder.generation !== setting.generation) return false;
      if ((await insertNew(returns, [{ _id: returnId(itemId), at: new Date(now()) }])).length === 0) return false;
      for (let j = 0; ; j++) {
        const id = extraSlotId(holder.menuItemId, holder.generation, j);
        if ((await insertNew(slots, [{ _id: id, itemId, at: new Date(now()) }])).length > 0) return true;
      }
    },

    /** Portions left under a setting (counts by `_id` range; used only when a portion comes back). */
    async left(menuItemId: number, setting: StockSetting): Promise<number | null> {
      if (!isCounted(setting)) return null;
      const prefix = `${menuItemId}/${setting.generation}/`;
      const count = (from: string) => slots.countDocuments({ _id: { $gte: from, $lt: `${from}\uffff` } });
      const [all, extras] = await Promise.all([count(prefix), count(`${prefix}x/`)]);
      const claimed = all - extras;
      return Math.max(0, setting.portions + extras - claimed);
    },
  };
}
