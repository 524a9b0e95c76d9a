import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-4 py-16 text-center">
      <p className="font-mono text-5xl font-bold text-crust-200" aria-hidden="true">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-crust-900">This page isn&apos;t on the menu</h1>
      <p className="mt-2 text-stone-600">The link may be old or mistyped.</p>
      <Link
        href="/"
        className="mt-6 inline-flex min-h-11 items-center rounded-full bg-crust-600 px-5 font-semibold text-white hover:bg-crust-700"
      >
        See the menu
      </Link>
    </main>
  );
}
