"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { OrderView } from "@bakery/shared/order";
import { ApiRequestError, describeError, requestJson } from "@/client/api";
import type { PricedLine } from "@/client/cart";
import { randomKey } from "@/client/random-key";
import { AlertIcon } from "@/components/ui/icons";
import { SoldOutNotice } from "./sold-out-notice";

const NAME_KEY = "bakery.customer-name";

type FormError = { message: string; field?: string; code?: string };

/** "customerName: Tell us your name" reads better without the field's code name. */
const withoutFieldPrefix = (message: string, field?: string) =>
  field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;

/** `items.2.menuItemId` -> 2: which line of the request the server refused. */
const lineIndexOf = (field?: string) => {
  const match = field?.match(/^items\.(\d+)\./);
  return match ? Number(match[1]) : undefined;
};

/**
 * Name and "Place order". Each distinct order attempt carries one Idempotency-Key, reused
 * if the very same order is retried, so a double click or a flaky network orders once.
 * Nothing is ordered while a line is sold out: the customer removes it first. The bakery
 * may know before this page does (409 SOLD_OUT): then the menu is read again, which flags it.
 */
export function CheckoutForm({
  lines,
  soldOut,
  disabled,
  onSoldOut,
}: {
  lines: readonly PricedLine[];
  soldOut: readonly PricedLine[];
  disabled: boolean;
  onSoldOut: () => void;
}) {
  const router = useRouter();
  const nameId = useId();
  const errorId = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const attempt = useRef<{ body: string; key: string } | undefined>(undefined);
  const [name, setName] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<FormError>();
  const blocked = disabled || soldOut.length > 0 || lines.length === 0;

  // Once the menu flags the sold-out line, its notice (with a remove button) says it all.
  useEffect(() => {
    if (soldOut.length > 0) setError((current) => (current?.code === "SOLD_OUT" ? undefined : current));
  }, [soldOut.length]);

  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(NAME_KEY);
      if (saved) setName((current) => current || saved);
    } catch {
      // no storage: the visitor types their name
    }
  }, []);

  async function placeOrder(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting || blocked) return;
    const body = JSON.stringify({
      customerName: name,
      items: lines.map(({ menuItemId, quantity }) => ({ menuItemId, quantity })),
    });
    if (attempt.current?.body !== body) attempt.current = { body, key: randomKey() };
    setSubmitting(true);
    setError(undefined);
    try {
      const order = await requestJson<OrderView>("/api/orders", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": attempt.current.key },
      });
      try {
        window.localStorage.setItem(NAME_KEY, name.trim());
      } catch {
        // not remembering the name is fine
      }
      router.push(`/orders/${encodeURIComponent(order.id)}?placed=1`);
    } catch (err) {
      setSubmitting(false);
      const field = err instanceof ApiRequestError ? err.field : undefined;
      if (err instanceof ApiRequestError && err.code === "SOLD_OUT") {
        const itemName = lines[lineIndexOf(field) ?? -1]?.item.name ?? "Something in your order";
        setError({ code: err.code, message: `Sorry — ${itemName} sold out just now. Remove it to order the rest.` });
        onSoldOut();
        return;
      }
      setError({
        message:
          err instanceof ApiRequestError && err.status < 500
            ? withoutFieldPrefix(err.message, field)
            : describeError(err),
        field,
      });
      if (field === "customerName") nameInput.current?.focus();
    }
  }

  const nameInvalid = error?.field === "customerName";
  return (
    <form
      onSubmit={placeOrder}
      noValidate
      className="mt-4 space-y-3"
      aria-describedby={error && !nameInvalid ? errorId : undefined}
    >
      <div>
        <label htmlFor={nameId} className="block text-sm font-semibold text-stone-800">
          Your name
        </label>
        <input
          ref={nameInput}
          id={nameId}
          name="customerName"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="given-name"
          maxLength={60}
          aria-invalid={nameInvalid || undefined}
          aria-describedby={nameInvalid ? errorId : `${nameId}-hint`}
          className={`mt-1 block w-full rounded-xl border bg-white px-3.5 py-2.5 text-base shadow-inner transition-colors outline-none placeholder:text-stone-400 focus:border-crust-500 focus:ring-2 focus:ring-crust-200 ${nameInvalid ? "border-red-600 ring-2 ring-red-100" : "border-stone-300"}`}
          placeholder="e.g. Ana"
        />
        {!nameInvalid && (
          <p id={`${nameId}-hint`} className="mt-1 text-xs text-stone-500">
            We call it out with your pickup code.
          </p>
        )}
      </div>
      <SoldOutNotice lines={soldOut} />
      {error && (
        <p
          id={errorId}
          role="alert"
          className="flex items-start gap-2 rounded-xl bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {error.message}
        </p>
      )}
      <button
        type="submit"
        aria-disabled={submitting || blocked || undefined}
        className="flex min-h-12 w-full items-center justify-center rounded-full bg-crust-600 px-5 text-base font-semibold text-white shadow-sm transition-colors hover:bg-crust-700 active:bg-crust-800 aria-disabled:cursor-not-allowed aria-disabled:bg-crust-300"
      >
        {submitting ? "Placing order…" : "Place order"}
      </button>
    </form>
  );
}
