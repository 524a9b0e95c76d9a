/**
 * A fresh idempotency key. `crypto.randomUUID` exists only in secure contexts (HTTPS,
 * localhost); a bakery on a plain-HTTP local network still has `getRandomValues`.
 */
export function randomKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
