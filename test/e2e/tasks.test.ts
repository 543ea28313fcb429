import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, ilike } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import {
  actionResponsibles,
  actions,
  agreements,
  cycles,
  followUps,
  organisations,
  tasks,
  users,
} from "../../src/db/schema.ts";
import { signOneClick } from "../../src/domain/cycles/one-click.ts";
import { createLogger } from "../../src/server/log.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { appSecret } from "../../src/services/tasks/secret.ts";
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectAccessibleWithoutScripts,
  expectH1,
  hasChromium,
  openBrowser,
  textOf,
  type Browser,
} from "./support.ts";

/**
 * The tasks module's pages, against its own server (the same build, its own embedded PostgreSQL
 * with the demo): the one-click links and the overdue lines need data only the database can mint
 * (a signed link, an action past its deadline) until the cycle modules' pages are in the journey.
 */
let server: RunningServer;
let dataDir: string;
let base: string;

beforeAll(async () => {
  if (!hasChromium) return;
  dataDir = mkdtempSync(join(tmpdir(), "samverkan-e2e-tasks-"));
  chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    EMBEDDED_PG_PORT: String(59_100 + Math.floor(Math.random() * 800)),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    JOBS: "off",
  };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    server = await startServer(loadConfig(env), createLogger("warn", false));
  } finally {
    process.stdout.write = write;
  }
  base = server.url.replace("localhost", "127.0.0.1");
});

afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signInHere(b: Browser, email: string) {
  await b.page.goto(`${base}/logga-in`);
  await b.page.getByLabel("E-postadress").fill(email);
  await b.page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await b.page.getByRole("button", { name: "Logga in" }).click();
  await b.page.waitForURL((url) => url.pathname === "/");
}

/** The page's status notice once it says `text` (after a client-side navigation it changes a little later). */
async function expectStatus(page: Browser["page"], text: string) {
  await expect
    .poll(
      () =>
        page
          .getByRole("status")
          .innerText({ timeout: 1000 })
          .catch(() => ""),
      { timeout: 15_000 },
    )
    .toBe(text);
}

async function demoData() {
  const db = server.database.db;
  const [user] = await db.select().from(users).where(eq(users.email, "samordnare@samverkan.test"));
  const [koping] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, "kommun"), ilike(organisations.name, "Köping%")));
  const [agreement] = await db.select().from(agreements).where(ilike(agreements.title, "%Köping%"));
  return { db, user: user!, koping: koping!, agreement: agreement! };
}

async function actionPastDeadline(title: string) {
  const { db, agreement, koping } = await demoData();
  const [cycle] = await db
    .insert(cycles)
    .values({ agreementId: agreement.id, label: "E2E", startsOn: "2020-01-01", endsOn: "2020-12-31" })
    .returning();
  const [action] = await db
    .insert(actions)
    .values({ cycleId: cycle!.id, position: 0, title, deadline: "2020-06-30", status: "ongoing" })
    .returning();
  await db.insert(actionResponsibles).values({ actionId: action!.id, organisationId: koping.id, position: 0 });
  return action!;
}

describe.skipIf(!hasChromium)("the tasks module's pages", () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
  });

  it("the start page shows Att göra with overdue tasks and actions, linked to their pages", async () => {
    const { db, user, agreement } = await demoData();
    await db
      .insert(tasks)
      .values({ agreementId: agreement.id, title: "E2E försenad uppgift", dueOn: "2021-03-31", ownerUserId: user.id });
    const action = await actionPastDeadline("E2E sen åtgärd");
    const { page } = browser;
    await signInHere(browser, "samordnare@samverkan.test");
    expect(await textOf(page.getByRole("heading", { name: "Att göra", level: 2 }))).toBe("Att göra");
    const overdue = page.getByRole("region", { name: /^Försenat/ });
    expect(await textOf(overdue)).toContain("E2E försenad uppgift");
    expect(await overdue.getByRole("link", { name: "E2E sen åtgärd" }).getAttribute("href")).toBe(
      `/overenskommelser/${agreement.id}/cykler/${action.cycleId}/atgarder/${action.id}`,
    );
    expect(await overdue.getByRole("link", { name: "E2E försenad uppgift" }).getAttribute("href")).toBe(
      `/overenskommelser/${agreement.id}/arshjul`,
    );
    await expectAccessible(page);
  });

  it("the viewer's start page says there is nothing to do", async () => {
    const { page } = browser;
    await signInHere(browser, "lasare@samverkan.test");
    expect(await textOf(page.getByText(/^Du har inget att göra just nu/))).toContain("inget att göra");
    await expectAccessible(page);
  });

  it("the årshjul: create the defaults, complete a task, add a milestone, see a field error", async () => {
    const { agreement } = await demoData();
    const { page } = browser;
    await signInHere(browser, "samordnare@samverkan.test");
    await page.goto(`${base}/overenskommelser/${agreement.id}/arshjul`);
    await expectH1(page, "Årshjul");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Skapa standardårshjul" }).click();
    await expectStatus(page, "Standardårshjulet är skapat.");
    const rules = page.getByRole("table", { name: "Återkommande hållpunkter" });
    expect(await textOf(rules)).toContain("Starta årets process");
    expect(await textOf(rules)).toContain("Se över lägesbild och åtgärdsplan (lag 2023:196)");
    await expectAccessible(page);

    const taskTable = page.getByRole("table", { name: "Uppgifter" });
    const first = taskTable.getByRole("button", { name: /^Markera Starta årets process .* som klar$/ }).first();
    const label = (await first.getAttribute("aria-label"))!;
    await first.click();
    await expectStatus(page, "Uppgiften är markerad som klar.");
    const undo = label.replace(/^Markera (.*) som klar$/, "Ångra att $1 är klar");
    const names = await taskTable
      .getByRole("button")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(names).toContain(undo);
    await expectAccessible(page);

    const newRow = page.getByRole("group", { name: "Hållpunkt 8" });
    await newRow.getByLabel("Rubrik").fill("Trygghetsvandring i centrum");
    await newRow.getByLabel("Månad").selectOption("4");
    await newRow.getByLabel("Dag").fill("31");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Ange en dag som finns i månaden");
    await expectAccessible(page);
    await page.getByRole("group", { name: "Hållpunkt 8" }).getByLabel("Dag").fill("30");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expectStatus(page, "Årshjulet är sparat.");
    expect(await textOf(page.getByRole("table", { name: "Återkommande hållpunkter" }))).toContain(
      "Trygghetsvandring i centrum",
    );
    await expectAccessible(page);
  });

  it("my settings: the feed URLs serve iCal until the address is changed; the digest switch", async () => {
    const { page } = browser;
    await signInHere(browser, "samordnare@samverkan.test");
    await page.getByRole("link", { name: "Mina inställningar: veckobrev och kalender" }).click();
    await expectH1(page, "Mina inställningar");
    await expectAccessible(page);
    const feedPath = (href: string) => new URL(href).pathname;
    const mine = feedPath((await page.locator("a[href*='/kalender/u.']").first().getAttribute("href"))!);
    const res = await fetch(`${base}${mine}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const body = await res.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const agreementFeed = feedPath((await page.locator("a[href*='/kalender/a.']").first().getAttribute("href"))!);
    expect((await fetch(`${base}${agreementFeed}`)).status).toBe(200);

    await page.getByRole("button", { name: "Byt adress" }).click();
    await expectStatus(page, "Nya adresser är skapade. De gamla fungerar inte längre.");
    await expectAccessible(page);
    expect((await fetch(`${base}${mine}`)).status).toBe(404);
    expect((await fetch(`${base}${agreementFeed}`)).status).toBe(404);
    const fresh = feedPath((await page.locator("a[href*='/kalender/u.']").first().getAttribute("href"))!);
    expect(fresh).not.toBe(mine);
    expect((await fetch(`${base}${fresh}`)).status).toBe(200);

    await page.getByLabel("Skicka veckobrevet till mig").uncheck();
    await page.getByRole("button", { name: "Spara inställningen" }).click();
    await expectStatus(page, "Veckobrevet är avstängt.");
    expect(await page.getByLabel("Skicka veckobrevet till mig").isChecked()).toBe(false);
    await expectAccessible(page);
  });

  it("the one-click page sets the status once; used, tampered and expired links are refused", async () => {
    const { db, user } = await demoData();
    const action = await actionPastDeadline("E2E åtgärd via länk");
    const secret = await appSecret(db);
    const token = signOneClick({ actionId: action.id, userId: user.id, version: action.version }, secret, new Date());
    const { page } = browser;
    const shown = await page.goto(`${base}/atgard-lank/${token}`);
    expect(shown!.status()).toBe(200);
    await expectH1(page, "Uppdatera åtgärden");
    expect(await textOf(page.getByRole("heading", { level: 2 }))).toBe("E2E åtgärd via länk");
    await expectAccessible(page);
    await page.getByLabel("Ny status").selectOption("done");
    await page.getByLabel("Anteckning").fill("Klart, tio kontroller gjorda.");
    await page.getByRole("button", { name: "Spara uppföljningen" }).click();
    await expectH1(page, "Tack! Uppföljningen är sparad.");
    await expectAccessible(page);
    const [after] = await db.select().from(actions).where(eq(actions.id, action.id));
    expect(after).toMatchObject({ status: "done", version: action.version + 1 });
    const entries = await db.select().from(followUps).where(eq(followUps.actionId, action.id));
    expect(entries).toMatchObject([{ via: "link", authorUserId: user.id, note: "Klart, tio kontroller gjorda." }]);

    const reused = await page.goto(`${base}/atgard-lank/${token}`);
    expect(reused!.status()).toBe(409);
    await expectH1(page, "Länken har redan använts");
    await expectAccessible(page);

    const [payload, mac] = token.split(".") as [string, string];
    const tampered = await page.goto(`${base}/atgard-lank/${payload}.${mac.slice(1)}A`);
    expect(tampered!.status()).toBe(400);
    await expectH1(page, "Länken är inte giltig");
    await expectAccessible(page);

    const old = signOneClick(
      { actionId: action.id, userId: user.id, version: after!.version },
      secret,
      new Date(Date.now() - 15 * 86_400_000),
    );
    const expired = await page.goto(`${base}/atgard-lank/${old}`);
    expect(expired!.status()).toBe(410);
    await expectH1(page, "Länken har slutat gälla");
    await expectAccessible(page);
    const [unchanged] = await db.select().from(actions).where(eq(actions.id, action.id));
    expect(unchanged!.version).toBe(after!.version);
  });

  it("the one-click form works without JavaScript", async () => {
    const { db, user } = await demoData();
    const action = await actionPastDeadline("E2E åtgärd utan JavaScript");
    const token = signOneClick(
      { actionId: action.id, userId: user.id, version: action.version },
      await appSecret(db),
      new Date(),
    );
    const noJs = await openBrowser({ javaScriptEnabled: false });
    try {
      await noJs.page.goto(`${base}/atgard-lank/${token}`);
      await expectAccessibleWithoutScripts(noJs.page, browser.page);
      await noJs.page.getByLabel("Anteckning").fill("Påbörjad.");
      await noJs.page.getByLabel("Ny status").selectOption("ongoing");
      await noJs.page.getByRole("button", { name: "Spara uppföljningen" }).click();
      await noJs.page.waitForLoadState();
      expect(await textOf(noJs.page.getByRole("heading", { level: 1 }))).toBe("Tack! Uppföljningen är sparad.");
      await expectAccessibleWithoutScripts(noJs.page, browser.page);
      const entries = await db.select().from(followUps).where(eq(followUps.actionId, action.id));
      expect(entries).toMatchObject([{ via: "link", note: "Påbörjad." }]);
    } finally {
      await noJs.close();
    }
  });
});
