// POST /api/order, GET /api/order?orderId= - the original Flask contract, kept for its clients
import { LegacyOrderQuery, LegacyOrderRequest } from "@bakery/shared/api";
import { legacyOrderRows, placeLegacyOrder } from "@/server/place-legacy-order";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const POST = route(async (request, ctx) => {
  const { rows, replayed } = await placeLegacyOrder(ctx, await readJson(request, LegacyOrderRequest));
  return Response.json(rows, { status: replayed ? 200 : 201 });
});

export const GET = route(async (request, ctx) => {
  const { orderId } = LegacyOrderQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await legacyOrderRows(ctx, orderId));
});
