// PUT /api/staff/stock/:menuItemId - set an item's portions (0 = sold out now, null = unlimited) at its station
import { StockRequest } from "@bakery/shared/api";
import { z } from "zod";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";
import { requireStaff } from "@/server/staff-session";
import { setStock } from "@/server/station-commands";

export const dynamic = "force-dynamic";

const MenuItemId = z.coerce.number().int().positive();

export const PUT = route<{ menuItemId: string }>(async (request, ctx, { menuItemId }) => {
  requireStaff(request);
  const { portions } = await readJson(request, StockRequest);
  return Response.json(await setStock(ctx, MenuItemId.parse(menuItemId), portions), { status: 202 });
});
