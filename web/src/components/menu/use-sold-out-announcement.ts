"use client";

import { useEffect, useRef } from "react";
import type { PricedLine } from "@/client/cart";

/**
 * Tells screen-reader users when something already in their order sells out (the card
 * greys out silently otherwise). Only changes are announced, not what was sold out on arrival.
 */
export function useSoldOutAnnouncement(lines: readonly PricedLine[], announce: (message: string) => void): void {
  const known = useRef<ReadonlySet<number> | undefined>(undefined);
  useEffect(() => {
    if (lines.length === 0 && !known.current) return; // the menu or the cart is not loaded yet
    const soldOut = new Set(lines.filter((line) => !line.item.available).map((line) => line.item.id));
    const previous = known.current;
    known.current = soldOut;
    if (!previous) return;
    const fresh = lines.filter((line) => soldOut.has(line.item.id) && !previous.has(line.item.id));
    if (fresh.length > 0)
      announce(
        `${fresh.map((line) => line.item.name).join(" and ")} just sold out. It is marked in your order; remove it to order the rest.`,
      );
  }, [lines, announce]);
}
