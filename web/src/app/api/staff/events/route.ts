// GET /api/staff/events - every order's live updates for the dashboard, after a snapshot of the board;
// it ends when the staff session does (signed out on any web process, or expired)
import { loadBoardOrders } from "@/server/board-orders";
import { eventStream } from "@/server/event-stream";
import { staffRoute } from "@/server/route";
import { snapshotThenUpdates } from "@/server/snapshot-then-updates";
import { watchSession } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const GET = staffRoute(async (request, ctx, _params, session) => {
  ctx.limits.take("streams", request);
  return eventStream(
    request,
    async (writer) => {
      const unsubscribe = await snapshotThenUpdates(writer, ctx.feed, "*", async () => ({
        orders: await loadBoardOrders(ctx),
        lateGraceS: ctx.env.LATE_GRACE_S,
      }));
      const stopWatching = watchSession(ctx, session, () => {
        writer.send("session-ended", { reason: "Staff sign-in required" });
        writer.close();
      });
      return () => {
        stopWatching();
        unsubscribe();
      };
    },
    ctx.limits.holdStream(request),
  );
});
