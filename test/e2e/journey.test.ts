import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  expectAccessible,
  expectH1,
  hasChromium,
  inGroup,
  isFocused,
  isShown,
  openBrowser,
  signIn,
  signOut,
  textOf,
  type Browser,
} from "./support.ts";

const KOMMUN = "Köpings kommun (Kommun)";
const LPO = "Västra Mälardalen (Lokalpolisområde)";

describe.skipIf(!hasChromium)("the coordinator's journey", () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
  });

  it("creates an agreement, edits it, sees it on the start page and signs out", async () => {
    const { page } = browser;
    const title = `Trygg i Köping ${Date.now()}`;
    await signIn(page, "samordnare@samverkan.test");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Ny överenskommelse" }).first().click();
    await expectH1(page, "Ny samverkansöverenskommelse");
    expect(new URL(page.url()).pathname).toBe("/overenskommelser/ny");
    await expectAccessible(page);

    await page.getByLabel("Rubrik").fill(title);
    await page.getByLabel("Syfte och mål").fill("Minska otryggheten i centrum.");
    await page.getByLabel("Åtaganden").fill("Gemensam lägesbild varje år\nTrygghetsvandringar");
    await page.getByLabel("Gäller från").fill("2025-01-01");
    await page.getByLabel("Gäller till och med").fill("2027-12-31");
    await page.getByLabel("Kan sägas upp av båda parter").check();
    await inGroup(page, "Part 1").getByLabel("Organisation").selectOption({ label: KOMMUN });
    await inGroup(page, "Part 1").getByLabel("Kontaktperson", { exact: true }).fill("Sara Samordnare");
    await inGroup(page, "Part 2").getByLabel("Organisation").selectOption({ label: LPO });
    await inGroup(page, "Part 2").getByLabel("Kontaktpersonens titel").fill("Kommunpolis");
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();

    await expectH1(page, title);
    const agreementPath = new URL(page.url()).pathname;
    expect(agreementPath).toMatch(/^\/overenskommelser\/[0-9a-f-]{36}$/);
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    expect(await isShown(page.getByText("Gemensam lägesbild varje år"))).toBe(true);
    const parties = page.getByRole("listitem").filter({ hasText: "Köpings kommun (Kommun)" });
    expect(await textOf(parties)).toContain("Kontaktpersoner: Sara Samordnare");
    await expectAccessible(page);

    // Edit: a new title.
    await page.getByRole("link", { name: "Ändra överenskommelsen" }).click();
    await expectH1(page, "Ändra överenskommelsen");
    await expectAccessible(page);
    expect(await inGroup(page, "Part 2").getByLabel("Kontaktpersonens titel").inputValue()).toBe("Kommunpolis");
    await page.getByLabel("Rubrik").fill(`${title} (reviderad)`);
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expectH1(page, `${title} (reviderad)`);

    // A focus area.
    await page.goto(`${agreementPath}/fokusomraden`);
    await expectH1(page, "Fokusområden");
    await expectAccessible(page);
    await inGroup(page, "Fokusområde 1").getByLabel("Rubrik").fill("Trygg stadskärna");
    await inGroup(page, "Fokusområde 1").getByLabel("Beskrivning").fill("Fler vuxna ute på kvällarna.");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expectH1(page, `${title} (reviderad)`);
    expect(await isShown(page.getByText("Trygg stadskärna"))).toBe(true);

    // A signatory, with the date left blank ("Köping den ____").
    await page.goto(`${agreementPath}/undertecknare`);
    await expectH1(page, "Undertecknare");
    await expectAccessible(page);
    const first = inGroup(page, "Undertecknare 1");
    await first.getByLabel("Namn").fill("Elisabeth Unell");
    await first.getByLabel("Titel").fill("Kommunstyrelsens ordförande");
    await first.getByLabel("Organisation").selectOption({ label: "Köpings kommun" });
    await first.getByLabel("Ort").fill("Köping");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expectH1(page, `${title} (reviderad)`);
    expect(await isShown(page.getByText("Elisabeth Unell, Kommunstyrelsens ordförande – Köping ____"))).toBe(true);

    // The other edit pages render and pass axe too.
    for (const [section, heading] of [
      ["grupper", "Organisation och grupper"],
      ["bilagor", "Bilagor"],
      ["avsluta", "Avsluta överenskommelsen"],
    ] as const) {
      await page.goto(`${agreementPath}/${section}`);
      await expectH1(page, heading);
      await expectAccessible(page);
    }

    await page.getByRole("link", { name: "Start" }).click();
    await expectH1(page, "Välkommen, Sara Samordnare");
    expect(await isShown(page.getByRole("link", { name: `${title} (reviderad)` }))).toBe(true);
    await signOut(page);
    expect(await textOf(page.getByRole("status"))).toBe("Du är utloggad.");
    await expectAccessible(page);
  });

  it("shows an error summary linking to the fields and saves nothing when the input is invalid", async () => {
    const { page } = browser;
    const title = `Felaktig ${Date.now()}`;
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser/ny");
    await page.getByLabel("Rubrik").fill(title);
    await page.getByLabel("Gäller från").fill("2026-06-01");
    await page.getByLabel("Gäller till och med").fill("2025-01-01");
    await inGroup(page, "Part 1").getByLabel("Organisation").selectOption({ label: KOMMUN });
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();

    const summary = page.getByRole("alert");
    expect(await textOf(summary.getByRole("heading"))).toBe("Det finns fel i formuläret");
    const endLink = summary.getByRole("link", { name: "Slutdatum kan inte vara före startdatum." });
    expect(await endLink.getAttribute("href")).toBe("#f-validTo");
    const partiesLink = summary.getByRole("link", {
      name: "En överenskommelse behöver minst en kommun och ett lokalpolisområde.",
    });
    expect(await partiesLink.getAttribute("href")).toBe("#f-parties");
    // The form keeps what was typed, and the field says what is wrong.
    expect(await page.getByLabel("Rubrik").inputValue()).toBe(title);
    expect(await page.getByLabel("Gäller till och med").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await endLink.click();
    await expect.poll(() => isFocused(page.getByLabel("Gäller till och med"))).toBe(true);

    // Dates fixed, but two kommuner and no LPO.
    await page.getByLabel("Gäller till och med").fill("2027-12-31");
    await inGroup(page, "Part 2").getByLabel("Organisation").selectOption({ label: "Kungsörs kommun (Kommun)" });
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();
    const lpoLink = summary.getByRole("link", { name: "Välj minst ett lokalpolisområde som part." });
    expect(await lpoLink.getAttribute("href")).toBe("#f-parties");
    expect(await summary.getByRole("link").count()).toBe(1);
    await expectAccessible(page);

    await page.goto("/overenskommelser");
    await expectH1(page, "Samverkansöverenskommelser");
    expect(await page.getByText(title).count()).toBe(0);
  });
});
