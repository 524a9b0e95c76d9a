// POST /api/staff/session - sign in with the staff password; DELETE - sign out
import { StaffSignIn } from "@bakery/shared/api";
import { AppError } from "@/server/errors";
import { readJson } from "@/server/read-json";
import { route } from "@/server/route";
import { issueSession, passwordMatches, sessionCookie } from "@/server/staff-session";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const { password } = await readJson(request, StaffSignIn);
  if (!passwordMatches(password)) throw new AppError("UNAUTHORIZED", "Wrong password", "password");
  const { token, maxAgeSeconds } = issueSession();
  return new Response(null, { status: 204, headers: { "Set-Cookie": sessionCookie(token, maxAgeSeconds) } });
});

export const DELETE = route(
  async () => new Response(null, { status: 204, headers: { "Set-Cookie": sessionCookie("", 0) } }),
);
