// GET /api/menu/events - the menu on connect, then the whole menu again whenever an item's availability changes
import { eventStream } from "@/server/event-stream";
import { menuWithAvailability } from "@/server/menu-view";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request, ctx) => {
  ctx.limits.take("streams", request);
  return eventStream(
    request,
    async (writer) => {
      const send = async () => writer.send("menu", await menuWithAvailability(ctx));
      // Subscribed before the first menu is sent, so a change in between is not missed.
      const unsubscribe = ctx.stationNews.onMenuChange(() => {
        send().catch((err: unknown) => ctx.log.warn("could not send the menu", { err }));
      });
      try {
        await send();
      } catch (err) {
        unsubscribe();
        throw err;
      }
      return unsubscribe;
    },
    ctx.limits.holdStream(request),
  );
});
