import { Form, redirect, useActionData } from "react-router";
import type { Route } from "./+types/sign-in";
import { ErrorSummary, SubmitButton, TextField } from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { act, formString } from "../lib/http.ts";
import { signIn } from "../../src/services/auth/users.ts";

export function meta() {
  return [{ title: "Logga in – Samverkan" }];
}

export function loader({ context, request }: Route.LoaderArgs) {
  if (context.ctx.actor) throw redirect("/");
  const url = new URL(request.url);
  return { locale: context.locale, signedOut: url.searchParams.get("utloggad") === "1" };
}

/** Only local paths: an open redirect after sign-in would help phishing. */
function safeNext(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = formString(form, "email");
  const result = await act(
    () => signIn(context.ctx, { email, password: formString(form, "password"), ip: context.clientIp }),
    { email },
  );
  if (!result.ok) return result.response;
  context.setCookie("sv_session", result.value.token, {
    maxAgeSeconds: context.config.sessionDays * 86400,
    httpOnly: true,
  });
  return redirect(safeNext(new URL(request.url).searchParams.get("next")));
}

export default function SignIn({ loaderData }: Route.ComponentProps) {
  const { locale, signedOut } = loaderData;
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "auth.signIn.title")}
      </h1>
      {signedOut && (
        <div className="ds-alert" data-color="success" role="status">
          {t(locale, "auth.signedOut")}
        </div>
      )}
      <ErrorSummary errors={errors} locale={locale} />
      <Form method="post" className="form-grid" noValidate>
        <TextField
          name="email"
          type="email"
          autoComplete="username"
          label={t(locale, "auth.signIn.email")}
          locale={locale}
          errors={errors}
          defaultValue={String(errors?.values?.email ?? "")}
          required
        />
        <TextField
          name="password"
          type="password"
          autoComplete="current-password"
          label={t(locale, "auth.signIn.password")}
          locale={locale}
          errors={errors}
          required
        />
        <div>
          <SubmitButton>{t(locale, "auth.signIn.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
