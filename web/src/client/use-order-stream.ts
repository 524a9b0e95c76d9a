"use client";

import { useCallback, useEffect, useReducer } from "react";
import { isOrderEvent, OrderUpdate, type OrderEvent } from "@bakery/shared/events";
import { OrderView } from "@bakery/shared/order";
import { applyEvent } from "@bakery/shared/order-projection";
import { openEventSource, type Connection } from "./event-source-connection";

export type OrderStream = {
  view?: OrderView;
  connection: Connection;
  notFound: boolean;
  /** Takes an API answer about this order (a decision, a cancel) without waiting for the stream. */
  adopt: (view: OrderView) => void;
};

type State = Omit<OrderStream, "adopt"> & { recent: readonly OrderEvent[] };
type Action =
  | { type: "snapshot"; view: OrderView }
  | { type: "adopt"; view: OrderView }
  | { type: "update"; event: OrderEvent }
  | { type: "connection"; connection: Connection }
  | { type: "not-found" };

/** Updates kept to re-apply over a snapshot that was read before they were stored. */
const KEEP_RECENT = 100;

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case "snapshot":
      // Each (re)connect starts from the server's view; updates that raced ahead of it are
      // applied again on top (the projection ignores the ones it already has).
      return { ...state, connection: "live", view: state.recent.reduce(applyEvent, action.view) };
    case "adopt":
      // An answer read after the updates we hold is at least as new; those it lacks are re-applied.
      return { ...state, view: state.recent.reduce(applyEvent, action.view) };
    case "update":
      return {
        ...state,
        recent: [...state.recent, action.event].slice(-KEEP_RECENT),
        view: state.view && applyEvent(state.view, action.event),
      };
    case "connection":
      return state.connection === action.connection ? state : { ...state, connection: action.connection };
    case "not-found":
      return { ...state, notFound: true };
  }
}

/** One order, live: a snapshot on every (re)connect, then its updates, folded with the server's own projection. */
export function useOrderStream(orderId: string): OrderStream {
  const [state, dispatch] = useReducer(reduce, { connection: "connecting", notFound: false, recent: [] });

  useEffect(() => {
    const path = `/api/orders/${encodeURIComponent(orderId)}`;
    return openEventSource({
      url: `${path}/events`,
      probeUrl: path,
      // Unknown, malformed or mistyped ids all look the same to the customer.
      isGone: (status) => status === 404 || status === 400,
      onConnection: (connection) => dispatch({ type: "connection", connection }),
      onGone: () => dispatch({ type: "not-found" }),
      onEvent: {
        snapshot: (data) => {
          const parsed = OrderView.safeParse(data);
          if (parsed.success) dispatch({ type: "snapshot", view: parsed.data });
        },
        update: (data) => {
          const parsed = OrderUpdate.safeParse(data);
          if (parsed.success && isOrderEvent(parsed.data)) dispatch({ type: "update", event: parsed.data });
        },
      },
    });
  }, [orderId]);

  const adopt = useCallback((view: OrderView) => dispatch({ type: "adopt", view }), []);
  return { view: state.view, connection: state.connection, notFound: state.notFound, adopt };
}
