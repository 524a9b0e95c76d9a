import type { Metadata } from "next";
import { OrderTracker } from "@/components/order/order-tracker";

// An order link is its own secret: keep it out of search engines and referrers.
export const metadata: Metadata = {
  title: "Your order",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  return <OrderTracker key={id} orderId={id} placed={query.placed === "1"} />;
}
