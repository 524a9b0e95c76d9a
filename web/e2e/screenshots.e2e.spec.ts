import { devices, expect, test, type Page, type TestInfo } from "@playwright/test";
import { connection, MENU, placeOrder, signInStaff } from "./support/bakery";
import { urls } from "./support/e2e-env";

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
  await mobile.screenshot({ path: testInfo.outputPath("menu-phone-order-sheet.png"), animations: "disabled" });
  await testInfo.attach("menu-phone-order-sheet", {
    path: testInfo.outputPath("menu-phone-order-sheet.png"),
    contentType: "image/png",
  });

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
  await expect(mobile.locator("[data-testid=order-item][data-status=PREPARING]").first()).toBeVisible();
  await shoot(mobile, testInfo, "tracking-phone-preparing");

  await expect(staff.getByRole("list", { name: "Ready for pickup" })).toBeVisible();
  await expect(staff.getByRole("region", { name: "Kitchen" }).getByRole("list", { name: "Queued" })).toBeVisible();
  await shoot(staff, testInfo, "dashboard");

  await expect(mobile.getByRole("alert", { name: "Ready for pickup" })).toBeVisible();
  await shoot(mobile, testInfo, "tracking-phone-ready");

  await Promise.all([phone.close(), desktop.close(), staffContext.close()]);
});
