// GET /api/orders/:id/events - the order's live updates: a snapshot on every (re)connect, then each update
import { eventStream } from "@/server/event-stream";
import { loadOrderView } from "@/server/order-view";
import { route } from "@/server/route";
import { snapshotThenUpdates } from "@/server/snapshot-then-updates";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, ctx, { id }) => {
  await loadOrderView(ctx, id); // 404 before the stream opens
  return eventStream(request, (writer) => snapshotThenUpdates(writer, ctx.feed, id, () => loadOrderView(ctx, id)));
});
