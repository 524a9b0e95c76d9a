"use client";

import { useEffect, useState } from "react";
import { describeError } from "@/client/api";

/** How long a station may take to confirm a command before the button says so. */
const CONFIRM_WITHIN_MS = 15_000;

/**
 * A staff command the station confirms on its own time: sent, then pending until `confirmed`
 * (what the station reported) says it took effect. Slow or failed commands say so.
 */
export function useStationCommand<T>(confirmed: (wanted: T) => boolean) {
  const [wanted, setWanted] = useState<{ value: T }>();
  const [error, setError] = useState<string>();
  const done = wanted !== undefined && confirmed(wanted.value);

  useEffect(() => {
    if (done) setWanted(undefined);
  }, [done]);
  useEffect(() => {
    if (!wanted) return;
    const timer = setTimeout(() => {
      setWanted(undefined);
      setError("The station hasn't confirmed yet. Check that it is running, then try again.");
    }, CONFIRM_WITHIN_MS);
    return () => clearTimeout(timer);
  }, [wanted]);

  async function send(value: T, command: () => Promise<unknown>) {
    setError(undefined);
    setWanted({ value });
    try {
      await command();
    } catch (err) {
      setWanted(undefined);
      setError(describeError(err));
    }
  }

  return { pending: wanted !== undefined && !done, error, send };
}
