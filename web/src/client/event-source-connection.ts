"use client";

import { probeStatus } from "./api";

export type Connection = "connecting" | "live" | "reconnecting";

/**
 * One live server-sent-events subscription that never gives up on its own: the browser's
 * EventSource retries dropped connections by itself, and when it stops for good (an HTTP
 * error answer) we ask `probeUrl` what happened: `isGone` statuses end the subscription,
 * anything else is retried with a growing pause. Returns the cleanup.
 */
export function openEventSource(options: {
  url: string;
  probeUrl: string;
  isGone: (status: number) => boolean;
  onEvent: Record<string, (data: unknown) => void>;
  onConnection: (connection: Connection) => void;
  onGone: (status: number) => void;
}): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const connect = () => {
    clearTimeout(retry);
    retry = undefined;
    source?.close();
    const current = new EventSource(options.url);
    source = current;
    for (const [name, handler] of Object.entries(options.onEvent)) {
      current.addEventListener(name, (event) => {
        failures = 0;
        let data: unknown;
        try {
          data = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return; // a garbled message is skipped; the next snapshot repairs the state
        }
        handler(data);
      });
    }
    current.addEventListener("error", () => {
      if (stopped || current !== source) return;
      options.onConnection("reconnecting");
      if (current.readyState === EventSource.CLOSED) void afterFailure();
    });
  };

  const afterFailure = async () => {
    const status = await probeStatus(options.probeUrl);
    if (stopped) return;
    if (options.isGone(status)) {
      stopped = true;
      source?.close();
      options.onGone(status);
      return;
    }
    failures++;
    retry = setTimeout(connect, Math.min(15_000, 1000 * 2 ** Math.min(failures, 4)));
  };

  // The device lost its network: an open connection may linger half-dead for minutes, so
  // drop it now and say so; keep trying in the background.
  const onOffline = () => {
    if (stopped) return;
    source?.close();
    options.onConnection("reconnecting");
    clearTimeout(retry);
    retry = setTimeout(connect, 2000);
  };
  // Back online: don't wait for the next retry.
  const onOnline = () => {
    if (!stopped && (retry !== undefined || source?.readyState !== EventSource.OPEN)) connect();
  };

  options.onConnection("connecting");
  connect();
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
  };
}
