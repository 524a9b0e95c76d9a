// POST /api/staff/orders/:id/collect - hand a ready order over (COLLECTED ends its saga)
import { collectOrder } from "@/server/collect-order";
import { staffRoute } from "@/server/route";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ id: string }>(async (_request, ctx, { id }) =>
  Response.json(await collectOrder(ctx, id)),
);
