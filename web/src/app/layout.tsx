import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bakery Saga", template: "%s · Bakery Saga" },
  description: "Order, then watch the kitchen and the bar prepare it live.",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fdf8f1" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-cream text-stone-900 antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-crust-700 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <div id="main" className="flex flex-1 flex-col">
          {children}
        </div>
        <footer className="border-t border-crust-100 px-4 py-6 text-center text-sm text-stone-500">
          Bakery Saga · fresh from the oven, every day ·{" "}
          <Link href="/staff" className="underline decoration-crust-200 underline-offset-4 hover:text-crust-700">
            Staff
          </Link>
        </footer>
      </body>
    </html>
  );
}
