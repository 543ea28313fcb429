import { Form, redirect } from "react-router";
import type { Route } from "./+types/my-settings";
import { CheckboxField, SubmitButton } from "../../components/forms.tsx";
import { t } from "../../lib/context.ts";
import { formBool, formString, requireSignedIn } from "../../lib/http.ts";
import { getMySettings, rotateFeedKey, setDigestEnabled } from "../../../src/services/tasks/feeds.ts";

export function meta() {
  return [{ title: "Mina inställningar – Samverkan" }];
}

const notices = {
  on: "mySettings.digest.savedOn",
  off: "mySettings.digest.savedOff",
  rotated: "mySettings.rotated",
} as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const notice = new URL(request.url).searchParams.get("meddelande") ?? "";
  return {
    locale: context.locale,
    settings: await getMySettings(context.ctx),
    notice: notice in notices ? notices[notice as keyof typeof notices] : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const form = await request.formData();
  if (formString(form, "intent") === "rotate") {
    await rotateFeedKey(context.ctx);
    return redirect("/mina-installningar?meddelande=rotated");
  }
  const enabled = formBool(form, "digestEnabled");
  await setDigestEnabled(context.ctx, { enabled });
  return redirect(`/mina-installningar?meddelande=${enabled ? "on" : "off"}`);
}

export default function MySettings({ loaderData }: Route.ComponentProps) {
  const { locale, settings, notice } = loaderData;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "mySettings.title")}
      </h1>
      {notice && (
        <div className="ds-alert" data-color="success" role="status">
          {t(locale, notice)}
        </div>
      )}
      <section aria-labelledby="digest-heading" className="stack">
        <h2 className="ds-heading" data-size="md" id="digest-heading">
          {t(locale, "mySettings.digest.heading")}
        </h2>
        <p className="ds-paragraph">{t(locale, "mySettings.digest.intro")}</p>
        <Form method="post" className="form-grid">
          <input type="hidden" name="intent" value="digest" />
          <CheckboxField
            name="digestEnabled"
            label={t(locale, "mySettings.digest.label")}
            defaultChecked={settings.digestEnabled}
            locale={locale}
          />
          <div>
            <SubmitButton>{t(locale, "mySettings.digest.save")}</SubmitButton>
          </div>
        </Form>
      </section>
      <section aria-labelledby="feeds-heading" className="stack">
        <h2 className="ds-heading" data-size="md" id="feeds-heading">
          {t(locale, "mySettings.feeds.heading")}
        </h2>
        <p className="ds-paragraph">{t(locale, "mySettings.feeds.intro")}</p>
        <h3 className="ds-heading" data-size="xs" id="my-feed-heading">
          {t(locale, "mySettings.feeds.mine")}
        </h3>
        <p className="ds-paragraph feed-url">
          <a className="ds-link" href={settings.userFeedUrl} aria-describedby="my-feed-heading">
            {settings.userFeedUrl}
          </a>
        </p>
        {settings.agreementFeeds.length ? (
          <table className="ds-table">
            <caption>{t(locale, "mySettings.feeds.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, "mySettings.feeds.agreement")}</th>
                <th scope="col">{t(locale, "mySettings.feeds.address")}</th>
              </tr>
            </thead>
            <tbody>
              {settings.agreementFeeds.map((f) => (
                <tr key={f.agreementId}>
                  <th scope="row">{f.title}</th>
                  <td className="feed-url">
                    <a className="ds-link" href={f.url}>
                      {f.url}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="ds-paragraph">{t(locale, "mySettings.feeds.none")}</p>
        )}
        <h3 className="ds-heading" data-size="xs">
          {t(locale, "mySettings.rotate.heading")}
        </h3>
        <p className="ds-paragraph">{t(locale, "mySettings.rotate.intro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="rotate" />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t(locale, "mySettings.rotate.button")}
          </button>
        </Form>
      </section>
    </div>
  );
}
