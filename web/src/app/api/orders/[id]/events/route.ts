// GET /api/orders/:id/events - the order's live updates: a snapshot on every (re)connect, then each update
import { eventStream } from "@/server/event-stream";
import { loadOrderView } from "@/server/order-view";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, ctx, { id }) => {
  await loadOrderView(ctx, id); // 404 before the stream opens
  return eventStream(request, async ({ send }) => {
    // Subscribe first, then read: an update landing in between is sent twice, never missed.
    const unsubscribe = ctx.feed.subscribe(id, (update) => send("update", update, update.id));
    send("snapshot", await loadOrderView(ctx, id));
    return unsubscribe;
  });
});
