// POST /api/order, GET /api/order?orderId= - the original Flask contract, kept for its clients.
// Public by design: the client picks the order number, so anybody may read any number's rows (rate limited).
import { LegacyOrderQuery, LegacyOrderRequest } from "@bakery/shared/api";
import { legacyOrderRows, placeLegacyOrder } from "@/server/place-legacy-order";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const POST = route(async (request, ctx) => {
  ctx.limits.take("orders", request);
  const { rows, replayed } = await placeLegacyOrder(ctx, await readJson(request, LegacyOrderRequest));
  return Response.json(rows, { status: replayed ? 200 : 201 });
});

export const GET = route(async (request, ctx) => {
  ctx.limits.take("reads", request);
  const { orderId } = LegacyOrderQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await legacyOrderRows(ctx, orderId));
});
