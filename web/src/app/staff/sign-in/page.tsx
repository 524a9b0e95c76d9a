import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/sign-in-form";
import { isStaffRequest } from "@/server/staff-session";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

export default async function StaffSignInPage() {
  if (await isStaffRequest()) redirect("/staff");
  return (
    <main className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center px-4 py-12">
      <div className="rounded-3xl border border-crust-100 bg-flour p-6 shadow-sm sm:p-8">
        <p className="text-xs font-semibold tracking-widest text-crust-600 uppercase">Behind the counter</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-crust-900">Staff sign-in</h1>
        <p className="mt-1 text-sm text-stone-600">The kitchen, the bar and the pickup counter, live.</p>
        <SignInForm />
      </div>
    </main>
  );
}
