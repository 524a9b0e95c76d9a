import { expect, test } from "@playwright/test";
import {
  connection,
  expectMoneyInvariant,
  MENU,
  orderIdOf,
  placeOrder,
  readOrder,
  signInStaff,
  staffApi,
} from "./support/bakery";
import { urls } from "./support/e2e-env";

test("a customer cancels while their drink waits, sees it refunded and still gets the food already made", async ({
  browser,
  page,
  request,
}) => {
  const staffContext = await browser.newContext({ baseURL: urls.webB });
  await signInStaff(staffContext, urls.webB);
  const staff = staffApi(staffContext.request, urls.webB);
  // The bar is paused: the Coca waits in its queue (it can be withdrawn) while the kitchen makes the hot dog.
  await staff.setPaused("BAR", true);
  try {
    await page.goto("/");
    await page.getByRole("button", { name: "Add Hot Dog" }).click();
    await page.getByRole("button", { name: "Add Coca" }).click();
    await page.getByLabel("Your name").fill("Lia");
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/orders\//);
    const orderId = orderIdOf(page);
    await expect(connection(page)).toHaveText("Live");

    const items = page.getByRole("region", { name: "Your items" });
    await expect(items.getByTestId("order-item").filter({ hasText: "Hot Dog" })).toHaveAttribute(
      "data-status",
      "READY",
    );
    await expect(items.getByTestId("order-item").filter({ hasText: "Coca" })).toHaveAttribute("data-status", "QUEUED");

    // Cancel, with one step that says what it means.
    const cancel = page.getByRole("region", { name: "Cancel your order" });
    await cancel.getByRole("button", { name: "Cancel order" }).click();
    await expect(cancel).toContainText("Coca hasn't been started: we take it off and refund up to R$");
    await expect(cancel).toContainText("Hot Dog is already being made: you still get it, and pay for it.");
    await cancel.getByRole("button", { name: "Yes, cancel it" }).click();

    // The bar withdraws the Coca: refunded; the hot dog is still the customer's, and charged.
    const summary = page.getByRole("region", { name: "You cancelled this order" });
    await expect(summary.getByRole("list", { name: "Taken off and refunded" })).toContainText("Coca");
    await expect(summary.getByRole("list", { name: "Already being made — still yours" })).toContainText("Hot Dog");
    await expect(summary.getByTestId("cancellation-refund")).toHaveText(/Refunded: R\$\s6,90/);
    await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
    await expect(page.getByRole("alert", { name: "Ready for pickup" })).toBeVisible();

    const bill = page.getByRole("region", { name: "Your bill" });
    await expect(bill.getByTestId("bill-refunded")).toHaveText(/R\$\s6,90/);
    await expect(bill.getByTestId("bill-charged")).toHaveText(/R\$\s11,90/);
    const timeline = page.getByRole("region", { name: "What's happened" });
    await expect(timeline).toContainText("You asked to cancel what hasn't been started");
    await expect(timeline).toContainText("Coca was taken off the order and refunded");

    const final = await readOrder(request, urls.webA, orderId);
    expect(final.items.map((item) => [item.name, item.status])).toEqual([
      ["Hot Dog", "READY"],
      ["Coca", "CANCELLED"],
    ]);
    await expectMoneyInvariant(request, urls.webA, [orderId]);
  } finally {
    await staff.setPaused("BAR", false);
    await staffContext.close();
  }
});

test("cancelling once everything has started says it is too late and the button goes", async ({ page, request }) => {
  // A page that has not heard yet that the kitchen started: its stream is held at the moment of ordering.
  const order = await placeOrder(request, urls.webA, [{ menuItemId: MENU.hotDog, quantity: 1 }], "Tom");
  const stale = `event: snapshot\ndata: ${JSON.stringify(order)}\n\n`;
  await page.route(`**/api/orders/${order.id}/events`, (route) =>
    route.fulfill({ status: 200, headers: { "content-type": "text/event-stream" }, body: stale }),
  );
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole("button", { name: "Cancel order" })).toBeVisible();
  await expect
    .poll(async () => (await readOrder(request, urls.webA, order.id)).status, { timeout: 30_000 })
    .toBe("READY");

  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Too late to cancel" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);

  await expectMoneyInvariant(request, urls.webA, [order.id]);
});
