"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { ApiRequestError, describeError, requestJson } from "@/client/api";
import { AlertIcon } from "@/components/ui/icons";

/** The counter's password; on success the dashboard. */
export function SignInForm() {
  const router = useRouter();
  const passwordId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function signIn(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await requestJson<void>("/api/staff/session", { method: "POST", body: JSON.stringify({ password }) });
      router.push("/staff");
      router.refresh();
    } catch (err) {
      setBusy(false);
      setError(
        err instanceof ApiRequestError && (err.status === 401 || err.status === 400)
          ? "That password isn't right. Try again."
          : describeError(err),
      );
      input.current?.select();
    }
  }

  return (
    <form onSubmit={signIn} noValidate className="mt-6 space-y-4">
      <div>
        <label htmlFor={passwordId} className="block text-sm font-semibold text-stone-800">
          Password
        </label>
        <input
          ref={input}
          id={passwordId}
          type="password"
          name="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={`mt-1 block w-full rounded-xl border bg-white px-3.5 py-2.5 text-base outline-none focus:border-crust-500 focus:ring-2 focus:ring-crust-200 ${error ? "border-red-600" : "border-stone-300"}`}
        />
      </div>
      {error && (
        <p
          id={errorId}
          role="alert"
          className="flex items-start gap-2 rounded-xl bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {error}
        </p>
      )}
      <button
        type="submit"
        aria-disabled={busy || undefined}
        className="flex min-h-12 w-full items-center justify-center rounded-full bg-crust-600 px-5 font-semibold text-white hover:bg-crust-700 aria-disabled:bg-crust-300"
      >
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
