// POST /api/orders - place an order; an Idempotency-Key header makes retries safe
import { IdempotencyKey, PlaceOrderRequest } from "@bakery/shared/api";
import { projectOrder } from "@bakery/shared/order-projection";
import { placeOrder } from "@/server/place-order";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";
import { AppError } from "@/server/errors";
import { webMetrics } from "@/server/metrics";

export const dynamic = "force-dynamic";

export const POST = route(async (request, ctx) => {
  const started = performance.now();
  ctx.limits.take("orders", request);
  const body = await readJson(request, PlaceOrderRequest);
  const header = request.headers.get("idempotency-key");
  const key = header === null ? undefined : IdempotencyKey.safeParse(header);
  if (key && !key.success)
    throw new AppError(
      "VALIDATION",
      `Idempotency-Key: ${key.error.issues[0]?.message ?? "invalid"}`,
      "Idempotency-Key",
    );
  const { order, replayed } = await placeOrder(ctx, {
    customerName: body.customerName,
    lines: body.items,
    ...(key ? { key: `idem:${key.data}`, request: body } : {}),
  });
  if (!replayed) webMetrics().ordersPlaced.inc();
  webMetrics().acceptSeconds.observe((performance.now() - started) / 1000);
  // A replay answers with the order as it is now, not as it was when it was placed.
  const view = projectOrder(order, replayed ? await ctx.orderBook.eventsOf(order) : []);
  return Response.json(view, {
    status: 201,
    headers: { Location: `/api/orders/${order.id}`, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) },
  });
});
