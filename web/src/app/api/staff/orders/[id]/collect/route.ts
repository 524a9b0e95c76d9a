// POST /api/staff/orders/:id/collect - hand a ready order over (COLLECTED ends its saga)
import { collectOrder } from "@/server/collect-order";
import { route } from "@/server/route";
import { requireStaff } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (request, ctx, { id }) => {
  requireStaff(request);
  return Response.json(await collectOrder(ctx, id));
});
