// GET /api/staff/board - the open orders the dashboard starts from
import { loadBoardOrders } from "@/server/board-orders";
import { route } from "@/server/route";
import { requireStaff } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const GET = route(async (request, ctx) => {
  requireStaff(request);
  return Response.json(
    { orders: await loadBoardOrders(ctx), lateGraceS: ctx.env.LATE_GRACE_S },
    { headers: { "Cache-Control": "no-store" } },
  );
});
