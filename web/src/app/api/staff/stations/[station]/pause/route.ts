// POST /api/staff/stations/:station/pause - the station takes orders in but starts nothing
import { Station } from "@bakery/shared/stations";
import { staffRoute } from "@/server/route";
import { setPaused } from "@/server/station-commands";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ station: string }>(async (_request, ctx, { station }) =>
  Response.json(await setPaused(ctx, Station.parse(station), true), { status: 202 }),
);
