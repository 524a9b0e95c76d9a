// GET /api/orders/:id/events - the order's live updates: a snapshot on every (re)connect, then each update
import { AppError } from "@/server/errors";
import { eventStream } from "@/server/event-stream";
import { loadOrderView } from "@/server/order-view";
import { route } from "@/server/route";
import { snapshotThenUpdates } from "@/server/snapshot-then-updates";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, ctx, { id }) => {
  ctx.limits.take("streams", request);
  if (!(await ctx.c.orders.findOne({ _id: id }, { projection: { _id: 1 } })))
    throw new AppError("NOT_FOUND", "No such order");
  return eventStream(
    request,
    (writer) => snapshotThenUpdates(writer, ctx.feed, id, () => loadOrderView(ctx, id)),
    ctx.limits.holdStream(request),
  );
});
