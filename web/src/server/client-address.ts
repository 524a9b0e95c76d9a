import { isIP } from "node:net";

/**
 * Who sent a request, and over what, from the X-Forwarded-* headers. They can be believed
 * because of `ignoreForwardedHeadersFromClients` (forwarded-headers.ts): with no trusted
 * proxy, what a client sent is dropped before Next fills them in from the connection itself;
 * with `trustedProxies` proxies in front, each appended the address it saw, so the client's
 * is that many entries from the end.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | undefined {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - Math.max(1, trustedProxies)];
  return entry === undefined ? undefined : normalizeAddress(entry);
}

/** The request reached the first proxy (or this server) over HTTPS. */
export function cameOverHttps(headers: Headers): boolean {
  return headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase() === "https";
}

/** The host the client asked for: the proxy's X-Forwarded-Host when one is trusted, else Host. */
export function requestedHost(request: Request, trustedProxies: number): string {
  const forwarded = trustedProxies > 0 ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return (forwarded || request.headers.get("host") || new URL(request.url).host).toLowerCase();
}

/**
 * One key per client: IPv4 as is (a port dropped), IPv4-mapped IPv6 as IPv4, and IPv6 by its
 * /64 network, since one household or one phone is given a whole /64 to pick addresses from.
 */
export function normalizeAddress(raw: string): string {
  const address = raw.replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (isIP(address) !== 6) return address.toLowerCase();
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
