// POST /api/staff/stations/:station/pause - the station takes orders in but starts nothing
import { Station } from "@bakery/shared/stations";
import { route } from "@/server/route";
import { requireStaff } from "@/server/staff-session";
import { setPaused } from "@/server/station-commands";

export const dynamic = "force-dynamic";

export const POST = route<{ station: string }>(async (request, ctx, { station }) => {
  requireStaff(request);
  return Response.json(await setPaused(ctx, Station.parse(station), true), { status: 202 });
});
