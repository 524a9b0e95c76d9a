// GET /api/orders/:id - the order, its items' states, ETA and timeline
import { loadOrderView } from "@/server/order-view";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (_request, ctx, { id }) =>
  Response.json(await loadOrderView(ctx, id), { headers: { "Cache-Control": "no-store" } }),
);
