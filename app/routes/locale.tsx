import { redirect } from "react-router";
import type { Route } from "./+types/locale";
import { parseLocale } from "../i18n/index.ts";

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  context.setCookie("sv_locale", parseLocale(String(form.get("locale") ?? "")), {
    maxAgeSeconds: 365 * 86400,
    httpOnly: false,
  });
  const back = request.headers.get("referer");
  const target = back && new URL(back).origin === new URL(request.url).origin ? new URL(back).pathname : "/";
  return redirect(target);
}

export function loader() {
  return redirect("/");
}
