import type { ItemView } from "@bakery/shared/order";
import { formatClock, formatTimeOfDay } from "@/client/format";
import { cancelledItemWords, itemProgress, itemStatusWord, stationName } from "@/client/order-words";
import { CheckIcon, CupIcon, LoafIcon } from "@/components/ui/icons";
import { ProgressBar } from "@/components/ui/progress-bar";

const pill = {
  QUEUED: "bg-stone-100 text-stone-700",
  UNAVAILABLE: "bg-red-100 text-red-800",
  CANCELLED: "bg-stone-200 text-stone-500 line-through",
  PREPARING: "bg-crust-100 text-crust-800",
  READY: "bg-basil-100 text-basil-800",
} as const;

/** "Batata Frita", and "Batata Frita (2)" for the second of two, so each bar has its own name. */
function labels(items: readonly ItemView[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.name) ?? 0) + 1;
    seen.set(item.name, n);
    return n === 1 ? item.name : `${item.name} (${n})`;
  });
}

function detail(item: ItemView, items: readonly ItemView[], now: number): string {
  const where = stationName[item.station].toLowerCase();
  if (item.waste) return "Made, but not handed over";
  if (item.status === "READY") return item.readyAt ? `Ready at ${formatTimeOfDay(item.readyAt)}` : "Ready";
  if (item.status === "CANCELLED") return cancelledItemWords(item, items);
  if (item.status === "UNAVAILABLE")
    return item.unavailableReason === "UNKNOWN_ITEM"
      ? `The ${where} can't make it · choose above`
      : `Sold out at the ${where} · choose above`;
  if (item.status === "QUEUED") return `Waiting in line at the ${where}${substituteNote(item, items)}`;
  const left = Date.parse(item.expectedReadyAt) - now;
  return left > 0 ? `At the ${where} · about ${formatClock(left)} left` : `At the ${where} · finishing up`;
}

const substituteNote = (item: ItemView, items: readonly ItemView[]) => {
  const replaced = item.replaces && items.find((other) => other.itemId === item.replaces);
  return replaced ? ` · instead of ${replaced.name}` : "";
};

/** Each item of the order with its state in words and a progress bar. */
export function OrderItems({ items, now }: { items: readonly ItemView[]; now: number }) {
  const names = labels(items);
  return (
    <section aria-labelledby="items-heading" className="rounded-3xl border border-crust-100 bg-flour p-5 sm:p-6">
      <h2 id="items-heading" className="text-lg font-bold text-crust-900">
        Your items
      </h2>
      <ul className="mt-3 divide-y divide-crust-100">
        {items.map((item, i) => {
          const label = names[i] ?? item.name;
          const progress = itemProgress(item, now);
          const Icon = item.station === "BAR" ? CupIcon : LoafIcon;
          return (
            <li key={item.itemId} className="py-3" data-testid="order-item" data-status={item.status}>
              <div className="flex items-center gap-3">
                <span
                  className={`grid size-9 shrink-0 place-items-center rounded-lg ${item.status === "READY" ? "bg-basil-50 text-basil-700" : item.status === "CANCELLED" || item.status === "UNAVAILABLE" ? "bg-stone-100 text-stone-400" : "bg-crust-50 text-crust-700"}`}
                >
                  {item.status === "READY" ? <CheckIcon className="size-5" /> : <Icon className="size-5" />}
                </span>
                <div className="min-w-0 flex-1">
                  <p
                    className={`truncate font-medium ${item.status === "CANCELLED" ? "text-stone-500 line-through" : "text-stone-900"}`}
                  >
                    {label}
                  </p>
                  <p
                    className={`text-xs tabular ${item.status === "UNAVAILABLE" ? "font-semibold text-red-800" : "text-stone-500"}`}
                  >
                    {detail(item, items, now)}
                  </p>
                </div>
                <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${pill[item.status]}`}>
                  {itemStatusWord[item.status]}
                </span>
              </div>
              <ProgressBar
                className="mt-2 ml-12"
                label={label}
                value={progress}
                valueText={item.status === "PREPARING" ? `Preparing, ${progress}%` : itemStatusWord[item.status]}
                tone={item.status === "READY" ? "basil" : item.status === "PREPARING" ? "crust" : "stone"}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
