import { expect, test, type Browser, type Page } from "@playwright/test";
import { connection, staffApi } from "./support/bakery";
import { STAFF_PASSWORD, urls } from "./support/e2e-env";

test("staff on another web process watch an order through the queues and hand it over; the customer sees it", async ({
  browser,
}) => {
  // The staff member signs in on web process B.
  const staffContext = await browser.newContext({ baseURL: urls.webB });
  const staff = await staffContext.newPage();
  await staff.goto("/staff");
  await expect(staff).toHaveURL(/\/staff\/sign-in$/);
  await staff.getByLabel("Password").fill(STAFF_PASSWORD);
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff).toHaveURL(/\/staff$/);
  await expect(staff.getByRole("heading", { name: "Staff dashboard" })).toBeVisible();
  await expect(connection(staff)).toHaveText("Live");
  // The kitchen holds the order in its queue until the board has shown it waiting: on a busy
  // machine the order could otherwise be ready before the board hears of it.
  const kitchenControl = staffApi(staffContext.request, urls.webB);
  await kitchenControl.setPaused("KITCHEN", true);
  try {
    await watchAndHandOver(browser, staff, () => kitchenControl.setPaused("KITCHEN", false));
  } finally {
    await kitchenControl.setPaused("KITCHEN", false);
  }
  await staff.getByRole("button", { name: "Sign out" }).click();
  await expect(staff).toHaveURL(/\/staff\/sign-in$/);
  await staff.goto("/staff");
  await expect(staff).toHaveURL(/\/staff\/sign-in$/);
  await staffContext.close();
});

async function watchAndHandOver(browser: Browser, staff: Page, resumeKitchen: () => Promise<void>) {
  // The customer orders on web process A: two lemon tarts and fries for a one-cook kitchen, so a queue forms.
  const customerContext = await browser.newContext({ baseURL: urls.webA });
  const customer = await customerContext.newPage();
  await customer.goto("/");
  await customer.getByRole("button", { name: "Add Torta de limão" }).click();
  await customer.getByRole("button", { name: "Increase Torta de limão" }).click();
  await customer.getByRole("button", { name: "Add Batata Frita" }).click();
  await customer.getByRole("button", { name: "Add Coca" }).click();
  await customer.getByLabel("Your name").fill("Caio");
  await customer.getByRole("button", { name: "Place order" }).click();
  await expect(customer).toHaveURL(/\/orders\//);
  const code = (await customer.getByTestId("pickup-code").textContent())?.trim() ?? "";
  expect(code).not.toBe("");
  const mine = `[data-pickup-code="${code}"]`;

  // Live on the dashboard: the order is in preparation, one tart is being made, the fries wait in line.
  await expect(staff.getByRole("list", { name: "In preparation" }).locator(mine)).toBeVisible();
  const kitchen = staff.getByRole("region", { name: "Kitchen" });
  await expect(kitchen.getByRole("list", { name: "Queued" }).locator(mine).first()).toBeVisible();
  await expect(kitchen.getByRole("list", { name: "Queued" }).locator(mine).first()).toContainText(/#\d/);
  await resumeKitchen();
  await expect(kitchen.getByRole("list", { name: "Preparing" }).locator(mine)).toContainText(/left|finishing/);
  await expect(kitchen.getByRole("list", { name: "Ready on the balcony" }).locator(mine).first()).toBeVisible();
  await expect(
    staff.getByRole("region", { name: "Bar" }).getByRole("list", { name: "Ready on the balcony" }).locator(mine),
  ).toContainText("Coca");
  await expect(staff.getByRole("term").filter({ hasText: "Orders in flight" })).toBeVisible();

  // Everything ready: hand it over.
  await expect(staff.getByRole("list", { name: "Ready for pickup" }).locator(mine)).toBeVisible();
  await expect(kitchen.getByRole("list", { name: "Queued" }).locator(mine)).toHaveCount(0);
  await staff.getByRole("button", { name: `Mark ${code} collected` }).click();
  await expect(staff.getByRole("button", { name: `Mark ${code} collected` })).toHaveCount(0);
  await expect(staff.getByRole("region", { name: "Recently collected" })).toContainText(code);

  // The customer, on the other process, sees it.
  await expect(customer.getByRole("heading", { name: "Collected — enjoy!" })).toBeVisible();

  await customerContext.close();
}
