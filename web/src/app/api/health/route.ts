// GET /api/health - ready when the database answers and the Kafka consumers run
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async (_request, ctx) => {
  await ctx.c.menu.estimatedDocumentCount();
  return Response.json({ status: "ok", streams: ctx.feed.listeners() });
});
