import type { Problem } from "./problem";

/** `portion_holders`: which slot (portion) an item took under which stock setting. */
export type Holder = { itemId: string; menuItemId: number; generation: string; slot: string };
/** `portions`: a claimed slot and the item that claimed it. */
export type Slot = { slot: string; itemId: string };
/** A StockSet as staff sent it: its offset on the control topic is the setting's generation. */
export type Setting = { menuItemId: number; generation: string; portions: number | null };

/**
 * No portion used twice: under a stock setting of N portions at most N prepared items hold a
 * portion (a portion given back by a withdrawn item may serve another, but a prepared item
 * keeps its own), and no slot is held by two items.
 */
export function checkStock(input: {
  holders: readonly Holder[];
  slots: readonly Slot[];
  settings: readonly Setting[];
  prepared: ReadonlySet<string>;
  returned: ReadonlySet<string>;
}): Problem[] {
  const problems: Problem[] = [];
  const slotOwner = new Map(input.slots.map((s) => [s.slot, s.itemId]));
  const bySlot = new Map<string, string[]>();
  for (const holder of input.holders) bySlot.set(holder.slot, [...(bySlot.get(holder.slot) ?? []), holder.itemId]);
  for (const [slot, items] of bySlot)
    if (items.length > 1)
      problems.push({ kind: "stock", message: `portion ${slot} held by ${items.length} items: ${items.join(", ")}` });
  for (const holder of input.holders) {
    const owner = slotOwner.get(holder.slot);
    if (owner !== undefined && owner !== holder.itemId)
      problems.push({
        kind: "stock",
        itemId: holder.itemId,
        message: `item ${holder.itemId} holds portion ${holder.slot}, which was claimed by ${owner}`,
      });
    if (input.prepared.has(holder.itemId) && input.returned.has(holder.itemId))
      problems.push({
        kind: "stock",
        itemId: holder.itemId,
        message: `item ${holder.itemId} was prepared and its portion given back too`,
      });
  }
  for (const setting of input.settings) {
    if (setting.portions === null) continue;
    const used = input.holders.filter(
      (h) => h.menuItemId === setting.menuItemId && h.generation === setting.generation && input.prepared.has(h.itemId),
    );
    if (used.length > setting.portions)
      problems.push({
        kind: "stock",
        message: `item ${setting.menuItemId}: ${used.length} prepared under a setting of ${setting.portions} portions (control offset ${setting.generation}): ${used.map((h) => h.itemId).join(", ")}`,
      });
  }
  return problems;
}
