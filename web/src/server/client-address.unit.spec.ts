import { describe, expect, it } from "vitest";
import { cameOverHttps, clientAddress, normalizeAddress, requestedHost } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("client address", () => {
  it("is the connection's address when no proxy is trusted (Next put it in X-Forwarded-For)", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("203.0.113.7");
    expect(clientAddress(headers({}), 0)).toBeUndefined();
  });

  it("is the entry the trusted proxies appended, whatever the client put before it", () => {
    const forwarded = headers({ "x-forwarded-for": "1.1.1.1, 9.9.9.9, 203.0.113.7, 10.0.0.2" });
    expect(clientAddress(forwarded, 1)).toBe("10.0.0.2");
    expect(clientAddress(forwarded, 2)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "10.0.0.2" }), 3)).toBeUndefined();
  });

  it("keys IPv6 clients by their /64 and unwraps IPv4-mapped addresses and ports", () => {
    expect(normalizeAddress("2001:db8:85a3:7:8a2e:370:7334:1")).toBe("2001:db8:85a3:7::/64");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("2001:DB8:0:0:ffff::9")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("192.0.2.1:5123")).toBe("192.0.2.1");
    expect(normalizeAddress("unknown")).toBe("unknown");
  });

  it("says HTTPS only when the (last) X-Forwarded-Proto says so", () => {
    expect(cameOverHttps(headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(cameOverHttps(headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(cameOverHttps(headers({ "x-forwarded-proto": "https, http" }))).toBe(false);
    expect(cameOverHttps(headers({}))).toBe(false);
  });

  it("takes the host from X-Forwarded-Host only behind a trusted proxy", () => {
    const request = new Request("http://internal:3000/api/orders", {
      headers: { host: "bakery.example", "x-forwarded-host": "evil.example" },
    });
    expect(requestedHost(request, 0)).toBe("bakery.example");
    expect(requestedHost(request, 1)).toBe("evil.example");
    expect(requestedHost(new Request("http://bakery.test/api/menu"), 0)).toBe("bakery.test");
  });
});
