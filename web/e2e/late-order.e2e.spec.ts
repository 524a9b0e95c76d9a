import { expect, test } from "@playwright/test";
import { connection, expectMoneyInvariant, MENU, placeOrder, signInStaff, staffApi } from "./support/bakery";
import { LATE_GRACE_S, urls } from "./support/e2e-env";

test("a late order (bar paused) turns amber then red on the board, the customer hears sorry, and it finishes after the resume", async ({
  browser,
  page,
  request,
}) => {
  const staffContext = await browser.newContext({ baseURL: urls.webB, viewport: { width: 1440, height: 1000 } });
  await signInStaff(staffContext, urls.webB);
  const staff = await staffContext.newPage();
  try {
    await staff.goto("/staff");
    await expect(connection(staff)).toHaveText("Live");
    const bar = staff.getByRole("region", { name: "Bar" });
    await bar.getByRole("button", { name: "Pause bar" }).click();
    await expect(bar.getByTestId("bar-paused")).toHaveText("Paused");
    await expect(bar.getByRole("button", { name: "Resume bar" })).toBeVisible();

    const order = await placeOrder(request, urls.webA, [{ menuItemId: MENU.tequila, quantity: 1 }], "Iva");
    const mine = staff
      .getByRole("list", { name: "In preparation" })
      .locator(`[data-pickup-code="${order.pickupCode}"]`);
    await expect(mine).toBeVisible();
    await expect(
      bar.getByRole("list", { name: "Queued" }).locator(`[data-pickup-code="${order.pickupCode}"]`),
    ).toBeVisible();

    // Past the promise: amber; LATE_GRACE_S later: red. The customer is told, with a new estimate.
    await expect(mine).toHaveAttribute("data-lateness", "late");
    await expect(mine).toContainText(/Late \d:\d{2}/);
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByRole("region", { name: "Sorry — this is taking longer than we promised" })).toBeVisible();
    await expect(mine).toHaveAttribute("data-lateness", "very-late", { timeout: (LATE_GRACE_S + 20) * 1000 });
    await expect(mine).toContainText(/Very late \d:\d{2}/);
    await expect(
      staff.getByRole("term").filter({ hasText: "Late now" }).locator("xpath=following-sibling::dd"),
    ).not.toHaveText("0");

    await bar.getByRole("button", { name: "Resume bar" }).click();
    await expect(bar.getByTestId("bar-paused")).toHaveCount(0);
    await expect(
      staff.getByRole("list", { name: "Ready for pickup" }).locator(`[data-pickup-code="${order.pickupCode}"]`),
    ).toBeVisible();
    await expect(mine).toHaveCount(0);
    await expect(page.getByRole("alert", { name: "Ready for pickup" })).toContainText(
      "Sorry it took longer than we promised",
    );
    await expectMoneyInvariant(request, urls.webA, [order.id]);
  } finally {
    await staffApi(staffContext.request, urls.webB).setPaused("BAR", false);
    await staffContext.close();
  }
});
