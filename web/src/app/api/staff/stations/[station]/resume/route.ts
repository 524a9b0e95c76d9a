// POST /api/staff/stations/:station/resume - the station starts its queue again
import { Station } from "@bakery/shared/stations";
import { staffRoute } from "@/server/route";
import { setPaused } from "@/server/station-commands";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ station: string }>(async (_request, ctx, { station }) =>
  Response.json(await setPaused(ctx, Station.parse(station), false), { status: 202 }),
);
