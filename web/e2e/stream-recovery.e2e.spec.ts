import { expect, test } from "@playwright/test";
import type { OrderView } from "@bakery/shared/order";
import {
  connection,
  expectAllItemsReady,
  expectNotReloaded,
  markPage,
  MENU,
  placeOrder,
  signedInStaffApi,
} from "./support/bakery";
import { urls } from "./support/e2e-env";

test("a dropped event stream recovers and the page catches up without a reload", async ({ page, context, request }) => {
  // The kitchen waits until the page is cut off: on a busy machine the tarts could otherwise
  // be ready before the page has even loaded, leaving nothing to miss.
  const staff = await signedInStaffApi(request, urls.webA);
  await staff.setPaused("KITCHEN", true);
  try {
    const order = await placeOrder(request, urls.webA, [
      { menuItemId: MENU.tortaDeLimao, quantity: 3 },
      { menuItemId: MENU.pitu, quantity: 1 },
    ]);
    await page.goto(`/orders/${order.id}`);
    await expect(connection(page)).toHaveText("Live");
    await markPage(page);

    await context.setOffline(true);
    await expect(connection(page)).toHaveText("Reconnecting…");
    await staff.setPaused("KITCHEN", false);

    // The kitchen finishes while the page is cut off (the test's own request context is not).
    await expect
      .poll(
        async () => ((await (await request.get(`${urls.webA}/api/orders/${order.id}`)).json()) as OrderView).status,
        { timeout: 60_000 },
      )
      .toBe("READY");
    await expect(page.getByRole("alert", { name: "Ready for pickup" })).toHaveCount(0);

    await context.setOffline(false);
    await expect(connection(page)).toHaveText("Live");
    await expect(page.getByRole("alert", { name: "Ready for pickup" })).toBeVisible();
    await expectAllItemsReady(page, ["Torta de limão", "Torta de limão (2)", "Torta de limão (3)", "Pitu"]);
    await expectNotReloaded(page);
  } finally {
    await staff.setPaused("KITCHEN", false);
  }
});
