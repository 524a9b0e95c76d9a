import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { StaffDashboard } from "@/components/staff/staff-dashboard";
import { isStaffRequest } from "@/server/staff-session";

export const metadata: Metadata = { title: "Staff dashboard", robots: { index: false } };

export default async function StaffPage() {
  if (!(await isStaffRequest())) redirect("/staff/sign-in");
  return <StaffDashboard />;
}
