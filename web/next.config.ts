import type { NextConfig } from "next";

const config: NextConfig = {
  // The workspace package ships TypeScript source; Next compiles it with the app.
  transpilePackages: ["@bakery/shared"],
  serverExternalPackages: ["kafkajs", "mongodb"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
