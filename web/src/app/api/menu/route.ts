// GET /api/menu - the menu (also the original contract: id, name, type), each item with `available`
import { menuWithAvailability } from "@/server/menu-view";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async (_request, ctx) => Response.json(await menuWithAvailability(ctx)));
