// GET /api/staff/stations - paused flags and stock as the stations last reported them, and the board's grace
import type { StationsStatus } from "@bakery/shared/api";
import { route } from "@/server/route";
import { requireStaff } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const GET = route(async (request, ctx) => {
  requireStaff(request);
  return Response.json(
    {
      stations: {
        KITCHEN: { paused: ctx.stationNews.paused("KITCHEN") },
        BAR: { paused: ctx.stationNews.paused("BAR") },
      },
      stock: ctx.stationNews.stock(),
      lateGraceS: ctx.env.LATE_GRACE_S,
    } satisfies StationsStatus,
    { headers: { "Cache-Control": "no-store" } },
  );
});
