import type { MenuEntry } from "@bakery/shared/api";
import type { BoardItem, StationBoard } from "@bakery/shared/staff-board";
import type { Station } from "@bakery/shared/stations";
import { formatClock, formatDuration } from "@/client/format";
import { itemProgress, stationName } from "@/client/order-words";
import type { StationsState } from "@/client/station-state";
import { CupIcon, LoafIcon } from "@/components/ui/icons";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StationPause } from "./station-pause";
import { StockControls } from "./stock-controls";

function Lane({
  title,
  tone,
  items,
  empty,
  render,
}: {
  title: string;
  tone: string;
  items: readonly BoardItem[];
  empty: string;
  render: (item: BoardItem) => React.ReactNode;
}) {
  return (
    <div className="min-w-0">
      <h3 className="flex items-center justify-between text-sm font-semibold text-stone-700">
        {title}
        <span className={`rounded-full px-2 py-0.5 text-xs tabular ${tone}`}>{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="mt-2 rounded-xl border border-dashed border-stone-200 px-3 py-3 text-center text-xs text-stone-400">
          {empty}
        </p>
      ) : (
        <ul aria-label={title} className="mt-2 space-y-2">
          {items.map((item) => (
            <li
              key={item.itemId}
              data-pickup-code={item.pickupCode}
              className="rounded-xl border border-stone-200 bg-white px-3 py-2 text-sm shadow-[0_1px_1px_rgb(0_0_0/0.03)]"
            >
              {render(item)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const Who = ({ item }: { item: BoardItem }) => (
  <span className="text-xs text-stone-500">
    <span className="font-mono font-semibold text-stone-700">{item.pickupCode}</span> · {item.customerName}
  </span>
);

/**
 * One station's work: the queue in order, what is being prepared and how long it has left,
 * what waits on the balcony; and its controls: pause or resume, and each item's stock.
 */
export function StationColumn({
  station,
  board,
  paused,
  menu,
  stock,
  now,
}: {
  station: Station;
  board: StationBoard;
  paused: boolean;
  menu: readonly MenuEntry[] | undefined;
  stock: StationsState["stock"];
  now: number;
}) {
  const Icon = station === "BAR" ? CupIcon : LoafIcon;
  const title = stationName[station];
  const id = `station-${station.toLowerCase()}`;
  return (
    <section
      aria-labelledby={id}
      className={`rounded-3xl border p-4 sm:p-5 ${paused ? "border-amber-300 bg-amber-50/40" : "border-crust-100 bg-flour"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="flex items-center gap-2 text-lg font-bold text-crust-900">
          <Icon className="size-5 text-crust-600" />
          {title}
        </h2>
        <StationPause station={station} paused={paused} />
      </div>
      {paused && (
        <p className="mt-2 rounded-xl bg-amber-100 px-3 py-2 text-sm text-amber-950">
          Paused: orders come in and wait in the queue; nothing starts until you resume.
        </p>
      )}
      <div className="mt-3 grid gap-4 sm:grid-cols-3">
        <Lane
          title="Queued"
          tone="bg-stone-100 text-stone-700"
          items={board.queued}
          empty="Nothing waiting"
          render={(item) => (
            <div className="flex items-start gap-2">
              <span
                className="font-mono text-xs font-bold text-crust-700 tabular"
                aria-label={`Position ${item.position}`}
              >
                #{item.position}
              </span>
              <div className="min-w-0">
                <p className="truncate font-medium text-stone-900">{item.name}</p>
                <Who item={item} />
              </div>
            </div>
          )}
        />
        <Lane
          title="Preparing"
          tone="bg-crust-100 text-crust-800"
          items={board.preparing}
          empty="Hands free"
          render={(item) => (
            <>
              <div className="flex items-baseline justify-between gap-2">
                <p className="truncate font-medium text-stone-900">{item.name}</p>
                <span className="shrink-0 text-xs font-semibold text-crust-700 tabular">
                  {(item.msLeft ?? 0) > 0 ? `${formatClock(item.msLeft ?? 0)} left` : "finishing"}
                </span>
              </div>
              <Who item={item} />
              <ProgressBar
                className="mt-1.5 h-1.5"
                label={`${item.name} for ${item.pickupCode}`}
                value={itemProgress(item, now)}
              />
            </>
          )}
        />
        <Lane
          title="Ready on the balcony"
          tone="bg-basil-100 text-basil-800"
          items={board.ready}
          empty="Balcony clear"
          render={(item) => (
            <>
              <p className="truncate font-medium text-stone-900">{item.name}</p>
              <div className="flex items-baseline justify-between gap-2">
                <Who item={item} />
                {item.readyAt && (
                  <span className="text-xs text-basil-700 tabular">
                    {formatDuration(now - Date.parse(item.readyAt))}
                  </span>
                )}
              </div>
            </>
          )}
        />
      </div>
      <StockControls station={station} menu={menu} stock={stock} />
    </section>
  );
}
