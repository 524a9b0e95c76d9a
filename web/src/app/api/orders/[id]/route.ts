// GET /api/orders/:id - the order, its items' states, ETA and timeline
import { loadOrderView } from "@/server/order-view";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, ctx, { id }) => {
  ctx.limits.take("reads", request);
  return Response.json(await loadOrderView(ctx, id));
});
