// GET /api/health - 200 when the database and Kafka answer and every consumer of this process runs; else 503 and why
import { RETRY_AFTER_S } from "@/server/outage";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async (_request, ctx) => {
  const { status, body } = await ctx.health();
  return Response.json(
    { ...body, streams: ctx.feed.listeners() },
    { status, headers: status === 503 ? { "Retry-After": String(RETRY_AFTER_S) } : {} },
  );
});
