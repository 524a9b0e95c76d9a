/** What the tracking page shows until the first snapshot arrives. */
export function OrderSkeleton() {
  const bar = "rounded bg-crust-100 motion-safe:animate-pulse";
  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-6 sm:py-10">
      <div role="status" aria-label="Loading your order">
        <div className="rounded-3xl border border-crust-100 bg-flour p-6">
          <div className={`h-4 w-32 ${bar}`} />
          <div className={`mt-3 h-14 w-40 ${bar}`} />
          <div className={`mt-5 h-3 w-full ${bar}`} />
        </div>
        <div className="mt-6 space-y-3 rounded-3xl border border-crust-100 bg-flour p-6">
          {[0, 1, 2].map((i) => (
            <div key={i} className="space-y-2">
              <div className={`h-4 w-1/3 ${bar}`} />
              <div className="h-2 w-full rounded bg-stone-200/70 motion-safe:animate-pulse" />
            </div>
          ))}
        </div>
      </div>
    </main>
  );
}
