import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Bakery Saga", description: "Order, then watch the kitchen and the bar prepare it live." };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-amber-50 text-stone-900 antialiased">{children}</body>
    </html>
  );
}
