import type { Connection } from "@/client/event-source-connection";

const looks: Record<Connection, { text: string; dot: string; tone: string }> = {
  connecting: { text: "Connecting…", dot: "bg-stone-400", tone: "text-stone-600 bg-stone-100" },
  live: { text: "Live", dot: "bg-basil-600 motion-safe:animate-pulse", tone: "text-basil-800 bg-basil-50" },
  reconnecting: { text: "Reconnecting…", dot: "bg-amber-500", tone: "text-amber-900 bg-amber-100" },
};

/** Whether live updates are flowing. */
export function ConnectionBadge({ connection }: { connection: Connection }) {
  const look = looks[connection];
  return (
    <p
      role="status"
      aria-label="Connection"
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold ${look.tone}`}
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${look.dot}`} />
      {look.text}
    </p>
  );
}
