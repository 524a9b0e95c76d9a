import { expect, test, type Page } from "@playwright/test";
import { connection, expectAllItemsReady, expectNotReloaded, markPage, signedInStaffApi } from "./support/bakery";
import { urls } from "./support/e2e-env";

test("a customer orders two foods and a drink and watches every item become ready, live", async ({ page, request }) => {
  // The kitchen holds the foods until the page is watching: on a busy machine they could be
  // ready before the page has loaded, and the test is about seeing them move.
  const staff = await signedInStaffApi(request, urls.webA);
  await staff.setPaused("KITCHEN", true);
  try {
    await orderAndWatch(page, () => staff.setPaused("KITCHEN", false));
  } finally {
    await staff.setPaused("KITCHEN", false);
  }
});

async function orderAndWatch(page: Page, resumeKitchen: () => Promise<void>) {
  await page.goto("/");
  const foods = page.getByRole("region", { name: "Foods" });
  const drinks = page.getByRole("region", { name: "Drinks" });
  await expect(foods.getByRole("heading", { name: "Foods" })).toBeVisible();
  await expect(drinks.getByRole("heading", { name: "Drinks" })).toBeVisible();
  await expect(foods.getByRole("listitem").filter({ hasText: "Batata Frita" })).toContainText(/R\$\s12,90/);
  await expect(foods.getByRole("listitem").filter({ hasText: "Batata Frita" })).toContainText("~5 s");

  await foods.getByRole("button", { name: "Add Torta de limão" }).click();
  await foods.getByRole("button", { name: "Add Batata Frita" }).click();
  await drinks.getByRole("button", { name: "Add Coca" }).click();

  const cart = page.getByRole("region", { name: /^Your order/ });
  await expect(cart.getByRole("listitem")).toHaveCount(3);
  await cart.getByRole("button", { name: "Increase Batata Frita" }).click();
  await expect(cart.getByTestId("cart-total")).toHaveText(/R\$\s48,60/);
  await cart.getByRole("button", { name: "Decrease Batata Frita" }).click();
  await expect(cart.getByTestId("cart-total")).toHaveText(/R\$\s35,70/);

  // The cart survives a reload (localStorage).
  await page.reload();
  await expect(cart.getByTestId("cart-total")).toHaveText(/R\$\s35,70/);

  // The server's validation message, on the field it is about.
  const name = cart.getByLabel("Your name");
  await cart.getByRole("button", { name: "Place order" }).click();
  await expect(cart.getByRole("alert")).toHaveText("Tell us your name");
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await markPage(page);
  await name.fill("Ana");
  await name.press("Enter");

  await expect(page).toHaveURL(/\/orders\/[^/?]+\?placed=1$/);
  await expect(page.getByText("your order is in!")).toBeVisible();
  await expect(page.getByText("Your pickup code")).toBeVisible();
  await expect(page.getByTestId("pickup-code")).toHaveText(/\S+/);
  await expect(connection(page)).toHaveText("Live");
  await expect(page.getByTestId("eta")).toHaveText(/Ready in about \d+:\d{2}|Any moment now/);

  // The items move along by themselves: the foods wait in line, something is being prepared, then everything is ready.
  await expect(page.locator("[data-testid=order-item][data-status=QUEUED]").first()).toBeVisible();
  await resumeKitchen();
  await expect(page.locator("[data-testid=order-item][data-status=PREPARING]").first()).toBeVisible();
  await expect(page.getByRole("alert", { name: "Ready for pickup" })).toBeVisible();
  await expectAllItemsReady(page, ["Torta de limão", "Batata Frita", "Coca"]);
  await expect(page.getByRole("alert", { name: "Ready for pickup" }).getByTestId("pickup-code")).toHaveText(/\S+/);
  await expect(page.getByRole("region", { name: "What's happened" }).getByRole("listitem").last()).toHaveText(
    /Everything is ready for pickup/,
  );

  await expectNotReloaded(page);
  expect(await page.evaluate(() => window.localStorage.getItem("bakery.cart.v1")), "the cart was emptied").toBeNull();
}
