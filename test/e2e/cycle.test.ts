import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  expectAccessible,
  expectAccessibleWithoutScripts,
  expectH1,
  hasChromium,
  inGroup,
  isShown,
  openBrowser,
  signIn,
  signOut,
  textOf,
  type Browser,
} from "./support.ts";

const KOMMUN = "Köpings kommun (Kommun)";
const LPO = "Västra Mälardalen (Lokalpolisområde)";

describe.skipIf(!hasChromium)("the yearly cycle: lägesbild, problem, orsaksanalys, prioritisation", () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
  });

  it("creates a cycle, fills the lägesbild, analyses a problem, prioritises it and sees the progress", async () => {
    const { page } = browser;
    const title = `Cykeltest ${Date.now()}`;
    await signIn(page, "samordnare@samverkan.test");

    // An agreement of its own, so no other test's cycles get in the way.
    await page.goto("/overenskommelser/ny");
    await page.getByLabel("Rubrik").fill(title);
    await inGroup(page, "Part 1").getByLabel("Organisation").selectOption({ label: KOMMUN });
    await inGroup(page, "Part 2").getByLabel("Organisation").selectOption({ label: LPO });
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();
    await expectH1(page, title);
    const agreementPath = new URL(page.url()).pathname;

    // The settings: one more mandatory source.
    await page.goto(`${agreementPath}/installningar`);
    await expectH1(page, "Inställningar för årets arbete");
    await expectAccessible(page);
    await inGroup(page, "Källa 9").getByLabel("Källans namn").fill("Skolans trygghetsenkät");
    await inGroup(page, "Källa 9").getByLabel("Obligatorisk").check();
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    expect(await inGroup(page, "Källa 9").getByLabel("Källans namn").inputValue()).toBe("Skolans trygghetsenkät");

    // A cycle for 2025; the same year again is refused with the field named.
    await page.goto(`${agreementPath}/cykler`);
    await expectH1(page, "Årets arbete – cykler");
    await expectAccessible(page);
    await page.getByLabel("År").fill("2025");
    await page.getByRole("button", { name: "Starta ny cykel" }).click();
    await expectH1(page, "Cykel 2025");
    await expectAccessible(page);
    const cyclePath = new URL(page.url()).pathname;
    expect(await textOf(page.getByText(/av \d+ klart/))).toBe("0 av 11 klart");

    await page.goto(`${agreementPath}/cykler`);
    expect(await isShown(page.getByRole("link", { name: "Cykel 2025" }))).toBe(true);
    await page.getByLabel("År").fill("2025");
    await page.getByRole("button", { name: "Starta ny cykel" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Det finns redan en cykel för den perioden.");
    await expectAccessible(page);

    // Lägesbild: the three sections and two sources.
    await page.goto(cyclePath);
    await page.getByRole("link", { name: "Lägesbild", exact: true }).click();
    await expectH1(page, "Lägesbild 2025");
    await expectAccessible(page);
    await page
      .getByLabel("Kartläggning av brottsligheten – omfattning och konsekvenser")
      .fill("Fler anmälda narkotikabrott vid resecentrum.");
    await page.getByLabel("Annan relevant information").fill("Trygghetsmätningen 2024 visar otrygghet på kvällar.");
    await page.getByLabel("Analys", { exact: true }).fill("Problemen hänger ihop med kvällsmiljön i centrum.");
    await inGroup(page, "Polisens brottsstatistik (obligatorisk)").getByLabel("Använd").check();
    await inGroup(page, "Trygghetsmätning (obligatorisk)").getByLabel("Använd").check();
    await inGroup(page, "Trygghetsmätning (obligatorisk)").getByLabel("Länk").fill("http://example.se");
    await page.getByRole("button", { name: "Spara lägesbilden" }).click();
    // http is refused, naming the field; nothing is saved.
    expect(await textOf(page.getByRole("alert"))).toContain("Länken måste börja med https://.");
    await expectAccessible(page);
    await inGroup(page, "Trygghetsmätning (obligatorisk)").getByLabel("Länk").fill("https://example.se/trygghet");
    await page.getByRole("button", { name: "Spara lägesbilden" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    expect(await textOf(page.getByText(/av \d+ klart/))).toBe("5 av 11 klart");

    // A problem with a place; a latitude without longitude is refused first.
    await page.getByLabel("Problem", { exact: true }).fill("Narkotikahandel vid resecentrum");
    await page.getByLabel("När").fill("fredagar och lördagar 22–03");
    await inGroup(page, "Plats 1").getByLabel("Platsens namn").fill("Resecentrum");
    await inGroup(page, "Plats 1").getByLabel("Latitud").fill("59,51");
    await page.getByRole("button", { name: "Lägg till problemet" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Ange både latitud och longitud, eller ingen av dem.");
    await inGroup(page, "Plats 1").getByLabel("Longitud").fill("15,99");
    await page.getByRole("button", { name: "Lägg till problemet" }).click();
    await page.getByRole("link", { name: "Narkotikahandel vid resecentrum" }).click();

    // Orsaksanalys on the three axes.
    await expectH1(page, "Narkotikahandel vid resecentrum");
    await expectAccessible(page);
    await page.getByLabel("Brottsutsatt: orsak 1").fill("Unga som väntar på bussen ensamma");
    await page.getByLabel("Gärningsperson: orsak 1").fill("Etablerade säljare från grannkommunen");
    await page.getByLabel("Plats/objekt: orsak 1").fill("Dålig belysning i gångtunneln");
    await page.getByLabel("Händelsekedjor").fill("Köpare kommer med sista tåget och möts vid kiosken.");
    await page.getByRole("button", { name: "Spara orsaksanalysen" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    const placeColumn = page.getByRole("region", { name: "Plats/objekt" });
    expect(await textOf(placeColumn)).toContain("Dålig belysning i gångtunneln");
    await expectAccessible(page);

    // Prioritise it, under a new focus area of the cycle.
    await page.goto(`${cyclePath}/prioritering`);
    await expectH1(page, "Prioritering 2025");
    await expectAccessible(page);
    await inGroup(page, "Fokusområde 1").getByLabel("Rubrik").fill("Narkotika i centrum");
    await page.getByRole("button", { name: "Spara fokusområdena" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    const problem = inGroup(page, "Narkotikahandel vid resecentrum");
    await problem.getByLabel("Prioritera Narkotikahandel vid resecentrum").check();
    await problem.getByLabel("Motivering").fill("Flest anmälningar och störst otrygghet.");
    await problem.getByLabel("Fokusområde").selectOption({ label: "Narkotika i centrum" });
    await page.getByLabel("Motivering för hela prioriteringen").fill("Vi börjar där otryggheten är störst.");
    await page.getByRole("button", { name: "Spara prioriteringen" }).click();

    // The overview shows the progress and the handbook.
    await expectH1(page, "Cykel 2025");
    expect(await textOf(page.getByText(/av \d+ klart/))).toBe("8 av 11 klart");
    const missing = await textOf(page.getByRole("region", { name: "Hur långt har lägesbilden kommit?" }));
    expect(missing).toContain("Källan Skolans trygghetsenkät är inte använd, men den är obligatorisk.");
    expect(missing).toContain("Lägesbilden är inte fastställd.");
    expect(missing).not.toContain("Orsaksanalys saknas");
    const step3 = page.getByRole("region", { name: /^3\. Gemensamma förberedelser/ });
    expect(await textOf(step3)).toContain("Klart Orsaksanalys för varje prioriterat problem");
    await expectAccessible(page);

    // A handbook item ticked by hand.
    const tick = page.getByRole("group", { name: "Gemensamt beslut, organisation och roller" });
    await tick.getByLabel("Klart").check();
    await tick.getByLabel("Anteckning").fill("Beslut i styrgruppen");
    await tick.getByRole("button", { name: "Spara" }).click();
    // The page was already showing "saved": wait for the tick itself.
    await expect
      .poll(() => page.getByRole("region", { name: /^1\. Initiera samverkan/ }).innerText())
      .toContain("Klart Gemensamt beslut, organisation och roller – Beslut i styrgruppen");

    // The status, then the next cycle.
    await page.getByLabel("Ändra status").selectOption({ label: "Pågår" });
    await page.getByRole("button", { name: "Spara status" }).click();
    await expect.poll(() => page.locator("dd .status").innerText()).toBe("Pågår");
    await page.goto(`${agreementPath}/cykler`);
    await page.getByRole("button", { name: "Starta nästa cykel efter 2025" }).click();
    await expectH1(page, "Cykel 2026");
    await expectAccessible(page);
  });

  it("adds an indicator with a suppressed value and shows it in the trend table", async () => {
    const { page } = browser;
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser");
    await page
      .getByRole("link", { name: /Köping/ })
      .first()
      .click();
    const agreementPath = new URL(page.url()).pathname;
    await page.goto(`${agreementPath}/indikatorer`);
    await expectH1(page, "Indikatorer");
    await expectAccessible(page);
    const name = `Anmälda narkotikabrott ${Date.now()}`;
    await page.getByLabel("Indikator", { exact: true }).fill(name);
    await page.getByLabel("Källa", { exact: true }).fill("Kolada N07540");
    await inGroup(page, "Värde 1").getByLabel("År").fill("2023");
    await inGroup(page, "Värde 1").getByLabel("Värde", { exact: true }).fill("XX");
    await inGroup(page, "Värde 2").getByLabel("År").fill("2023");
    await inGroup(page, "Värde 2").getByLabel("Värde", { exact: true }).fill("12,5");
    await page.getByRole("button", { name: "Lägg till indikatorn" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Året finns redan.");
    await expectAccessible(page);
    await inGroup(page, "Värde 2").getByLabel("År").fill("2024");
    await page.getByRole("button", { name: "Lägg till indikatorn" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    const row = page.getByRole("row", { name: new RegExp(name) });
    expect(await textOf(row)).toContain("skyddat");
    expect(await textOf(row)).toContain("12,5");
    await page.getByRole("link", { name: `Ändra ${name}` }).click();
    await expectH1(page, name);
    await expectAccessible(page);
  });

  it("lets a viewer read the cycle pages but not the forms", async () => {
    const { page } = browser;
    // The coordinator (editor in Skara) starts a cycle with a problem.
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser");
    await page.getByRole("link", { name: /Skara/ }).first().click();
    const agreementPath = new URL(page.url()).pathname;
    await page.goto(`${agreementPath}/cykler`);
    await page.getByLabel("År").fill("2077");
    await page.getByRole("button", { name: "Starta ny cykel" }).click();
    await expectH1(page, "Cykel 2077");
    const cyclePath = new URL(page.url()).pathname;
    await page.goto(`${cyclePath}/lagesbild`);
    await page.getByLabel("Problem", { exact: true }).fill("Skadegörelse på skolgårdar");
    await page.getByRole("button", { name: "Lägg till problemet" }).click();
    await page.getByRole("link", { name: "Skadegörelse på skolgårdar" }).click();
    await expectH1(page, "Skadegörelse på skolgårdar");
    const problemPath = new URL(page.url()).pathname;
    // Adoption: the date is required; then BRÅ-gruppen adopts it.
    await page.goto(`${cyclePath}/lagesbild`);
    await page.getByLabel("Fastställd av").selectOption({ label: "BRÅ-gruppen" });
    await page.getByRole("button", { name: "Fastställ lägesbilden" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Ange datumet då lägesbilden fastställdes.");
    await expectAccessible(page);
    await page.getByLabel("Datum").fill("2077-03-01");
    await page.getByRole("button", { name: "Fastställ lägesbilden" }).click();
    expect(await isShown(page.getByText("Fastställd av BRÅ-gruppen den 2077-03-01."))).toBe(true);
    expect(await isShown(page.getByRole("button", { name: "Ta tillbaka fastställandet" }))).toBe(true);
    await signOut(page);

    await signIn(page, "lasare@samverkan.test");
    await page.goto(`${agreementPath}/cykler`);
    await expectH1(page, "Årets arbete – cykler");
    expect(await page.getByRole("button", { name: "Starta ny cykel" }).count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Cykel 2077" }).click();
    await expectH1(page, "Cykel 2077");
    expect(await page.getByRole("button").filter({ hasText: /Spara/ }).count()).toBe(0);
    await expectAccessible(page);
    for (const [path, heading] of [
      [`${cyclePath}/lagesbild`, "Lägesbild 2077"],
      [problemPath, "Skadegörelse på skolgårdar"],
      [`${cyclePath}/prioritering`, "Prioritering 2077"],
      [`${agreementPath}/installningar`, "Inställningar för årets arbete"],
      [`${agreementPath}/indikatorer`, "Indikatorer"],
    ] as const) {
      await page.goto(path);
      await expectH1(page, heading);
      expect(await page.locator("main form[method=post]").count(), path).toBe(0);
      await expectAccessible(page);
    }
    await page.goto(`${cyclePath}/lagesbild`);
    expect(await isShown(page.getByText("Fastställd av BRÅ-gruppen den 2077-03-01."))).toBe(true);
  });
});

describe.skipIf(!hasChromium)("the cycle's forms without JavaScript", () => {
  let browser: Browser;
  let checker: Browser;
  beforeEach(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
    checker = await openBrowser();
  });
  afterEach(async () => {
    await browser?.close();
    await checker?.close();
  });

  it("starts a cycle, adds a problem and its orsaksanalys with plain form posts", async () => {
    const { page } = browser;
    const title = `Cykel utan skript ${Date.now()}`;
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser/ny");
    await page.getByLabel("Rubrik").fill(title);
    await inGroup(page, "Part 1").getByLabel("Organisation").selectOption({ label: KOMMUN });
    await inGroup(page, "Part 2").getByLabel("Organisation").selectOption({ label: LPO });
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();
    await expectH1(page, title);
    const agreementPath = new URL(page.url()).pathname;

    await page.goto(`${agreementPath}/cykler`);
    await page.getByLabel("År").fill("2031");
    await page.getByRole("button", { name: "Starta ny cykel" }).click();
    await expectH1(page, "Cykel 2031");
    await expectAccessibleWithoutScripts(page, checker.page);
    const cyclePath = new URL(page.url()).pathname;

    await page.goto(`${cyclePath}/lagesbild`);
    await page.getByLabel("Problem", { exact: true }).fill("Bilbränder i bostadsområdet");
    await inGroup(page, "Plats 1").getByLabel("Platsens namn").fill("Norrmalm");
    await inGroup(page, "Plats 1").getByLabel("Longitud").fill("500");
    await page.getByRole("button", { name: "Lägg till problemet" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Longituden ska vara ett tal mellan −180 och 180.");
    expect(await page.getByLabel("Problem", { exact: true }).inputValue()).toBe("Bilbränder i bostadsområdet");
    await expectAccessibleWithoutScripts(page, checker.page);
    await inGroup(page, "Plats 1").getByLabel("Longitud").fill("");
    await page.getByRole("button", { name: "Lägg till problemet" }).click();
    await page.getByRole("link", { name: "Bilbränder i bostadsområdet" }).click();
    await expectH1(page, "Bilbränder i bostadsområdet");

    await page.getByLabel("Plats/objekt: orsak 1").fill("Öppna garage utan belysning");
    await page.getByRole("button", { name: "Spara orsaksanalysen" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    expect(await textOf(page.getByRole("region", { name: "Plats/objekt" }))).toContain("Öppna garage utan belysning");
    await expectAccessibleWithoutScripts(page, checker.page);
    const problemPath = new URL(page.url()).pathname;

    // An action points at the cause: the cause (and the problem) may not go until it is linked elsewhere.
    await page.goto(`${cyclePath}/atgarder/ny`);
    await page.getByLabel("Åtgärd", { exact: true }).fill("Belysning i garagen");
    await page.getByLabel("Orsak").selectOption({ label: "Plats: Öppna garage utan belysning" });
    await page.getByLabel("Köpings kommun", { exact: true }).check();
    await page.getByRole("button", { name: "Lägg till åtgärden" }).click();
    await expectH1(page, "Belysning i garagen");
    const inUse = "Orsaken används av åtgärden ”Belysning i garagen”. Koppla om åtgärden först.";
    await page.goto(problemPath);
    await page.getByLabel("Plats/objekt: orsak 1").fill("");
    await page.getByRole("button", { name: "Spara orsaksanalysen" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain(inUse);
    await page.getByRole("alert").getByRole("link", { name: inUse }).click();
    expect(await page.getByLabel("Plats/objekt: orsak 1").getAttribute("aria-invalid")).toBe("true");
    await expectAccessibleWithoutScripts(page, checker.page);
    await page.getByRole("button", { name: "Ta bort problemet" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain(inUse);
    await expectH1(page, "Bilbränder i bostadsområdet");
    await page.goto(problemPath);
    expect(await textOf(page.getByRole("region", { name: "Plats/objekt" }))).toContain("Öppna garage utan belysning");
  });
});
