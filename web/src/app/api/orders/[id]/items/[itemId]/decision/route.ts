// POST /api/orders/:id/items/:itemId/decision - substitute, remove or cancel-order for an item its station cannot make
import { DecisionRequest } from "@bakery/shared/api";
import { decideItem } from "@/server/decide-item";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string; itemId: string }>(async (request, ctx, { id, itemId }) => {
  ctx.limits.take("changes", request);
  return Response.json(await decideItem(ctx, id, itemId, await readJson(request, DecisionRequest), "CUSTOMER"));
});
