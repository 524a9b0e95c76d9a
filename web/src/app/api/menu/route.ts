// GET /api/menu - the menu (also the original contract: id, name, type)
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async (_request, ctx) => Response.json([...(await ctx.menu.current()).values()]));
