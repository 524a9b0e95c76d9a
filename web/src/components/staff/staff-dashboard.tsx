"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo } from "react";
import useSWR from "swr";
import type { MenuEntry } from "@bakery/shared/api";
import { summarizeBoard } from "@bakery/shared/staff-board";
import { fetchJson } from "@/client/api";
import { formatDuration } from "@/client/format";
import { lateness } from "@/client/lateness";
import { useNow } from "@/client/use-now";
import { useStaffBoardStream } from "@/client/use-staff-board-stream";
import { ConnectionBadge } from "@/components/ui/connection-badge";
import { OrdersBoard } from "./orders-board";
import { SignOutButton } from "./sign-out-button";
import { StationColumn } from "./station-column";

const RECENTLY_COLLECTED = 8;
const RECENTLY_CANCELLED = 8;

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-2xl border border-crust-100 bg-flour px-4 py-3">
      <dt className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-crust-900 tabular">
        {value}
        {detail && <span className="ml-2 text-sm font-medium text-stone-500">{detail}</span>}
      </dd>
    </div>
  );
}

/** The staff dashboard: live numbers, both stations' queues, stock and pause, and the pickup counter. */
export function StaffDashboard() {
  const router = useRouter();
  const { orders, connection, unauthorized, replaceOrder, stations, lateGraceS } = useStaffBoardStream();
  // Names and stations of the items, for the stock controls (availability comes from the stations' news).
  const { data: menu } = useSWR<MenuEntry[]>("/api/menu", fetchJson, { revalidateOnFocus: false });
  const now = useNow();
  // Until the first snapshot brings the server's grace, nothing turns red.
  const grace = lateGraceS ?? Number.POSITIVE_INFINITY;
  const board = useMemo(() => summarizeBoard(orders, now), [orders, now]);
  const collected = useMemo(
    () =>
      orders
        .filter((order) => order.status === "COLLECTED")
        .sort((a, b) => Date.parse(b.collectedAt ?? "") - Date.parse(a.collectedAt ?? ""))
        .slice(0, RECENTLY_COLLECTED),
    [orders],
  );
  const cancelled = useMemo(
    () =>
      orders
        .filter((order) => order.status === "CANCELLED")
        .sort((a, b) => Date.parse(b.cancelledAt ?? "") - Date.parse(a.cancelledAt ?? ""))
        .slice(0, RECENTLY_CANCELLED),
    [orders],
  );
  const late = board.inPreparation.filter((order) => lateness(order, now, grace).level !== "on-time").length;

  useEffect(() => {
    if (unauthorized) router.replace("/staff/sign-in");
  }, [unauthorized, router]);

  const { inFlight, averageWaitMs, oldestOpen } = board.numbers;
  return (
    <main className="mx-auto w-full max-w-7xl space-y-4 px-4 py-6 sm:px-6 sm:py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-xs font-semibold tracking-widest text-crust-600 uppercase">Behind the counter</p>
          <h1 className="text-2xl font-bold tracking-tight text-crust-900 sm:text-3xl">Staff dashboard</h1>
        </div>
        <div className="flex items-center gap-3">
          <ConnectionBadge connection={connection} />
          <SignOutButton />
        </div>
      </div>

      <section aria-label="Numbers">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label="Orders in flight" value={String(inFlight)} />
          <Stat label="Late now" value={String(late)} />
          <Stat label="Average wait" value={averageWaitMs === null ? "—" : formatDuration(averageWaitMs)} />
          <Stat
            label="Oldest open order"
            value={oldestOpen ? oldestOpen.pickupCode : "None"}
            detail={oldestOpen ? formatDuration(oldestOpen.ageMs) : undefined}
          />
        </dl>
      </section>

      <OrdersBoard
        inPreparation={board.inPreparation}
        readyForPickup={board.readyForPickup}
        collected={collected}
        cancelled={cancelled}
        now={now}
        lateGraceS={grace}
        onChanged={replaceOrder}
      />

      <div className="grid items-start gap-4 xl:grid-cols-2">
        <StationColumn
          station="KITCHEN"
          board={board.stations.KITCHEN}
          paused={stations.paused.KITCHEN}
          menu={menu}
          stock={stations.stock}
          now={now}
        />
        <StationColumn
          station="BAR"
          board={board.stations.BAR}
          paused={stations.paused.BAR}
          menu={menu}
          stock={stations.stock}
          now={now}
        />
      </div>
    </main>
  );
}
