const money = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

/** Prices are integer cents; the bakery charges in reais ("R$ 12,90"). */
export const formatPrice = (cents: number): string => money.format(cents / 100);

/** A preparation-time hint for the menu: "~5 s", "~2 min". */
export function formatPrepHint(seconds: number): string {
  if (seconds < 60) return `~${Math.max(1, Math.round(seconds))} s`;
  return `~${Math.round(seconds / 60)} min`;
}

/** A countdown or a duration as a clock: "0:42", "3:05", "1:02:09". Never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** A short human duration for dashboards: "12 s", "4 min", "1 h 05 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Wall-clock time of an ISO instant in the visitor's own locale. */
export const formatTimeOfDay = (iso: string): string => timeOfDay.format(new Date(iso));

export const pluralize = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
