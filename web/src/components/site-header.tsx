import Link from "next/link";
import { LoafIcon } from "./ui/icons";

/** The bakery's name on every page; the way back to the menu. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-crust-100 bg-cream/90 backdrop-blur supports-[backdrop-filter]:bg-cream/75">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between px-4 sm:px-6">
        <Link href="/" className="group flex items-center gap-2 font-semibold tracking-tight text-crust-900">
          <span className="grid size-8 place-items-center rounded-xl bg-crust-600 text-white shadow-sm group-hover:bg-crust-700">
            <LoafIcon className="size-5" />
          </span>
          <span className="text-lg">Bakery Saga</span>
        </Link>
        <p className="hidden text-sm text-stone-600 sm:block">Baked to order · Kitchen &amp; bar live</p>
      </div>
    </header>
  );
}
