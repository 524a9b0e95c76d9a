"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { z } from "zod";
import { StationsStatus } from "@bakery/shared/api";
import { isOrderEvent, isStationNews, OrderUpdate, type OrderEvent, type StationNews } from "@bakery/shared/events";
import { OrderView, type OrderRecord } from "@bakery/shared/order";
import { applyEvent, initialView } from "@bakery/shared/order-projection";
import { requestJson } from "./api";
import { openEventSource, type Connection } from "./event-source-connection";
import { applyStationNews, initialStations, stationsFrom, type StationsState } from "./station-state";

export type StaffBoardStream = {
  orders: readonly OrderView[];
  connection: Connection;
  /** The session ended (expired, or signed out elsewhere). */
  unauthorized: boolean;
  /** Puts the server's answer about one order on the board (e.g. after collecting it). */
  replaceOrder: (view: OrderView) => void;
  /** Paused stations and stock, live. */
  stations: StationsState;
  /** Seconds past an order's promise before it turns from amber to red (the server's LATE_GRACE_S). */
  lateGraceS?: number;
};

const BoardSnapshot = z.object({ orders: z.array(OrderView), lateGraceS: z.number().int().nonnegative() });

type Orders = Readonly<Record<string, OrderView>>;
type State = {
  orders: Orders;
  connection: Connection;
  unauthorized: boolean;
  recent: readonly OrderEvent[];
  stations: StationsState;
  lateGraceS?: number;
};
type Action =
  | { type: "snapshot"; orders: readonly OrderView[]; lateGraceS: number }
  | { type: "stations"; stations: StationsState }
  | { type: "news"; news: StationNews }
  | { type: "update"; event: OrderEvent }
  | { type: "order"; view: OrderView; replace: boolean }
  | { type: "connection"; connection: Connection }
  | { type: "unauthorized" };

/** Updates kept to re-apply over views read before they were stored. */
const KEEP_RECENT = 500;

const withRecent = (view: OrderView, recent: readonly OrderEvent[]) =>
  recent.filter((event) => event.orderId === view.id).reduce(applyEvent, view);

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case "snapshot":
      return {
        ...state,
        connection: "live",
        lateGraceS: action.lateGraceS,
        orders: Object.fromEntries(action.orders.map((view) => [view.id, withRecent(view, state.recent)])),
      };
    case "stations":
      return { ...state, stations: action.stations };
    case "news":
      return { ...state, stations: applyStationNews(state.stations, action.news) };
    case "update": {
      const recent = [...state.recent, action.event].slice(-KEEP_RECENT);
      const current = state.orders[action.event.orderId];
      return {
        ...state,
        recent,
        orders: current ? { ...state.orders, [current.id]: applyEvent(current, action.event) } : state.orders,
      };
    }
    case "order":
      if (state.orders[action.view.id] && !action.replace) return state;
      return { ...state, orders: { ...state.orders, [action.view.id]: withRecent(action.view, state.recent) } };
    case "connection":
      return state.connection === action.connection ? state : { ...state, connection: action.connection };
    case "unauthorized":
      return { ...state, unauthorized: true };
  }
}

/**
 * Every open order, live, for the counter: the board's snapshot on each (re)connect, new
 * orders as they are placed, and every order's updates; an update about an order we have
 * not seen is answered by fetching that order. The stations too: their state is read on
 * each (re)connect and kept current by the stock and pause news on the same stream.
 */
export function useStaffBoardStream(): StaffBoardStream {
  const [state, dispatch] = useReducer(reduce, {
    orders: {},
    connection: "connecting",
    unauthorized: false,
    recent: [],
    stations: initialStations,
  });
  const known = useRef<Orders>(state.orders);
  useEffect(() => {
    known.current = state.orders;
  }, [state.orders]);

  useEffect(() => {
    const fetching = new Set<string>();
    let stopped = false;
    // Updates can arrive just before the first snapshot; that snapshot (plus the updates
    // re-applied on it) covers them, so only later strangers are fetched.
    let snapshotSeen = false;

    const fetchOrder = (orderId: string) => {
      if (fetching.has(orderId)) return;
      fetching.add(orderId);
      requestJson<unknown>(`/api/orders/${encodeURIComponent(orderId)}`)
        .then((data) => {
          const parsed = OrderView.safeParse(data);
          if (parsed.success && !stopped) dispatch({ type: "order", view: parsed.data, replace: false });
        })
        .catch(() => undefined) // the next snapshot brings it
        .finally(() => fetching.delete(orderId));
    };

    const placed = (record: OrderRecord) => dispatch({ type: "order", view: initialView(record), replace: false });

    // News that lands while the stations are being read is applied again on what was read.
    let stationsRead = 0;
    let newsWhileReading: StationNews[] | undefined;
    const readStations = () => {
      const read = ++stationsRead;
      newsWhileReading = [];
      requestJson<unknown>("/api/staff/stations")
        .then((data) => {
          const parsed = StationsStatus.safeParse(data);
          if (!parsed.success || stopped || read !== stationsRead) return;
          dispatch({
            type: "stations",
            stations: (newsWhileReading ?? []).reduce(applyStationNews, stationsFrom(parsed.data)),
          });
        })
        .catch(() => undefined) // the next (re)connect reads them again
        .finally(() => {
          if (read === stationsRead) newsWhileReading = undefined;
        });
    };

    const close = openEventSource({
      url: "/api/staff/events",
      probeUrl: "/api/staff/board",
      isGone: (status) => status === 401,
      onConnection: (connection) => dispatch({ type: "connection", connection }),
      onGone: () => dispatch({ type: "unauthorized" }),
      onEvent: {
        snapshot: (data) => {
          const parsed = BoardSnapshot.safeParse(data);
          if (!parsed.success) return;
          snapshotSeen = true;
          dispatch({ type: "snapshot", orders: parsed.data.orders, lateGraceS: parsed.data.lateGraceS });
          readStations();
        },
        update: (data) => {
          const parsed = OrderUpdate.safeParse(data);
          if (!parsed.success) return;
          const update = parsed.data;
          if (update.type === "OrderPlaced") return placed(update.data.order);
          if (isStationNews(update)) {
            newsWhileReading?.push(update);
            return dispatch({ type: "news", news: update });
          }
          if (!isOrderEvent(update)) return;
          dispatch({ type: "update", event: update });
          if (snapshotSeen && !known.current[update.orderId]) fetchOrder(update.orderId);
        },
      },
    });
    return () => {
      stopped = true;
      close();
    };
  }, []);

  const replaceOrder = useCallback((view: OrderView) => dispatch({ type: "order", view, replace: true }), []);
  const orders = useMemo(() => Object.values(state.orders), [state.orders]);
  return {
    orders,
    connection: state.connection,
    unauthorized: state.unauthorized,
    replaceOrder,
    stations: state.stations,
    lateGraceS: state.lateGraceS,
  };
}
