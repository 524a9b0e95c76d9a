// GET /api/staff/stations - paused flags and stock as the stations last reported them, and the board's grace
import type { StationsStatus } from "@bakery/shared/api";
import { staffRoute } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = staffRoute(async (_request, ctx) =>
  Response.json({
    stations: {
      KITCHEN: { paused: ctx.stationNews.paused("KITCHEN") },
      BAR: { paused: ctx.stationNews.paused("BAR") },
    },
    stock: ctx.stationNews.stock(),
    lateGraceS: ctx.env.LATE_GRACE_S,
  } satisfies StationsStatus),
);
