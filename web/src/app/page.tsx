import { MenuPage } from "@/components/menu/menu-page";

export default function Home() {
  return <MenuPage />;
}
