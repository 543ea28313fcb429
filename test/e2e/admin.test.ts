import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  baseUrl,
  expectAccessible,
  expectH1,
  hasChromium,
  inGroup,
  isShown,
  openBrowser,
  signIn,
  textOf,
  type Browser,
} from "./support.ts";

describe.skipIf(!hasChromium)("organisations, users, API tokens and annexes", () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
  });

  it("a platform admin creates a kommun, sets an LPO's coverage, and manages users", async () => {
    const { page } = browser;
    await signIn(page, "admin@samverkan.test");
    await page.getByRole("link", { name: "Organisationer" }).click();
    await expectH1(page, "Organisationer");
    expect(await isShown(page.getByRole("heading", { name: "Lokalpolisområden" }))).toBe(true);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Ny organisation" }).click();
    await expectH1(page, "Ny organisation");
    await expectAccessible(page);
    // A kommun without a kommun code is refused.
    await page.getByLabel("Namn").fill("Arboga kommun");
    await page.getByRole("button", { name: "Skapa organisationen" }).click();
    const summary = page.getByRole("alert");
    expect(await summary.getByRole("link", { name: "Ange kommunkod för en kommun." }).getAttribute("href")).toBe(
      "#f-municipalityCode",
    );
    await expectAccessible(page);
    await page.getByLabel("Kommun (kommunkod)").selectOption("1984");
    await page.getByRole("button", { name: "Skapa organisationen" }).click();
    await expectH1(page, "Arboga kommun");
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    await expectAccessible(page);

    // The LPO's coverage: Köping, Kungsör and Arboga from the seed; end Arboga's row.
    await page.goto("/organisationer");
    await page.getByRole("link", { name: "Västra Mälardalen" }).click();
    await expectH1(page, "Västra Mälardalen");
    await expectAccessible(page);
    const arboga = page
      .getByRole("group")
      .filter({ has: page.locator("option[value='1984']:checked") })
      .first();
    await arboga.getByLabel("Till och med").fill("2024-12-31");
    const blank = inGroup(page, "Täckning 4");
    await blank.getByLabel("Kommun").selectOption("1907");
    await blank.getByLabel("Från").fill("2025-01-01");
    await page.getByRole("button", { name: "Spara täckningen" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    expect(await inGroup(page, "Täckning 4").getByLabel("Kommun").inputValue()).toBe("1907");

    // Users: create one and give it a membership.
    await page.getByRole("link", { name: "Användare" }).click();
    await expectH1(page, "Användare");
    await expectAccessible(page);
    const email = `ny.${Date.now()}@samverkan.test`;
    await page.getByLabel("Namn").fill("Nina Ny");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Lösenord").fill("kort");
    await page.getByRole("button", { name: "Skapa användaren" }).click();
    expect(await isShown(summary.getByRole("link", { name: "Lösenordet måste ha minst 10 tecken." }))).toBe(true);
    await expectAccessible(page);
    await page.getByLabel("Lösenord").fill("ett-langt-losenord");
    await page.getByRole("button", { name: "Skapa användaren" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    await page.getByLabel("Användare", { exact: true }).selectOption({ label: `Nina Ny (${email})` });
    await page.getByLabel("Organisation").selectOption({ label: "Arboga kommun" });
    await page.getByLabel("Roll").selectOption("editor");
    await page.getByRole("button", { name: "Spara medlemskapet" }).click();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain("Arboga kommun: Redaktör");
    await expectAccessible(page);
  });

  it("the users page is refused to anyone but a platform admin", async () => {
    const { page } = browser;
    await signIn(page, "samordnare@samverkan.test");
    const response = await page.goto("/anvandare");
    expect(response?.status()).toBe(403);
    await expectAccessible(page);
  });

  it("an API token is shown once and can be revoked", async () => {
    const { page } = browser;
    await signIn(page, "kommunpolis@samverkan.test");
    await page.getByRole("link", { name: "API-nycklar" }).click();
    await expectH1(page, "API-nycklar");
    await expectAccessible(page);
    await page.getByLabel("Namn").fill("Rapportverktyg");
    await page.getByRole("button", { name: "Skapa nyckeln" }).click();
    const shown = page.getByRole("status");
    expect(await textOf(shown)).toContain("Kopiera nyckeln nu");
    const token = await textOf(shown.locator("code"));
    expect(token).toMatch(/^svt/);
    await expectAccessible(page);

    const api = await fetch(`${baseUrl()}/api/v1/agreements`, { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);

    await page.goto("/api-nycklar");
    expect(await page.getByText(token).count()).toBe(0);
    await page.getByRole("button", { name: "Återkalla Rapportverktyg" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("API-nyckeln är återkallad.");
    expect(await page.getByRole("button", { name: "Återkalla Rapportverktyg" }).count()).toBe(0);
    // Actors are cached for up to 5 s per process (ACTOR_CACHE_MS), so the refusal may lag a little.
    await expect
      .poll(
        async () =>
          (await fetch(`${baseUrl()}/api/v1/agreements`, { headers: { authorization: `Bearer ${token}` } })).status,
        { timeout: 10_000, interval: 500 },
      )
      .toBe(401);
  });

  it("annexes: a link and an uploaded file, downloaded as an attachment", async () => {
    const { page, context } = browser;
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser");
    const href = await page
      .getByRole("row")
      .filter({ hasText: "Skara kommun" })
      .first()
      .getByRole("link")
      .first()
      .getAttribute("href");
    await page.goto(`${href}/bilagor`);
    await expectH1(page, "Bilagor");

    await page.getByLabel("Rubrik").last().fill("Medborgarlöfte 2025");
    await page.getByRole("button", { name: "Ladda upp filen" }).click();
    expect(await isShown(page.getByRole("alert").getByRole("link", { name: "Filen är tom." }))).toBe(true);
    await expectAccessible(page);

    const upload = page.getByRole("region", { name: "Ladda upp en fil" });
    await upload.getByLabel("Rubrik").fill("Medborgarlöfte 2025");
    await upload.getByLabel("Typ av bilaga").selectOption("citizen_promise");
    await upload.getByLabel("Fil").setInputFiles({
      name: "löfte <2025>.html",
      mimeType: "text/html",
      buffer: Buffer.from("<script>alert(1)</script>"),
    });
    await page.getByRole("button", { name: "Ladda upp filen" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");

    const link = page.getByRole("region", { name: "Lägg till en länk" });
    await link.getByLabel("Rubrik").fill("Lägesbild 2025");
    await link.getByLabel("Typ av bilaga").selectOption("situation_report");
    await link.getByLabel("Länk").fill("https://example.org/lagesbild.pdf");
    await page.getByRole("button", { name: "Lägg till länken" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    expect(await isShown(page.getByRole("group", { name: "Bilaga 2" }))).toBe(true);
    await expectAccessible(page);

    const fileHref = await page.getByRole("link", { name: /^Fil: löfte/ }).getAttribute("href");
    const response = await context.request.get(fileHref!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/html/);
    // helmet sets it for every response too; the route sets it itself so it never depends on that.
    expect(response.headers()["x-content-type-options"]).toMatch(/^nosniff(, nosniff)?$/);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="/);
    expect(await response.text()).toBe("<script>alert(1)</script>");

    await page.goto(href!);
    expect(await isShown(page.getByRole("link", { name: "Lägesbild 2025" }))).toBe(true);
    expect(await isShown(page.getByRole("link", { name: "Medborgarlöfte 2025" }))).toBe(true);
  });
});
