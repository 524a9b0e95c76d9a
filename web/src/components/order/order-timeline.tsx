import type { TimelineEntry } from "@bakery/shared/order";
import { formatTimeOfDay } from "@/client/format";
import { describeTimelineEntry, isSetback } from "@/client/order-words";

const milestone = new Set<TimelineEntry["type"]>(["OrderPlaced", "OrderReady", "OrderCollected"]);

function dot(type: TimelineEntry["type"]): string {
  if (type === "OrderReady" || type === "OrderCollected") return "bg-basil-600";
  if (isSetback(type)) return "bg-red-500";
  return milestone.has(type) ? "bg-crust-600" : "bg-crust-200";
}

/** What has happened to the order so far, oldest first. */
export function OrderTimeline({ timeline }: { timeline: readonly TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-3xl border border-crust-100 bg-flour p-5 sm:p-6">
      <h2 id="timeline-heading" className="text-lg font-bold text-crust-900">
        What&apos;s happened
      </h2>
      <ol className="mt-3 space-y-0">
        {timeline.map((entry, i) => (
          <li
            key={entry.eventId ?? `${entry.type}-${entry.at}-${i}`}
            className="relative flex gap-3 pb-3 pl-5 last:pb-0"
          >
            <span aria-hidden="true" className={`absolute top-1.5 left-0 size-2.5 rounded-full ${dot(entry.type)}`} />
            {i < timeline.length - 1 && (
              <span aria-hidden="true" className="absolute top-4 bottom-0 left-[4.5px] w-px bg-crust-100" />
            )}
            <time dateTime={entry.at} className="shrink-0 text-sm whitespace-nowrap text-stone-500 tabular">
              {formatTimeOfDay(entry.at)}
            </time>
            <span
              className={`text-sm ${milestone.has(entry.type) ? "font-semibold text-stone-900" : "text-stone-700"}`}
            >
              {describeTimelineEntry(entry)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
