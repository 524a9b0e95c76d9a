import type { OrderView } from "@bakery/shared/order";
import { formatClock, formatTimeOfDay } from "@/client/format";
import { stationName } from "@/client/order-words";
import { ClockIcon } from "@/components/ui/icons";

/** Past every expected time: say what we wait for; the station's next report brings a new time. */
function noEstimateYet(view: OrderView): string {
  const waiting = view.items.filter((item) => item.status === "QUEUED");
  const stations = [...new Set(waiting.map((item) => stationName[item.station].toLowerCase()))];
  if (stations.length === 0) return "It's being finished now; we'll call your code the moment it's ready.";
  return `The ${stations.join(" and the ")} hasn't started on ${waiting.map((item) => item.name).join(", ")} yet; you'll see a new time here as soon as it does.`;
}

/**
 * The order is past the time we promised and still not ready: say sorry, and give the best
 * estimate we have now (the latest expected time of what is left, which moves as the
 * stations report).
 */
export function LateNotice({ view, now }: { view: OrderView; now: number }) {
  const left = Date.parse(view.eta) - now;
  return (
    <section
      aria-labelledby="late-heading"
      data-testid="late-notice"
      className="flex items-start gap-3 rounded-2xl border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <ClockIcon className="mt-0.5 size-5 shrink-0 text-amber-700" />
      <div>
        <h2 id="late-heading" className="font-semibold">
          Sorry — this is taking longer than we promised
        </h2>
        <p className="mt-0.5 text-sm tabular">
          We said {formatTimeOfDay(view.promisedAt)}.{" "}
          {left > 0 ? `New estimate: about ${formatClock(left)} (${formatTimeOfDay(view.eta)}).` : noEstimateYet(view)}
        </p>
      </div>
    </section>
  );
}
