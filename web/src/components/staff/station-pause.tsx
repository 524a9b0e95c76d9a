"use client";

import type { Station } from "@bakery/shared/stations";
import { stationName } from "@/client/order-words";
import { setPaused } from "@/client/staff-actions";
import { useStationCommand } from "./use-station-command";

/**
 * "Kitchen closed for a moment": a paused station takes orders in but starts nothing. The
 * label follows what the station reported, not what was asked, so every board agrees.
 */
export function StationPause({ station, paused }: { station: Station; paused: boolean }) {
  const { pending, error, send } = useStationCommand<boolean>((wanted) => wanted === paused);
  const name = stationName[station];
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {paused && (
        <span
          data-testid={`${station.toLowerCase()}-paused`}
          className="rounded-full bg-amber-100 px-2.5 py-1 text-xs font-bold tracking-wide text-amber-900 uppercase"
        >
          Paused
        </span>
      )}
      <button
        type="button"
        aria-disabled={pending || undefined}
        onClick={() => !pending && void send(!paused, () => setPaused(station, !paused))}
        className={`inline-flex min-h-9 items-center rounded-full px-3.5 text-sm font-semibold aria-disabled:opacity-60 ${paused ? "bg-basil-700 text-white hover:bg-basil-800" : "border border-amber-300 bg-white text-amber-900 hover:bg-amber-50"}`}
      >
        {pending ? (paused ? "Resuming…" : "Pausing…") : `${paused ? "Resume" : "Pause"} ${name.toLowerCase()}`}
      </button>
      {error && (
        <p role="alert" className="w-full text-right text-xs font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
