"use client";

import { useSyncExternalStore } from "react";
import type { MenuEntry } from "@bakery/shared/api";

export type CartLine = { menuItemId: number; quantity: number };
/** A cart line with its menu item as the menu says now (price, whether it can be ordered). */
export type PricedLine = CartLine & { item: MenuEntry };

/** The API accepts 1..20 of an item per line. */
export const MAX_QUANTITY = 20;
const STORAGE_KEY = "bakery.cart.v1";
const EMPTY: readonly CartLine[] = [];

let lines: readonly CartLine[] | undefined;
const listeners = new Set<() => void>();

function isLine(value: unknown): value is CartLine {
  if (typeof value !== "object" || value === null) return false;
  const { menuItemId, quantity } = value as Record<string, unknown>;
  return Number.isInteger(menuItemId) && Number.isInteger(quantity) && (quantity as number) >= 1;
}

/** What was saved, cleaned up: anything unreadable counts as an empty cart. */
function load(): readonly CartLine[] {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(saved)
      ? saved.filter(isLine).map((line) => ({ ...line, quantity: Math.min(line.quantity, MAX_QUANTITY) }))
      : EMPTY;
  } catch {
    return EMPTY;
  }
}

function save(next: readonly CartLine[]) {
  lines = next;
  try {
    if (next.length === 0) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private browsing or a full quota: the cart still works for this visit.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changed the cart.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    lines = load();
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

const snapshot = () => (lines ??= load());
const serverSnapshot = () => EMPTY;

const update = (change: (current: readonly CartLine[]) => readonly CartLine[]) => save(change(snapshot()));

export const cart = {
  add(menuItemId: number) {
    update((current) =>
      current.some((line) => line.menuItemId === menuItemId)
        ? current.map((line) =>
            line.menuItemId === menuItemId ? { ...line, quantity: Math.min(MAX_QUANTITY, line.quantity + 1) } : line,
          )
        : [...current, { menuItemId, quantity: 1 }],
    );
  },
  setQuantity(menuItemId: number, quantity: number) {
    const clamped = Math.max(1, Math.min(MAX_QUANTITY, Math.round(quantity)));
    update((current) =>
      current.map((line) => (line.menuItemId === menuItemId ? { ...line, quantity: clamped } : line)),
    );
  },
  remove(menuItemId: number) {
    update((current) => current.filter((line) => line.menuItemId !== menuItemId));
  },
  clear() {
    save(EMPTY);
  },
};

/** The cart, kept in localStorage so it survives a reload; empty while the server renders. */
export const useCartLines = (): readonly CartLine[] => useSyncExternalStore(subscribe, snapshot, serverSnapshot);
