import { Pool } from "undici";

/** One food (Batata Frita, kitchen) and one drink (Coca, bar): every bench order is this. */
export const BENCH_ORDER = {
  customerName: "Bench",
  items: [
    { menuItemId: 1, quantity: 1 },
    { menuItemId: 2, quantity: 1 },
  ],
};
export const ITEMS_PER_ORDER = 2;
const BODY = JSON.stringify(BENCH_ORDER);

export type PlaceResult = { ok: true; orderId: string } | { ok: false; error: string };

/**
 * POST /api/orders over a pool of keep-alive connections (undici: far less client CPU
 * per request than node:http, which matters when the generator shares 2 cores with the system).
 */
export function createOrderClient(baseUrl: string, connections: number) {
  const pool = new Pool(baseUrl, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
  });
  return {
    async place(): Promise<PlaceResult> {
      try {
        const response = await pool.request({
          method: "POST",
          path: "/api/orders",
          headers: { "content-type": "application/json" },
          body: BODY,
        });
        const text = await response.body.text();
        if (response.statusCode !== 201) return { ok: false, error: `http ${response.statusCode}` };
        const id = (JSON.parse(text) as { id?: unknown }).id;
        return typeof id === "string" ? { ok: true, orderId: id } : { ok: false, error: "201 without id" };
      } catch (err) {
        return { ok: false, error: errorCode(err) };
      }
    },
    close: () => pool.close(),
  };
}
export type OrderClient = ReturnType<typeof createOrderClient>;

export function errorCode(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.name : "error";
}

/** Adds one to a histogram of error names. */
export function countError(errors: Record<string, number>, error: string): void {
  errors[error] = (errors[error] ?? 0) + 1;
}
