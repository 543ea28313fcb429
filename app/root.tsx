import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles.css";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { t } from "./lib/context.ts";
import { parseLocale, type Locale } from "./i18n/index.ts";

export function loader({ context }: Route.LoaderArgs) {
  const actor = context.ctx.actor;
  return {
    locale: context.locale,
    user: actor ? { name: actor.name, isPlatformAdmin: actor.isPlatformAdmin } : null,
  };
}

export function meta() {
  return [{ title: "Samverkan" }];
}

function Header({ locale, user }: { locale: Locale; user: { name: string; isPlatformAdmin: boolean } | null }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t(locale, "app.skipToContent")}
      </a>
      <div className="site-header__inner">
        <a className="site-header__brand" href="/">
          {t(locale, "app.name")}
        </a>
        <nav aria-label={t(locale, "nav.main")}>
          <ul className="site-nav">
            {user && (
              <>
                <li>
                  <a href="/">{t(locale, "nav.start")}</a>
                </li>
                <li>
                  <a href="/overenskommelser">{t(locale, "nav.agreements")}</a>
                </li>
                <li>
                  <a href="/organisationer">{t(locale, "nav.organisations")}</a>
                </li>
                {user.isPlatformAdmin && (
                  <li>
                    <a href="/anvandare">{t(locale, "nav.users")}</a>
                  </li>
                )}
                <li>
                  <a href="/api-nycklar">{t(locale, "nav.apiTokens")}</a>
                </li>
              </>
            )}
            <li>
              <a href="/api/v1/docs">{t(locale, "nav.apiDocs")}</a>
            </li>
            <li>
              <form method="post" action="/sprak">
                <input type="hidden" name="locale" value={locale === "sv" ? "en" : "sv"} />
                <button type="submit" className="link-button" lang={locale === "sv" ? "en" : "sv"}>
                  {t(locale, "nav.language")}
                </button>
              </form>
            </li>
            <li>
              {user ? (
                <form method="post" action="/logga-ut">
                  <button type="submit" className="link-button">
                    {t(locale, "nav.signOut")} ({user.name})
                  </button>
                </form>
              ) : (
                <a href="/logga-in">{t(locale, "nav.signIn")}</a>
              )}
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? "sv";
  return (
    <html lang={locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Header locale={locale} user={data?.user ?? null} />
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = parseLocale(data?.locale);
  if (isRouteErrorResponse(error) && (error.status === 404 || error.status === 403)) {
    return (
      <>
        <h1 className="ds-heading" data-size="lg">
          {t(locale, error.status === 404 ? "common.notFound" : "common.forbidden")}
        </h1>
        <p className="ds-paragraph">{t(locale, error.status === 404 ? "common.notFoundText" : "common.forbidden")}</p>
        <p className="ds-paragraph">
          <a className="ds-link" href="/">
            {t(locale, "nav.start")}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "common.serverError")}
      </h1>
      <p className="ds-paragraph">{t(locale, "common.serverErrorText", { requestId: "—" })}</p>
    </>
  );
}
