import { devices, expect, test, type Page, type TestInfo } from "@playwright/test";
import { connection, expectMoneyInvariant, MENU, placeOrder, readOrder, signInStaff, staffApi } from "./support/bakery";
import { urls } from "./support/e2e-env";

/** What the screen shows right now (fixed bars and sheets where they belong). */
async function shootScreen(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: "disabled" });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  // From the top, so the sticky header sits where it belongs in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("screenshots: menu, tracking page and dashboard, on a phone and a desktop", async ({
  browser,
  request,
}, testInfo) => {
  const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL: urls.webA });
  const desktop = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: urls.webA });
  const staffContext = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: urls.webB });

  // Menu, desktop, with something in the order.
  const menu = await desktop.newPage();
  await menu.goto("/");
  await menu.getByRole("button", { name: "Add Pizza" }).click();
  await menu.getByRole("button", { name: "Add Coca" }).click();
  await menu.getByRole("button", { name: "Increase Coca" }).click();
  await shoot(menu, testInfo, "menu-desktop");

  // Menu on a phone: the bar at the bottom, then the order sheet.
  const mobile = await phone.newPage();
  await mobile.goto("/");
  await expect(mobile.getByRole("heading", { name: "Foods" })).toBeVisible();
  await shoot(mobile, testInfo, "menu-phone");
  await mobile.getByRole("button", { name: "Add Big Mac" }).click();
  await mobile.getByRole("button", { name: "Add Tequila" }).click();
  await mobile.getByRole("button", { name: /View your order/ }).click();
  await mobile.getByLabel("Your name").fill("Duda");
  await shootScreen(mobile, testInfo, "menu-phone-order-sheet");

  // Some traffic so the dashboard has every lane filled.
  await signInStaff(staffContext, urls.webB);
  const staff = await staffContext.newPage();
  await staff.goto("/staff");
  await expect(connection(staff)).toHaveText("Live");
  await placeOrder(request, urls.webA, [{ menuItemId: MENU.hotDog, quantity: 1 }], "Eva");
  await placeOrder(
    request,
    urls.webA,
    [
      { menuItemId: MENU.tortaDeLimao, quantity: 2 },
      { menuItemId: MENU.tequila, quantity: 1 },
    ],
    "Gil",
  );

  // Tracking on a phone, while it is being prepared, then ready.
  await mobile.getByRole("button", { name: "Place order" }).click();
  await expect(mobile).toHaveURL(/\/orders\//);
  await expect(connection(mobile)).toHaveText("Live");
  // A big one, so the kitchen still has a queue when the first orders are ready.
  await placeOrder(
    request,
    urls.webA,
    [
      { menuItemId: MENU.tortaDeLimao, quantity: 3 },
      { menuItemId: MENU.batataFrita, quantity: 2 },
      { menuItemId: MENU.pitu, quantity: 2 },
    ],
    "Hugo",
  );
  // On a busy machine the order may be further along by the time the page shows it: any progress will do for a picture.
  await expect(
    mobile
      .locator("[data-testid=order-item][data-status=PREPARING], [data-testid=order-item][data-status=READY]")
      .first(),
  ).toBeVisible();
  await shoot(mobile, testInfo, "tracking-phone-preparing");

  await expect(staff.getByRole("list", { name: "Ready for pickup" })).toBeVisible();
  await expect(staff.getByRole("region", { name: "Kitchen" }).getByRole("list", { name: "Queued" })).toBeVisible();
  await shoot(staff, testInfo, "dashboard");

  await expect(mobile.getByRole("alert", { name: "Ready for pickup" })).toBeVisible();
  await shoot(mobile, testInfo, "tracking-phone-ready");

  await Promise.all([phone.close(), desktop.close(), staffContext.close()]);
});

test("screenshots: sold out, a choice to make, a cancel, a late order and the stock controls, on a phone and a desktop", async ({
  browser,
  request,
}, testInfo) => {
  // Many pages and states, each waited for: more than one test's usual time on a busy machine.
  test.setTimeout(300_000);
  const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL: urls.webA });
  const desktop = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: urls.webA });
  const staffContext = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: urls.webB });
  const staffPhone = await browser.newContext({ ...devices["Pixel 7"], baseURL: urls.webB });
  await signInStaff(staffContext, urls.webB);
  await signInStaff(staffPhone, urls.webB);
  const staff = staffApi(staffContext.request, urls.webB);
  const orders: string[] = [];
  try {
    // A choice to make: one lemon tart left, two ordered.
    await staff.setStock(MENU.tortaDeLimao, 1);
    const choice = await placeOrder(
      request,
      urls.webA,
      [
        { menuItemId: MENU.tortaDeLimao, quantity: 2 },
        { menuItemId: MENU.coca, quantity: 1 },
      ],
      "Duda",
    );
    orders.push(choice.id);
    const tracking = await phone.newPage();
    await tracking.goto(`/orders/${choice.id}`);
    await expect(tracking.getByRole("region", { name: "Torta de limão is sold out" })).toBeVisible();
    await expect(tracking.getByRole("list", { name: "Substitutes" })).toBeVisible();
    await shoot(tracking, testInfo, "tracking-phone-choice");
    const trackingDesktop = await desktop.newPage();
    await trackingDesktop.goto(`/orders/${choice.id}`);
    await expect(trackingDesktop.getByRole("list", { name: "Substitutes" })).toBeVisible();
    await shoot(trackingDesktop, testInfo, "tracking-desktop-choice");
    await trackingDesktop.getByRole("button", { name: /Swap for Big Mac/ }).click();
    await expect(tracking.getByRole("alert", { name: "Ready for pickup" })).toBeVisible({ timeout: 60_000 });
    await shoot(tracking, testInfo, "tracking-phone-substituted");

    // Sold out while in the cart.
    const menu = await phone.newPage();
    await menu.goto("/");
    await menu.getByRole("button", { name: "Add Pizza" }).click();
    await menu.getByRole("button", { name: "Add Coca" }).click();
    await staff.setStock(MENU.pizza, 0);
    await expect(menu.getByTestId("menu-item").filter({ hasText: "Pizza" })).toHaveAttribute("data-available", "false");
    await shoot(menu, testInfo, "menu-phone-sold-out");
    await menu.getByTestId("menu-item").filter({ hasText: "Pizza" }).scrollIntoViewIfNeeded();
    await shootScreen(menu, testInfo, "menu-phone-sold-out-bar");
    await menu.getByRole("button", { name: /View your order/ }).click();
    await shootScreen(menu, testInfo, "menu-phone-sold-out-sheet");
    const menuDesktop = await desktop.newPage();
    await menuDesktop.goto("/");
    await menuDesktop.getByRole("button", { name: "Add Big Mac" }).click();
    await expect(menuDesktop.getByTestId("menu-item").filter({ hasText: "Pizza" })).toHaveAttribute(
      "data-available",
      "false",
    );
    await shoot(menuDesktop, testInfo, "menu-desktop-sold-out");

    // The bar paused: a drink waits (and can be cancelled), another becomes late.
    await staff.setPaused("BAR", true);
    const late = await placeOrder(request, urls.webA, [{ menuItemId: MENU.tequila, quantity: 1 }], "Iva");
    const cancelled = await placeOrder(
      request,
      urls.webA,
      [
        { menuItemId: MENU.hotDog, quantity: 1 },
        { menuItemId: MENU.coca, quantity: 1 },
      ],
      "Lia",
    );
    orders.push(late.id, cancelled.id);
    const cancelPage = await phone.newPage();
    await cancelPage.goto(`/orders/${cancelled.id}`);
    await expect(cancelPage.getByTestId("order-item").filter({ hasText: "Hot Dog" })).toHaveAttribute(
      "data-status",
      "READY",
    );
    await cancelPage.getByRole("button", { name: "Cancel order" }).click();
    await shoot(cancelPage, testInfo, "tracking-phone-cancel-confirm");
    await cancelPage.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(cancelPage.getByTestId("cancellation-refund")).toBeVisible();
    await expect(cancelPage.getByRole("list", { name: "Taken off and refunded" })).toContainText("Coca");
    await shoot(cancelPage, testInfo, "tracking-phone-cancelled");

    const latePage = await phone.newPage();
    await latePage.goto(`/orders/${late.id}`);
    await expect(latePage.getByTestId("late-notice")).toBeVisible();
    await shoot(latePage, testInfo, "tracking-phone-late");

    const board = await staffContext.newPage();
    await board.goto("/staff");
    await expect(connection(board)).toHaveText("Live");
    await expect(board.locator(`[data-pickup-code="${late.pickupCode}"][data-lateness=very-late]`)).toBeVisible({
      timeout: 30_000,
    });
    await shoot(board, testInfo, "dashboard-late-paused-sold-out");
    const boardPhone = await staffPhone.newPage();
    await boardPhone.goto("/staff");
    await expect(connection(boardPhone)).toHaveText("Live");
    await expect(boardPhone.getByTestId("bar-paused")).toBeVisible();
    await shoot(boardPhone, testInfo, "dashboard-phone");

    await staff.setPaused("BAR", false);
    await expect.poll(async () => (await readOrder(request, urls.webA, late.id)).status).toBe("READY");
    await expectMoneyInvariant(request, urls.webA, orders);
  } finally {
    await staff.setPaused("BAR", false);
    await staff.setStock(MENU.tortaDeLimao, null);
    await staff.setStock(MENU.pizza, null);
    await Promise.all([phone.close(), desktop.close(), staffContext.close(), staffPhone.close()]);
  }
});
