import type { NextConfig } from "next";

// `next dev` runs React's development build, which needs eval (and a websocket for hot reload);
// `next build` / `next start` are production, where neither is allowed.
const development = process.env.NODE_ENV === "development";

/**
 * Every page and asset: no framing, no sniffing, no referrer (an order's link is its own
 * secret), and a Content-Security-Policy that allows only this origin. Scripts may be inline
 * because Next's App Router inlines its bootstrap; never eval in production. The API's own
 * answers get stricter headers from its route handlers (src/server/api-headers.ts).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${development ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const config: NextConfig = {
  // The workspace package ships TypeScript source; Next compiles it with the app.
  transpilePackages: ["@bakery/shared"],
  serverExternalPackages: ["kafkajs", "mongodb"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // HTTPS as the first trusted proxy saw it: without TRUSTED_PROXY a client's own X-Forwarded-Proto is
        // dropped before this is matched (src/server/forwarded-headers.ts), and Next sets it from the connection.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default config;
