import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import type { StationsStatus } from "@bakery/shared/api";
import type { OrderView } from "@bakery/shared/order";
import type { Station } from "@bakery/shared/stations";
import { moneyProblems } from "@bakery/shared/money";
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

/**
 * What a browser sends with every change, and what our direct calls send too: JSON, from the
 * bakery's own origin (the server may refuse anything else as a forged cross-site request).
 */
export const sameOrigin = (baseURL: string) => ({ origin: baseURL, "content-type": "application/json" });

/** Places an order straight through the API (for tests about what happens after ordering). */
export async function placeOrder(
  request: APIRequestContext,
  baseURL: string,
  items: { menuItemId: number; quantity: number }[],
  customerName = "Bia",
): Promise<OrderView> {
  const response = await request.post(`${baseURL}/api/orders`, {
    headers: sameOrigin(baseURL),
    data: { customerName, items },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as OrderView;
}

/** The staff cookie for a whole browser context, without going through the form. */
export async function signInStaff(context: BrowserContext, baseURL: string): Promise<void> {
  const response = await context.request.post(`${baseURL}/api/staff/session`, {
    headers: sameOrigin(baseURL),
    data: { password: STAFF_PASSWORD },
  });
  expect(response.status()).toBe(204);
}

/**
 * Staff commands through the API, for the stage a test needs (the dashboard's own buttons
 * are tested where they are the point). Each waits until the station reports it applied the
 * command, as the board would show it.
 */
export function staffApi(request: APIRequestContext, baseURL: string) {
  const stations = async (): Promise<StationsStatus> => {
    const response = await request.get(`${baseURL}/api/staff/stations`);
    expect(response.status()).toBe(200);
    return (await response.json()) as StationsStatus;
  };
  const portionsOf = async (menuItemId: number) =>
    (await stations()).stock.find((line) => line.menuItemId === menuItemId)?.portions ?? null;
  return {
    stations,
    async setStock(menuItemId: number, portions: number | null) {
      const response = await request.put(`${baseURL}/api/staff/stock/${menuItemId}`, {
        headers: sameOrigin(baseURL),
        data: { portions },
      });
      expect(response.status(), await response.text()).toBe(202);
      await expect.poll(() => portionsOf(menuItemId), { timeout: 30_000 }).toBe(portions);
    },
    async setPaused(station: Station, paused: boolean) {
      const response = await request.post(`${baseURL}/api/staff/stations/${station}/${paused ? "pause" : "resume"}`, {
        headers: sameOrigin(baseURL),
      });
      expect(response.status(), await response.text()).toBe(202);
      await expect.poll(async () => (await stations()).stations[station].paused, { timeout: 30_000 }).toBe(paused);
    },
  };
}

/**
 * Staff commands from a test's own API context, signed in first. On a busy machine an order
 * can pass a state faster than a page can show it; a paused station holds it there.
 */
export async function signedInStaffApi(request: APIRequestContext, baseURL: string) {
  const response = await request.post(`${baseURL}/api/staff/session`, {
    headers: sameOrigin(baseURL),
    data: { password: STAFF_PASSWORD },
  });
  expect(response.status()).toBe(204);
  return staffApi(request, baseURL);
}

/** The order as the API has it now. */
export async function readOrder(request: APIRequestContext, baseURL: string, orderId: string): Promise<OrderView> {
  const response = await request.get(`${baseURL}/api/orders/${orderId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as OrderView;
}

/** The money invariant for every order a test created: charged = made, refunded = the rest. */
export async function expectMoneyInvariant(
  request: APIRequestContext,
  baseURL: string,
  orderIds: readonly string[],
): Promise<void> {
  for (const orderId of orderIds) expect(moneyProblems(await readOrder(request, baseURL, orderId))).toEqual([]);
}

/** The id in a tracking page's address. */
export const orderIdOf = (page: Page): string => {
  const match = new URL(page.url()).pathname.match(/^\/orders\/([^/]+)$/);
  expect(match, `not a tracking page: ${page.url()}`).not.toBeNull();
  return decodeURIComponent(match?.[1] ?? "");
};

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
