// GET /api/staff/events - every order's live updates for the dashboard, after a snapshot of the board
import { loadBoardOrders } from "@/server/board-orders";
import { eventStream } from "@/server/event-stream";
import { route } from "@/server/route";
import { snapshotThenUpdates } from "@/server/snapshot-then-updates";
import { requireStaff } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const GET = route(async (request, ctx) => {
  requireStaff(request);
  return eventStream(request, (writer) =>
    snapshotThenUpdates(writer, ctx.feed, "*", async () => ({
      orders: await loadBoardOrders(ctx),
      lateGraceS: ctx.env.LATE_GRACE_S,
    })),
  );
});
