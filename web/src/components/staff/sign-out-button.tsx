"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/client/api";

export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    try {
      await requestJson<void>("/api/staff/session", { method: "DELETE" });
    } catch {
      // the cookie may already be gone; the sign-in page is the right place either way
    }
    router.replace("/staff/sign-in");
    router.refresh();
  }

  return (
    <button
      type="button"
      onClick={() => void signOut()}
      aria-disabled={busy || undefined}
      className="inline-flex min-h-10 items-center rounded-full border border-stone-300 bg-white px-4 text-sm font-semibold text-stone-700 hover:border-crust-300 hover:bg-crust-50"
    >
      Sign out
    </button>
  );
}
