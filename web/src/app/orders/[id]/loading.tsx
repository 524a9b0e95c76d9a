import { OrderSkeleton } from "@/components/order/order-skeleton";

export default function Loading() {
  return <OrderSkeleton />;
}
