// PUT /api/staff/stock/:menuItemId - set an item's portions (0 = sold out now, null = unlimited) at its station
import { StockRequest } from "@bakery/shared/api";
import { z } from "zod";
import { readJson } from "@/server/read-json";
import { staffRoute } from "@/server/route";
import { setStock } from "@/server/station-commands";

export const dynamic = "force-dynamic";

const MenuItemId = z.coerce.number().int().positive();

export const PUT = staffRoute<{ menuItemId: string }>(async (request, ctx, { menuItemId }) => {
  const { portions } = await readJson(request, StockRequest);
  return Response.json(await setStock(ctx, MenuItemId.parse(menuItemId), portions), { status: 202 });
});
