"use client";

import { useEffect, useState } from "react";
import useSWR from "swr";
import { z } from "zod";
import { MenuEntry } from "@bakery/shared/api";
import { fetchJson } from "./api";
import { openEventSource, type Connection } from "./event-source-connection";

const Menu = z.array(MenuEntry);

export type LiveMenu = {
  menu?: MenuEntry[];
  /** Why the first read failed, while there is no menu to show. */
  error?: unknown;
  loading: boolean;
  connection: Connection;
  /** Reads the menu again now (after a failed first read, or an answer that says the menu moved on). */
  refresh: () => void;
};

/**
 * The menu with what can be ordered right now: read once, then kept current by
 * `/api/menu/events`, which sends the whole menu again whenever an item sells out or
 * comes back. No reload needed for an "86".
 */
export function useLiveMenu(): LiveMenu {
  const { data, error, isLoading, mutate } = useSWR<MenuEntry[]>("/api/menu", fetchJson, {
    revalidateOnFocus: false,
  });
  const [connection, setConnection] = useState<Connection>("connecting");

  useEffect(
    () =>
      openEventSource({
        url: "/api/menu/events",
        probeUrl: "/api/menu",
        // The menu never goes away: keep trying.
        isGone: () => false,
        onGone: () => undefined,
        onConnection: setConnection,
        onEvent: {
          menu: (payload) => {
            const parsed = Menu.safeParse(payload);
            if (!parsed.success) return;
            setConnection("live");
            void mutate(parsed.data, { revalidate: false });
          },
        },
      }),
    [mutate],
  );

  return {
    menu: data,
    error: data ? undefined : error,
    loading: isLoading,
    connection,
    refresh: () => void mutate(),
  };
}
