import { expect, test, type Page } from "@playwright/test";
import type { MenuEntry } from "@bakery/shared/api";
import {
  connection,
  expectMoneyInvariant,
  expectNotReloaded,
  markPage,
  MENU,
  orderIdOf,
  sameOrigin,
  signInStaff,
  staffApi,
} from "./support/bakery";
import { urls } from "./support/e2e-env";

const card = (page: Page, name: string) => page.getByTestId("menu-item").filter({ hasText: name });

test("staff 86 an item on the dashboard and a customer's menu greys it out live; restocked, it comes back", async ({
  browser,
  request,
}) => {
  const staffContext = await browser.newContext({ baseURL: urls.webB, viewport: { width: 1440, height: 1000 } });
  await signInStaff(staffContext, urls.webB);
  const staffPage = await staffContext.newPage();
  const customerContext = await browser.newContext({ baseURL: urls.webA });
  const customer = await customerContext.newPage();
  try {
    await staffPage.goto("/staff");
    await expect(connection(staffPage)).toHaveText("Live");
    const pizzaStock = staffPage.getByTestId("stock-row").filter({ hasText: "Pizza" });
    await expect(pizzaStock.getByTestId("stock-state")).toHaveText("Unlimited");

    // A customer (on the other web process) has the menu open, with a pizza in their order.
    await customer.goto("/");
    await customer.getByRole("button", { name: "Add Pizza" }).click();
    await customer.getByRole("button", { name: "Add Coca" }).click();
    await customer.getByLabel("Your name").fill("Nina");
    await markPage(customer);

    await staffPage.getByRole("button", { name: "Sold out now: Pizza" }).click();
    await expect(pizzaStock.getByTestId("stock-state")).toHaveText("Sold out");
    await expect(staffPage.getByRole("button", { name: "Restock Pizza" })).toBeVisible();

    // Greyed out, live: no reload, and it cannot be added.
    await expect(card(customer, "Pizza")).toHaveAttribute("data-available", "false");
    await expect(card(customer, "Pizza")).toContainText("Sold out");
    await expect(customer.getByRole("button", { name: "Add Pizza" })).toBeDisabled();
    await expect(card(customer, "Big Mac")).toHaveAttribute("data-available", "true");
    // The pizza already in the order is flagged and left out of the total; the order waits for it to go.
    const order = customer.getByRole("region", { name: /^Your order/ });
    await expect(order.getByText("Sold out — remove it to order the rest")).toBeVisible();
    await expect(order.getByTestId("cart-total")).toHaveText(/R\$\s6,90/);
    await expect(order.getByRole("alert")).toContainText("Pizza is sold out right now");
    await expect(order.getByRole("button", { name: "Place order" })).toHaveAttribute("aria-disabled", "true");
    await expectNotReloaded(customer);

    // The API refuses it too, at once.
    const refused = await request.post(`${urls.webA}/api/orders`, {
      headers: sameOrigin(urls.webA),
      data: { customerName: "Otto", items: [{ menuItemId: MENU.pizza, quantity: 1 }] },
    });
    expect(refused.status()).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: "SOLD_OUT", field: "items.0.menuItemId" } });

    // Restocked: back on the menu, live.
    await staffPage.getByRole("button", { name: "Restock Pizza" }).click();
    await expect(pizzaStock.getByTestId("stock-state")).toHaveText("Unlimited");
    await expect(card(customer, "Pizza")).toHaveAttribute("data-available", "true");
    await expect(customer.getByRole("button", { name: "Add Pizza" })).toBeEnabled();
    await expect(order.getByText("Sold out — remove it to order the rest")).toHaveCount(0);
    await expect(order.getByTestId("cart-total")).toHaveText(/R\$\s39,80/);

    // A count of portions, from the dashboard.
    await pizzaStock.getByRole("spinbutton", { name: "Portions of Pizza" }).fill("3");
    await pizzaStock.getByRole("button", { name: "Set portions of Pizza" }).click();
    await expect(pizzaStock.getByTestId("stock-state")).toHaveText("3 portions");
    await pizzaStock.getByRole("button", { name: "Unlimited: Pizza" }).click();
    await expect(pizzaStock.getByTestId("stock-state")).toHaveText("Unlimited");
    await expectNotReloaded(customer);
  } finally {
    await staffApi(staffContext.request, urls.webB).setStock(MENU.pizza, null);
    await Promise.all([staffContext.close(), customerContext.close()]);
  }
});

test("a page that has not heard of the 86 yet gets a clear answer at checkout", async ({ browser, page, request }) => {
  const staffContext = await browser.newContext({ baseURL: urls.webB });
  await signInStaff(staffContext, urls.webB);
  const staff = staffApi(staffContext.request, urls.webB);
  try {
    // This page's live menu is cut off, so it still offers the pizza after the kitchen runs out.
    await page.route("**/api/menu/events", (route) => route.abort());
    await page.goto("/");
    await page.getByRole("button", { name: "Add Pizza" }).click();
    await page.getByRole("button", { name: "Add Coca" }).click();
    await page.getByLabel("Your name").fill("Rita");
    await staff.setStock(MENU.pizza, 0);
    // The customer's web process has heard (its menu says so); this page has not.
    await expect
      .poll(async () => {
        const menu = (await (await request.get(`${urls.webA}/api/menu`)).json()) as MenuEntry[];
        return menu.find((item) => item.id === MENU.pizza)?.available;
      })
      .toBe(false);
    await expect(card(page, "Pizza")).toHaveAttribute("data-available", "true");

    await page.getByRole("button", { name: "Place order" }).click();
    // The 409 SOLD_OUT names the item, the menu is read again, and one tap takes it out.
    const order = page.getByRole("region", { name: /^Your order/ });
    await expect(order.getByRole("alert").first()).toContainText("Pizza");
    await expect(card(page, "Pizza")).toHaveAttribute("data-available", "false");
    // Once the menu flags it, one message says it all (the answer's own is replaced by it).
    await expect(order.getByRole("alert")).toHaveCount(1);
    await expect(order.getByText("Sold out — remove it to order the rest")).toBeVisible();
    await order.getByRole("button", { name: "Remove sold-out item" }).click();
    await expect(order.getByRole("listitem")).toHaveCount(1);
    await order.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/orders\//);
    await expectMoneyInvariant(request, urls.webA, [orderIdOf(page)]);
  } finally {
    await staff.setStock(MENU.pizza, null);
    await staffContext.close();
  }
});
