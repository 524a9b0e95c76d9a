import { expect, test } from "@playwright/test";
import type { MenuEntry } from "@bakery/shared/api";
import {
  connection,
  expectMoneyInvariant,
  MENU,
  orderIdOf,
  placeOrder,
  readOrder,
  sameOrigin,
  signInStaff,
  staffApi,
} from "./support/bakery";
import { urls } from "./support/e2e-env";

test("a customer whose item runs out after ordering substitutes it on the tracking page and gets the rest", async ({
  browser,
  page,
  request,
}) => {
  const staffContext = await browser.newContext({ baseURL: urls.webB });
  await signInStaff(staffContext, urls.webB);
  const staff = staffApi(staffContext.request, urls.webB);
  // One lemon tart left: the menu still offers it, so the order is taken, and the kitchen runs out of the second.
  await staff.setStock(MENU.tortaDeLimao, 1);
  try {
    await page.goto("/");
    await page.getByRole("button", { name: "Add Torta de limão" }).click();
    await page.getByRole("button", { name: "Increase Torta de limão" }).click();
    await page.getByRole("button", { name: "Add Coca" }).click();
    await page.getByLabel("Your name").fill("Rui");
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/orders\/[^/?]+\?placed=1$/);
    const orderId = orderIdOf(page);
    await expect(connection(page)).toHaveText("Live");

    // The kitchen says so at once: the page asks, with a countdown and the choices.
    const decision = page.getByRole("region", { name: "Torta de limão is sold out" });
    await expect(decision).toBeVisible();
    await expect(page.getByRole("heading", { name: "We need your choice" })).toBeVisible();
    await expect(decision.getByText(/\d:\d{2} left to choose — then we remove it and refund R\$\s15,90/)).toBeVisible();
    await expect(decision.getByRole("button", { name: /Remove it · refund R\$\s15,90/ })).toBeVisible();
    await expect(decision.getByRole("button", { name: "Cancel the order instead" })).toBeVisible();
    // Only what the kitchen can still make is offered, with what it costs compared with the tart.
    const substitutes = decision.getByRole("list", { name: "Substitutes" });
    await expect(substitutes.getByRole("button", { name: /Swap for Big Mac, R\$\s9,00 more/ })).toBeVisible();
    await expect(substitutes.getByRole("button", { name: /Swap for Hot Dog, R\$\s4,00 back/ })).toBeVisible();
    await expect(substitutes.getByRole("button", { name: /Torta de limão/ })).toHaveCount(0);
    await expect(substitutes.getByRole("button", { name: /Coca|Tequila|Pitu/ })).toHaveCount(0);

    await substitutes.getByRole("button", { name: /Swap for Big Mac/ }).click();
    await expect(decision).toHaveCount(0);

    // The rest is made, the substitute too.
    await expect(page.getByRole("alert", { name: "Ready for pickup" })).toBeVisible({ timeout: 60_000 });
    const items = page.getByRole("region", { name: "Your items" });
    await expect(items.getByTestId("order-item").filter({ hasText: "Replaced by Big Mac" })).toHaveAttribute(
      "data-status",
      "CANCELLED",
    );
    await expect(items.locator("[data-testid=order-item][data-status=READY]")).toHaveCount(3);

    // The bill: the tart that was not made is refunded; the Big Mac is a line of its own.
    const bill = page.getByRole("region", { name: "Your bill" });
    await expect(bill.getByTestId("bill-line").filter({ hasText: "Big Mac" })).toContainText("substitute");
    await expect(bill.getByTestId("bill-line").filter({ hasText: "Big Mac" })).toHaveAttribute("data-state", "CHARGED");
    await expect(bill.locator("[data-testid=bill-line][data-state=REFUNDED]")).toHaveText(/Torta de limão/);
    await expect(bill.getByTestId("bill-ordered")).toHaveText(/R\$\s63,60/);
    await expect(bill.getByTestId("bill-refunded")).toHaveText(/R\$\s15,90/);
    await expect(bill.getByTestId("bill-charged")).toHaveText(/R\$\s47,70/);

    const timeline = page.getByRole("region", { name: "What's happened" });
    await expect(timeline).toContainText("Sorry: Torta de limão is sold out");
    await expect(timeline).toContainText("Torta de limão: replaced by Big Mac");

    await expectMoneyInvariant(request, urls.webA, [orderId]);
  } finally {
    await staff.setStock(MENU.tortaDeLimao, null);
    await staffContext.close();
  }
});

test("a choice that lost the race shows what won; a substitute that sold out meanwhile is refused and the rest offered again", async ({
  browser,
  page,
  request,
}) => {
  const staffContext = await browser.newContext({ baseURL: urls.webB });
  await signInStaff(staffContext, urls.webB);
  const staff = staffApi(staffContext.request, urls.webB);
  await staff.setStock(MENU.tortaDeLimao, 1);
  try {
    const order = await placeOrder(request, urls.webA, [{ menuItemId: MENU.tortaDeLimao, quantity: 2 }], "Edu");
    await expect.poll(async () => (await readOrder(request, urls.webA, order.id)).status).toBe("NEEDS_ACTION");
    const waiting = await readOrder(request, urls.webA, order.id);
    const unavailable = waiting.items.find((item) => item.status === "UNAVAILABLE");

    // A page that hears nothing more after its first snapshot, with the menu as it was on arrival:
    // what another tab, the kitchen or the timeout do meanwhile reaches it only through its own requests.
    let served = false;
    await page.route(`**/api/orders/${order.id}/events`, (route) => {
      if (served) return route.abort();
      served = true;
      return route.fulfill({
        status: 200,
        headers: { "content-type": "text/event-stream" },
        body: `event: snapshot\ndata: ${JSON.stringify(waiting)}\n\n`,
      });
    });
    await page.route("**/api/menu/events", (route) => route.abort());
    await page.goto(`/orders/${order.id}`);
    const decision = page.getByRole("region", { name: "Torta de limão is sold out" });
    const substitutes = decision.getByRole("list", { name: "Substitutes" });
    await expect(substitutes.getByRole("button", { name: /Swap for Big Mac/ })).toBeVisible();

    // The Big Mac sells out before the customer picks it: refused, and the choice offered again without it.
    await staff.setStock(MENU.bigMac, 0);
    await expect
      .poll(async () => {
        const menu = (await (await request.get(`${urls.webA}/api/menu`)).json()) as MenuEntry[];
        return menu.find((item) => item.id === MENU.bigMac)?.available;
      })
      .toBe(false);
    await substitutes.getByRole("button", { name: /Swap for Big Mac/ }).click();
    await expect(decision.getByRole("alert").filter({ hasText: "Big Mac just sold out too" })).toBeVisible();
    await expect(substitutes.getByRole("button", { name: /Swap for Big Mac/ })).toHaveCount(0);
    await expect(substitutes.getByRole("button", { name: /Swap for Hot Dog/ })).toBeVisible();

    // Another tab removes the tart first: this page's choice loses, and it says what won.
    const other = await request.post(`${urls.webA}/api/orders/${order.id}/items/${unavailable?.itemId}/decision`, {
      headers: sameOrigin(urls.webA),
      data: { action: "remove" },
    });
    expect(other.status()).toBe(200);
    await substitutes.getByRole("button", { name: /Swap for Hot Dog/ }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Already decided — Torta de limão: removed and refunded" }),
    ).toBeVisible();
    await expect(decision).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Your bill" }).getByTestId("bill-refunded")).toHaveText(/R\$\s15,90/);

    await expect.poll(async () => (await readOrder(request, urls.webA, order.id)).status).toBe("READY");
    await expectMoneyInvariant(request, urls.webA, [order.id]);
  } finally {
    await staff.setStock(MENU.tortaDeLimao, null);
    await staff.setStock(MENU.bigMac, null);
    await staffContext.close();
  }
});
