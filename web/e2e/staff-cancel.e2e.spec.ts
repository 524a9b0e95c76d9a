import { expect, test } from "@playwright/test";
import { connection, expectMoneyInvariant, MENU, placeOrder, readOrder, signInStaff, staffApi } from "./support/bakery";
import { urls } from "./support/e2e-env";

test("staff cancel an order for a customer who walked out: the waiting drink is refunded, the ready food is waste", async ({
  browser,
  page,
  request,
}) => {
  const staffContext = await browser.newContext({ baseURL: urls.webB, viewport: { width: 1440, height: 1000 } });
  await signInStaff(staffContext, urls.webB);
  const staffControls = staffApi(staffContext.request, urls.webB);
  await staffControls.setPaused("BAR", true);
  const staff = await staffContext.newPage();
  try {
    await staff.goto("/staff");
    await expect(connection(staff)).toHaveText("Live");
    const order = await placeOrder(
      request,
      urls.webA,
      [
        { menuItemId: MENU.hotDog, quantity: 1 },
        { menuItemId: MENU.coca, quantity: 1 },
      ],
      "Vera",
    );
    await page.goto(`/orders/${order.id}`);
    await expect(connection(page)).toHaveText("Live");
    const card = staff
      .getByRole("list", { name: "In preparation" })
      .locator(`[data-pickup-code="${order.pickupCode}"]`);
    await expect(card.getByRole("listitem").filter({ hasText: "Hot Dog" })).toContainText("Ready");

    await card.getByRole("button", { name: `Cancel order ${order.pickupCode}` }).click();
    await card.getByRole("button", { name: `Cancel ${order.pickupCode}` }).click();
    await expect(card.getByRole("alert")).toHaveText("Say why, for the records.");
    await card.getByLabel(`Why cancel ${order.pickupCode}?`).fill("customer left");
    await card.getByRole("button", { name: `Cancel ${order.pickupCode}` }).click();

    // Off the counter, listed apart with its waste.
    const cancelled = staff
      .getByRole("region", { name: "Recently cancelled" })
      .locator(`[data-pickup-code="${order.pickupCode}"]`);
    await expect(cancelled).toContainText("By staff: customer left");
    await expect(cancelled).toContainText("Waste: Hot Dog");
    await expect(cancelled).toContainText(/refunded R\$\s6,90/);
    await expect(card).toHaveCount(0);

    // The customer's page says so: who, why, what was withdrawn and what was made for nothing.
    await expect(page.getByRole("heading", { name: "Cancelled", exact: true })).toBeVisible();
    const summary = page.getByRole("region", { name: "The bakery cancelled this order" });
    await expect(summary).toContainText("Reason: customer left");
    await expect(summary.getByRole("list", { name: "Taken off and refunded" })).toContainText("Coca");
    await expect(summary.getByRole("list", { name: "Made, but not handed over" })).toContainText("Hot Dog");

    const final = await readOrder(request, urls.webA, order.id);
    expect(final.status).toBe("CANCELLED");
    expect(final.items.find((item) => item.name === "Hot Dog")?.waste).toBe(true);
    await expectMoneyInvariant(request, urls.webA, [order.id]);
  } finally {
    await staffControls.setPaused("BAR", false);
    await staffContext.close();
  }
});
