import type { StockSetting } from "./control-state";

/**
 * Stock as unique slots claimed by insert (FerretDB has no atomic update, an insert on a
 * unique id is atomic). For a setting of generation g with N portions, slot k of item m is
 * `${m}/${g}/${k}`; each portion given back adds an extra slot `${m}/${g}/x/${j}` that makes
 * slot N + j claimable. Pure naming and limits; the I/O lives in stock-keeper.ts.
 */
export const slotId = (menuItemId: number, generation: string, k: number) => `${menuItemId}/${generation}/${k}`;
export const extraSlotId = (menuItemId: number, generation: string, j: number) => `${menuItemId}/${generation}/x/${j}`;
export const returnId = (itemId: string) => `return/${itemId}`;

/** What a claim of slot k needs first: nothing (k < N), or the extra slot a give-back added. */
export function slotNeeds(setting: StockSetting, k: number): { kind: "free" } | { kind: "extra"; j: number } {
  const portions = setting.portions ?? Infinity;
  return k < portions ? { kind: "free" } : { kind: "extra", j: k - portions };
}

/** Unlimited stock (no setting, or portions null) takes no slot. */
export const isCounted = (setting: StockSetting | undefined): setting is StockSetting & { portions: number } =>
  setting !== undefined && setting.portions !== null;
