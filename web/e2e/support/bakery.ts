import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import type { OrderView } from "@bakery/shared/order";
import { STAFF_PASSWORD } from "./e2e-env";

/** Menu ids from shared/src/menu.ts. */
export const MENU = {
  batataFrita: 1,
  coca: 2,
  bigMac: 3,
  tequila: 4,
  hotDog: 5,
  tortaDeLimao: 6,
  pizza: 7,
  pitu: 8,
} as const;

/** Places an order straight through the API (for tests about what happens after ordering). */
export async function placeOrder(
  request: APIRequestContext,
  baseURL: string,
  items: { menuItemId: number; quantity: number }[],
  customerName = "Bia",
): Promise<OrderView> {
  const response = await request.post(`${baseURL}/api/orders`, { data: { customerName, items } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as OrderView;
}

/** The staff cookie for a whole browser context, without going through the form. */
export async function signInStaff(context: BrowserContext, baseURL: string): Promise<void> {
  const response = await context.request.post(`${baseURL}/api/staff/session`, { data: { password: STAFF_PASSWORD } });
  expect(response.status()).toBe(204);
}

/** The live-connection indicator of tracking pages and the dashboard. */
export const connection = (page: Page) => page.getByRole("status", { name: "Connection" });

const MARKER = "__bakeryNoReload";

/**
 * Puts a value on `window`: client-side navigation and live updates keep it, a reload or
 * a full page load loses it.
 */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate((marker) => Object.assign(window, { [marker]: true }), MARKER);
}

export async function expectNotReloaded(page: Page): Promise<void> {
  expect(
    await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker] === true, MARKER),
    "the page was reloaded",
  ).toBe(true);
}

/** Every item's progress bar at 100, by the exact labels the page gives them. */
export async function expectAllItemsReady(page: Page, labels: readonly string[]): Promise<void> {
  for (const label of labels)
    await expect(page.getByRole("progressbar", { name: label, exact: true })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("order-item").and(page.locator(":not([data-status=READY])"))).toHaveCount(0);
}
