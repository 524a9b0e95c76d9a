// GET /api/staff/board - the open orders the dashboard starts from
import { loadBoardOrders } from "@/server/board-orders";
import { staffRoute } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = staffRoute(async (_request, ctx) =>
  Response.json({ orders: await loadBoardOrders(ctx), lateGraceS: ctx.env.LATE_GRACE_S }),
);
