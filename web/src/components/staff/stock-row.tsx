"use client";

import { useId, useState } from "react";
import type { MenuEntry, StockLine } from "@bakery/shared/api";
import { stockWords } from "@/client/station-state";
import { setStock } from "@/client/staff-actions";
import { useStationCommand } from "./use-station-command";

const small =
  "inline-flex min-h-9 items-center rounded-full border px-3 text-xs font-semibold whitespace-nowrap aria-disabled:opacity-60";

/** The portions an item has, as a number for the form (empty when unlimited). */
const portionsOf = (line: StockLine | undefined) => (line?.portions === null || !line ? "" : String(line.portions));

/**
 * One item's stock at its station: what the station last reported, and the four things staff
 * do: set a count of portions, sell out now ("86"), restock, make it unlimited again.
 */
export function StockRow({ item, line }: { item: MenuEntry; line: StockLine | undefined }) {
  const inputId = useId();
  const portions = line?.portions ?? null;
  const available = line?.available ?? true;
  const { pending, error, send } = useStationCommand<number | null>((wanted) => wanted === portions);
  const [draft, setDraft] = useState<string>();
  const shown = draft ?? portionsOf(line);
  const word = stockWords(line);

  const request = (value: number | null) => {
    if (pending) return;
    setDraft(undefined);
    void send(value, () => setStock(item.id, value));
  };

  return (
    <li
      data-testid="stock-row"
      data-menu-item={item.name}
      className={`rounded-xl border px-3 py-2 ${available ? "border-stone-200 bg-white" : "border-red-200 bg-red-50/60"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 font-medium text-stone-900">
          {item.name}{" "}
          <span
            data-testid="stock-state"
            className={`ml-1 rounded-full px-2 py-0.5 text-xs font-semibold ${!available ? "bg-red-100 text-red-800" : portions === null ? "bg-stone-100 text-stone-600" : "bg-amber-100 text-amber-900"}`}
          >
            {pending ? "Updating…" : word}
          </span>
        </p>
        <div className="flex flex-wrap items-center gap-1.5">
          <form
            className="flex items-center gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              const value = Number(shown);
              if (shown.trim() !== "" && Number.isInteger(value) && value >= 0) request(value);
            }}
          >
            <label htmlFor={inputId} className="sr-only">
              Portions of {item.name}
            </label>
            <input
              id={inputId}
              type="number"
              inputMode="numeric"
              min={0}
              max={100000}
              placeholder="∞"
              value={shown}
              onChange={(event) => setDraft(event.target.value)}
              className="h-9 w-16 rounded-lg border border-stone-300 bg-white px-2 text-sm tabular outline-none focus:border-crust-500 focus:ring-2 focus:ring-crust-200"
            />
            <button
              type="submit"
              aria-label={`Set portions of ${item.name}`}
              aria-disabled={pending || undefined}
              className={`${small} border-stone-300 bg-white text-stone-700 hover:bg-stone-50`}
            >
              Set
            </button>
          </form>
          {available ? (
            <button
              type="button"
              aria-label={`Sold out now: ${item.name}`}
              aria-disabled={pending || undefined}
              onClick={() => request(0)}
              className={`${small} border-red-300 bg-white text-red-800 hover:bg-red-50`}
            >
              Sold out now
            </button>
          ) : (
            <button
              type="button"
              aria-label={`Restock ${item.name}`}
              aria-disabled={pending || undefined}
              onClick={() => request(null)}
              className={`${small} border-basil-700 bg-basil-700 text-white hover:bg-basil-800`}
            >
              Restock
            </button>
          )}
          {available && portions !== null && (
            <button
              type="button"
              aria-label={`Unlimited: ${item.name}`}
              aria-disabled={pending || undefined}
              onClick={() => request(null)}
              className={`${small} border-stone-300 bg-white text-stone-700 hover:bg-stone-50`}
            >
              Unlimited
            </button>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-800">
          {error}
        </p>
      )}
    </li>
  );
}
