// POST /api/staff/orders/:id/cancel - staff cancel an open order (the customer walked out), with a reason
import { StaffCancelRequest } from "@bakery/shared/api";
import { cancelOrder } from "@/server/cancel-order";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";
import { requireStaff } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (request, ctx, { id }) => {
  requireStaff(request);
  const { reason } = await readJson(request, StaffCancelRequest);
  return Response.json(await cancelOrder(ctx, id, { by: "STAFF", reason }));
});
