"use client";

import { useState } from "react";
import type { ItemView, OrderView } from "@bakery/shared/order";
import { readOrder } from "@/client/order-actions";
import { describeTimelineEntry } from "@/client/order-words";
import { useLiveMenu } from "@/client/use-live-menu";
import { CloseIcon } from "@/components/ui/icons";
import { ItemDecision } from "./item-decision";

type Note = { itemId: string; text: string };

/** The choices the order waits for, with the menu live so only what can be made is offered. */
function WaitingItems({
  view,
  items,
  now,
  onAnswer,
  onConflict,
}: {
  view: OrderView;
  items: readonly ItemView[];
  now: number;
  onAnswer: (view: OrderView) => void;
  onConflict: (item: ItemView) => void;
}) {
  const { menu, refresh } = useLiveMenu();
  return (
    <>
      {items.map((item) => (
        <ItemDecision
          key={item.itemId}
          order={view}
          item={item}
          menu={menu}
          now={now}
          onAnswer={onAnswer}
          onConflict={onConflict}
          onSoldOut={refresh}
        />
      ))}
    </>
  );
}

/**
 * Every item of the order its station cannot make, each with its choice; and, when another
 * tab or the deadline decided first, what won (the order's stream shows the rest).
 */
export function ItemDecisions({
  view,
  now,
  onAnswer,
}: {
  view: OrderView;
  now: number;
  onAnswer: (view: OrderView) => void;
}) {
  const [notes, setNotes] = useState<readonly Note[]>([]);
  const waiting = view.items.filter((item) => item.status === "UNAVAILABLE");

  async function conflict(item: ItemView) {
    const add = (text: string) =>
      setNotes((current) => [...current.filter((note) => note.itemId !== item.itemId), { itemId: item.itemId, text }]);
    try {
      const fresh = await readOrder(view.id);
      onAnswer(fresh);
      const decided = fresh.timeline.find((entry) => entry.type === "ItemDecided" && entry.itemId === item.itemId);
      add(
        decided
          ? `Already decided — ${describeTimelineEntry(decided)}.`
          : `${item.name} was already taken care of. Here is your order as it stands.`,
      );
    } catch {
      add(`${item.name} was already decided. This page will show what was chosen in a moment.`);
    }
  }

  if (waiting.length === 0 && notes.length === 0) return null;
  return (
    <div className="space-y-4">
      {notes.map((note) => (
        <div
          key={note.itemId}
          role="status"
          className="flex items-start justify-between gap-3 rounded-2xl border border-stone-200 bg-white px-4 py-3 text-sm text-stone-800"
        >
          <p>{note.text}</p>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => setNotes((current) => current.filter((other) => other !== note))}
            className="grid size-8 shrink-0 place-items-center rounded-full text-stone-500 hover:bg-stone-100"
          >
            <CloseIcon className="size-4" />
          </button>
        </div>
      ))}
      {waiting.length > 0 && (
        <WaitingItems
          view={view}
          items={waiting}
          now={now}
          onAnswer={onAnswer}
          onConflict={(item) => void conflict(item)}
        />
      )}
    </div>
  );
}
