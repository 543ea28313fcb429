import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  expectAccessible,
  expectAccessibleWithoutScripts,
  expectH1,
  hasChromium,
  inGroup,
  openBrowser,
  signIn,
  textOf,
  type Browser,
} from "./support.ts";

const KOMMUN = "Köpings kommun (Kommun)";
const LPO = "Västra Mälardalen (Lokalpolisområde)";

/**
 * The whole yearly loop through the pages a coordinator uses, with nothing made behind the
 * browser's back: lägesbild → problem → orsaksanalys → action → promise → follow-up → close with
 * evaluation → the public kommun page shows how it went. Axe runs on every page.
 */
describe.skipIf(!hasChromium)("a whole cycle, from lägesbild to the public page", () => {
  let editor: Browser;
  let visitor: Browser;
  let noScript: Browser;
  beforeEach(async () => {
    editor = await openBrowser();
    visitor = await openBrowser();
    noScript = await openBrowser({ javaScriptEnabled: false });
  });
  afterEach(async () => {
    await editor?.close();
    await visitor?.close();
    await noScript?.close();
  });

  it("traces a problem to an action, a kept promise and its evaluation on /kommun/koping", async () => {
    const { page } = editor;
    const stamp = Date.now();
    const title = `Helårscykel ${stamp}`;
    const problemTitle = `Skadegörelse vid skolan ${stamp}`;
    const actionTitle = `Kameror och belysning vid skolan ${stamp}`;
    const promiseText = `Vi sätter upp belysning vid skolan före jul (${stamp}).`;
    const evaluation = `Belysningen kom upp i november (${stamp}).`;
    const year = String(new Date().getFullYear());
    await signIn(page, "samordnare@samverkan.test");
    await expectAccessible(page);

    // An agreement between Köping and its LPO.
    await page.goto("/overenskommelser/ny");
    await page.getByLabel("Rubrik").fill(title);
    await inGroup(page, "Part 1").getByLabel("Organisation").selectOption({ label: KOMMUN });
    await inGroup(page, "Part 2").getByLabel("Organisation").selectOption({ label: LPO });
    await page.getByRole("button", { name: "Skapa överenskommelsen" }).click();
    await expectH1(page, title);
    await expectAccessible(page);
    const agreementPath = new URL(page.url()).pathname;

    // This year's cycle.
    await page.getByRole("link", { name: "Cykler: lägesbild, åtgärdsplan och uppföljning" }).click();
    await expectH1(page, "Årets arbete – cykler");
    await page.getByLabel("År").fill(year);
    await page.getByRole("button", { name: "Starta ny cykel" }).click();
    await expectH1(page, `Cykel ${year}`);
    await expectAccessible(page);
    const cyclePath = new URL(page.url()).pathname;

    // Lägesbild with a problem.
    await page.getByRole("link", { name: "Lägesbild", exact: true }).click();
    await expectH1(page, `Lägesbild ${year}`);
    await page
      .getByLabel("Kartläggning av brottsligheten – omfattning och konsekvenser")
      .fill("Skadegörelse på skolgården har ökat.");
    await page.getByLabel("Annan relevant information").fill("EST-rapporter från fastighetsskötare.");
    await page.getByLabel("Analys", { exact: true }).fill("Skolgården är mörk och obevakad kvällstid.");
    await inGroup(page, "Polisens brottsstatistik (obligatorisk)").getByLabel("Använd").check();
    await page.getByRole("button", { name: "Spara lägesbilden" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    await page.getByLabel("Problem", { exact: true }).fill(problemTitle);
    await page.getByLabel("När").fill("kvällar och helger");
    await inGroup(page, "Plats 1").getByLabel("Platsens namn").fill("Skolgården");
    await page.getByRole("button", { name: "Lägg till problemet" }).click();
    await expectAccessible(page);

    // Orsaksanalys.
    await page.getByRole("link", { name: problemTitle }).click();
    await expectH1(page, problemTitle);
    await page.getByLabel("Plats/objekt: orsak 1").fill("Mörk skolgård utan insyn");
    await page.getByRole("button", { name: "Spara orsaksanalysen" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    await expectAccessible(page);

    // Prioritise it under a focus area of the cycle.
    await page.goto(`${cyclePath}/prioritering`);
    await inGroup(page, "Fokusområde 1").getByLabel("Rubrik").fill("Trygg skolmiljö");
    await page.getByRole("button", { name: "Spara fokusområdena" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    const problem = inGroup(page, problemTitle);
    await problem.getByLabel(`Prioritera ${problemTitle}`).check();
    await problem.getByLabel("Fokusområde").selectOption({ label: "Trygg skolmiljö" });
    await page.getByRole("button", { name: "Spara prioriteringen" }).click();
    await expectH1(page, `Cykel ${year}`);
    await expectAccessible(page);

    // An action linked to the cause, owned by the kommun.
    await page.goto(`${cyclePath}/atgarder/ny`);
    await expectH1(page, "Ny åtgärd");
    await page.getByLabel("Åtgärd", { exact: true }).fill(actionTitle);
    await page.getByLabel("Fokusområde").selectOption({ label: "Trygg skolmiljö" });
    await page.getByLabel("Orsak").selectOption({ label: "Plats: Mörk skolgård utan insyn" });
    await page.getByLabel("Köpings kommun", { exact: true }).check();
    await page.getByLabel("Klart senast").fill(`${year}-12-20`);
    await page.getByRole("button", { name: "Lägg till åtgärden" }).click();
    await expectH1(page, actionTitle);
    await expectAccessible(page);
    const actionPath = new URL(page.url()).pathname;

    // The plan shows the chain: cause → action → responsible.
    await page.goto(`${cyclePath}/atgardsplan`);
    const row = page.getByRole("row").filter({ hasText: actionTitle });
    expect(await textOf(row)).toContain("Mörk skolgård utan insyn");
    expect(await textOf(row)).toContain("Köpings kommun");
    await expectAccessible(page);

    // A promise delivered by that action, published.
    await page.goto(`${agreementPath}/medborgarloften/nytt`);
    await expectH1(page, "Nytt medborgarlöfte");
    await page.getByLabel("Vem lovar").selectOption({ label: "Kommunen lovar" });
    await page.getByLabel("Löftet").fill(promiseText);
    await page.getByLabel(actionTitle).check();
    await page.getByRole("button", { name: "Spara som utkast" }).click();
    await expectH1(page, "Medborgarlöfte");
    await expectAccessible(page);
    const promisePath = new URL(page.url()).pathname;
    await page.getByRole("button", { name: "Publicera" }).click();
    await page.waitForURL((u) => u.search.includes("klart=published"));

    // The public sees the promise and its progress (nothing done yet).
    await noScript.page.goto("/kommun/koping");
    await expectH1(noScript.page, "Medborgarlöften i Köping");
    const kommunen = noScript.page.getByRole("region", { name: "Kommunen lovar" });
    const current = kommunen.getByRole("listitem").filter({ hasText: promiseText });
    expect(await textOf(current)).toContain("0 av 1 åtgärder genomförda.");
    await expectAccessibleWithoutScripts(noScript.page, visitor.page);

    // The owner follows the action up: done.
    await page.goto(actionPath);
    await page.getByLabel("Typ av uppföljning").selectOption({ label: "Produktion" });
    await page.getByLabel("Status", { exact: true }).first().selectOption({ label: "Genomförd" });
    await page.getByLabel("Anteckning").fill("Tio armaturer och två kameror uppsatta");
    await page.getByRole("button", { name: "Spara uppföljningen" }).click();
    await expectH1(page, actionTitle);
    expect(await textOf(page.getByRole("table", { name: `Uppföljningar av ${actionTitle}` }))).toContain("Genomförd");
    await expectAccessible(page);

    // The public page follows the action at once.
    await noScript.page.goto("/kommun/koping");
    const progressed = noScript.page
      .getByRole("region", { name: "Kommunen lovar" })
      .getByRole("listitem")
      .filter({ hasText: promiseText });
    expect(await textOf(progressed)).toContain("1 av 1 åtgärder genomförda.");

    // Close the promise: the verdict is proposed from the action's status.
    await page.goto(promisePath);
    await page.getByRole("link", { name: "Avsluta och utvärdera" }).click();
    await expectH1(page, "Avsluta och utvärdera medborgarlöftet");
    expect(await page.getByLabel("Ja, vi gjorde det vi lovade").isChecked()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel("Berätta vad ni gjorde").fill(evaluation);
    await page.getByLabel("Berätta vilken effekt det fick").fill("Ingen skadegörelse anmäld sedan dess.");
    await page.getByRole("button", { name: "Avsluta löftet" }).click();
    await page.waitForURL((u) => u.search.includes("klart=closed"));
    await expectAccessible(page);

    // "Så här gick det" on the public page, for anyone, without JavaScript.
    await noScript.page.goto("/kommun/koping");
    const outcome = noScript.page.getByRole("region", { name: "Så här gick det" });
    const item = outcome.getByRole("article").filter({ hasText: promiseText });
    const shown = await textOf(item);
    expect(shown).toContain("Ja, vi gjorde det vi lovade");
    expect(shown).toContain(evaluation);
    expect(shown).toContain("Ingen skadegörelse anmäld sedan dess.");
    await expectAccessibleWithoutScripts(noScript.page, visitor.page);

    // The cycle's annual follow-up counts the action as done.
    await page.goto(`${cyclePath}/uppfoljning`);
    expect(await textOf(page.getByTestId("total-done"))).toBe("1");
    await expectAccessible(page);

    // The whole Att göra list, one link away from the start page.
    await page.goto("/att-gora");
    await expectH1(page, "Att göra");
    await expectAccessible(page);
  });
});
