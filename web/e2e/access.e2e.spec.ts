import { expect, test } from "@playwright/test";
import { sameOrigin } from "./support/bakery";
import { urls } from "./support/e2e-env";

test("an anonymous visitor is sent to sign-in and refused the staff API", async ({ page, request }) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();

  for (const [method, path] of [
    ["GET", "/api/staff/board"],
    ["GET", "/api/staff/events"],
    ["POST", "/api/staff/orders/anything/collect"],
  ] as const) {
    const response = await request.fetch(path, { method, headers: method === "GET" ? {} : sameOrigin(urls.webA) });
    expect(response.status(), `${method} ${path}`).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
  }

  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That password isn't right" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

test("a made-up order link shows not-found", async ({ page }) => {
  await page.goto("/orders/no-such-order-0000000000");
  await expect(page.getByRole("heading", { name: "We couldn't find that order" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the menu" })).toBeVisible();
});
