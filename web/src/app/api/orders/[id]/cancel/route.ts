// POST /api/orders/:id/cancel - the customer cancels what has not started; 409 TOO_LATE when nothing can be
import { cancelOrder } from "@/server/cancel-order";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (request, ctx, { id }) => {
  ctx.limits.take("changes", request);
  return Response.json(await cancelOrder(ctx, id, { by: "CUSTOMER" }));
});
