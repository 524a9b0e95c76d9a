// POST /api/staff/stations/:station/resume - the station starts its queue again
import { Station } from "@bakery/shared/stations";
import { route } from "@/server/route";
import { requireStaff } from "@/server/staff-session";
import { setPaused } from "@/server/station-commands";

export const dynamic = "force-dynamic";

export const POST = route<{ station: string }>(async (request, ctx, { station }) => {
  requireStaff(request);
  return Response.json(await setPaused(ctx, Station.parse(station), false), { status: 202 });
});
