// POST /api/staff/orders/:id/cancel - staff cancel an open order (the customer walked out), with a reason
import { StaffCancelRequest } from "@bakery/shared/api";
import { cancelOrder } from "@/server/cancel-order";
import { readJson } from "@/server/read-json";
import { staffRoute } from "@/server/route";

export const dynamic = "force-dynamic";

export const POST = staffRoute<{ id: string }>(async (request, ctx, { id }) => {
  const { reason } = await readJson(request, StaffCancelRequest);
  return Response.json(await cancelOrder(ctx, id, { by: "STAFF", reason }));
});
