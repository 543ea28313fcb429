import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";
import { signOut } from "../../src/services/auth/users.ts";

export async function action({ request, context }: Route.ActionArgs) {
  const cookie = request.headers.get("cookie") ?? "";
  const token = /(?:^|;\s*)sv_session=([^;]+)/.exec(cookie)?.[1];
  if (token) await signOut(context.ctx.db, decodeURIComponent(token));
  context.setCookie("sv_session", "", { maxAgeSeconds: 0, httpOnly: true });
  return redirect("/logga-in?utloggad=1");
}

export function loader() {
  return redirect("/");
}
