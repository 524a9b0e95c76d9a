import Link from "next/link";

/** The one answer for an unknown, mistyped or expired order link. */
export function OrderNotFound() {
  return (
    <main className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-4 py-16 text-center">
      <p className="font-mono text-5xl font-bold text-crust-200" aria-hidden="true">
        ?
      </p>
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-crust-900">We couldn&apos;t find that order</h1>
      <p className="mt-2 text-stone-600">
        Check the link you were given when you ordered — or ask us at the counter, we&apos;re happy to help.
      </p>
      <Link
        href="/"
        className="mt-6 inline-flex min-h-11 items-center rounded-full bg-crust-600 px-5 font-semibold text-white hover:bg-crust-700"
      >
        Back to the menu
      </Link>
    </main>
  );
}
