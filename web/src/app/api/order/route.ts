// POST /api/order, GET /api/order?orderId= - the original Flask contract, kept for its clients
import { LegacyOrderQuery, LegacyOrderRequest } from "@bakery/shared/api";
import { projectOrder } from "@bakery/shared/order-projection";
import { legacyRows } from "@/server/legacy-rows";
import { loadOrderView } from "@/server/order-view";
import { placeOrder } from "@/server/place-order";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";
import { AppError } from "@/server/errors";

export const dynamic = "force-dynamic";

export const POST = route(async (request, ctx) => {
  const body = await readJson(request, LegacyOrderRequest);
  const menu = await ctx.menu.current();
  body.items.forEach((item, i) => {
    const known = menu.get(item.id);
    if (!known) throw new AppError("UNKNOWN_ITEM", `There is no menu item ${item.id}`, `items.${i}.id`);
    if (known.type !== item.type) throw new AppError("VALIDATION", `Item ${item.id} is a ${known.type}, not a ${item.type}`, `items.${i}.type`);
  });
  const { order, replayed } = await placeOrder(ctx, {
    customerName: `Order ${body.orderId}`,
    lines: body.items.map((item) => ({ menuItemId: item.id, quantity: 1 })),
    key: `legacy:${body.orderId}`,
    request: body,
    legacyOrderId: body.orderId,
  });
  const view = replayed ? await loadOrderView(ctx, order.id) : projectOrder(order, []);
  return Response.json(legacyRows(body.orderId, view), { status: replayed ? 200 : 201 });
});

export const GET = route(async (request, ctx) => {
  const { orderId } = LegacyOrderQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const key = await ctx.c.orderKeys.findOne({ _id: `legacy:${orderId}` });
  if (!key) throw new AppError("NOT_FOUND", `No order ${orderId}`, "orderId");
  return Response.json(legacyRows(orderId, await loadOrderView(ctx, key.orderId)));
});
