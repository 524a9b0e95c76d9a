// GET /api/staff/events - every order's live updates for the dashboard, after a snapshot of the board
import { loadBoardOrders } from "@/server/board-orders";
import { eventStream } from "@/server/event-stream";
import { route } from "@/server/route";
import { requireStaff } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const GET = route(async (request, ctx) => {
  requireStaff(request);
  return eventStream(request, async ({ send }) => {
    const unsubscribe = ctx.feed.subscribe("*", (update) => send("update", update, update.id));
    send("snapshot", { orders: await loadBoardOrders(ctx) });
    return unsubscribe;
  });
});
