import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  baseUrl,
  expectAccessible,
  expectAccessibleWithoutScripts,
  expectH1,
  hasChromium,
  openBrowser,
  signIn,
  textOf,
  type Browser,
} from "./support.ts";

const KOPING = "Samverkansöverenskommelse Köpings kommun och lokalpolisområde Västra Mälardalen";

describe.skipIf(!hasChromium)("medborgarlöften and the public kommun page", () => {
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

  it("an editor writes, publishes, unpublishes and evaluates a promise; the public sees exactly what is published", async () => {
    const stamp = Date.now();
    const promiseText = `Vi finns på plats vid resecentrum varje fredagskväll (${stamp}).`;
    const draftText = `Ett hemligt utkast som inte ska synas (${stamp}).`;
    const { page } = editor;
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser");
    await page.getByRole("link", { name: KOPING }).click();
    await expectH1(page, KOPING);
    const agreementPath = new URL(page.url()).pathname;
    await page.goto(`${agreementPath}/medborgarloften`);
    await expectH1(page, "Medborgarlöften");
    await expectAccessible(page);

    // A new promise: the period comes prefilled; a period ending before it starts is refused.
    await page.getByRole("link", { name: "Nytt medborgarlöfte" }).click();
    await expectH1(page, "Nytt medborgarlöfte");
    expect(await page.getByLabel("Perioden börjar").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByLabel("Perioden slutar").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectAccessible(page);
    await page.getByLabel("Vem lovar").selectOption({ label: "Polisen lovar" });
    await page.getByLabel("Löftet").fill(promiseText);
    await page.getByLabel("Perioden börjar").fill("2026-06-01");
    await page.getByLabel("Perioden slutar").fill("2026-05-01");
    await page.getByRole("button", { name: "Spara som utkast" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Perioden kan inte sluta innan den börjar.");
    await expectAccessible(page);
    await page.getByLabel("Perioden börjar").fill("2026-01-01");
    await page.getByLabel("Perioden slutar").fill("2026-12-31");
    await page.getByRole("button", { name: "Spara som utkast" }).click();
    await expectH1(page, "Medborgarlöfte");
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    const promisePath = new URL(page.url()).pathname;
    await expectAccessible(page);

    // Publish it.
    await page.getByRole("button", { name: "Publicera" }).click();
    await page.waitForURL((u) => u.search.includes("klart=published"));
    expect(await textOf(page.getByRole("status"))).toBe("Löftet är publicerat.");

    // A second promise stays a draft.
    await page.goto(`${agreementPath}/medborgarloften/nytt`);
    await page.getByLabel("Vem lovar").selectOption({ label: "Kommunen lovar" });
    await page.getByLabel("Löftet").fill(draftText);
    await page.getByRole("button", { name: "Spara som utkast" }).click();
    await expectH1(page, "Medborgarlöfte");

    // The public page, without a cookie: the published text, not the draft.
    const res = await fetch(`${baseUrl()}/kommun/koping`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(promiseText);
    expect(html).not.toContain(draftText);

    // An anonymous visitor without JavaScript, and one with it (axe on both).
    await noScript.page.goto("/kommun/koping");
    await expectH1(noScript.page, "Medborgarlöften i Köping");
    const police = noScript.page.getByRole("region", { name: "Polisen lovar" });
    expect(await textOf(police)).toContain(promiseText);
    expect(await noScript.page.content()).not.toContain(draftText);
    await expectAccessibleWithoutScripts(noScript.page, visitor.page);
    await visitor.page.goto("/kommun/koping");
    await expectH1(visitor.page, "Medborgarlöften i Köping");
    await expectAccessible(visitor.page);
    // English through the site's language switch.
    await visitor.page.getByRole("button", { name: "In English" }).click();
    await expectH1(visitor.page, "Medborgarlöften in Köping");
    expect(await textOf(visitor.page.getByRole("heading", { name: "The police promise" }))).toBe("The police promise");
    await expectAccessible(visitor.page);

    // The kommun list links to the page.
    await noScript.page.goto("/kommun");
    await expectH1(noScript.page, "Medborgarlöften");
    expect(await noScript.page.getByRole("link", { name: "Köping" }).getAttribute("href")).toBe("/kommun/koping");
    await expectAccessibleWithoutScripts(noScript.page, visitor.page);

    // The preview shows the draft, clearly marked.
    await page.goto(`${agreementPath}/medborgarloften`);
    await page.getByRole("link", { name: "Förhandsvisa den publika sidan" }).click();
    await expectH1(page, "Medborgarlöften i Köping");
    expect(await textOf(page.getByRole("note"))).toBe("Förhandsvisning – utkast syns inte för allmänheten");
    expect(await textOf(page.getByRole("listitem").filter({ hasText: draftText }))).toContain(
      "Utkast – Syns inte för allmänheten",
    );
    await expectAccessible(page);

    // Unpublish from the list: gone from the public page at once.
    await page.goto(`${agreementPath}/medborgarloften`);
    const row = page.getByRole("row").filter({ hasText: promiseText });
    await row.getByRole("button", { name: /^Ta bort från den publika sidan/ }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Löftet är borttaget från den publika sidan.");
    await expectAccessible(page);
    await noScript.page.goto("/kommun/koping");
    await expectH1(noScript.page, "Medborgarlöften i Köping");
    expect(await noScript.page.content()).not.toContain(promiseText);

    // Publish again, then close with the evaluation.
    await page.goto(promisePath);
    await page.getByRole("button", { name: "Publicera" }).click();
    await page.waitForURL((u) => u.search.includes("klart=published"));
    await page.getByRole("link", { name: "Avsluta och utvärdera" }).click();
    await expectH1(page, "Avsluta och utvärdera medborgarlöftet");
    expect(await textOf(page.getByRole("group", { name: "Gjorde vi det vi lovade?" }))).toContain(
      "Inga åtgärder är kopplade",
    );
    await expectAccessible(page);
    await page.getByRole("button", { name: "Avsluta löftet" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Välj om ni gjorde det ni lovade.");
    await expectAccessible(page);
    await page.getByLabel("Delvis").check();
    await page.getByLabel("Berätta vad ni gjorde").fill("Vi var på plats 30 av 40 fredagar.");
    await page.getByLabel("Berätta vilken effekt det fick").fill("Färre anmälda bråk vid resecentrum.");
    await page.getByRole("button", { name: "Avsluta löftet" }).click();
    await page.waitForURL((u) => u.search.includes("klart=closed"));
    expect(await textOf(page.getByRole("status"))).toBe("Löftet är avslutat och utvärderat.");
    await expectAccessible(page);

    // "Så här gick det" on the public page.
    await noScript.page.goto("/kommun/koping");
    const outcome = noScript.page.getByRole("region", { name: "Så här gick det" });
    const item = outcome.getByRole("article").filter({ hasText: promiseText });
    const shown = await textOf(item);
    expect(shown).toContain("Delvis");
    expect(shown).toContain("Vi var på plats 30 av 40 fredagar.");
    expect(shown).toContain("Färre anmälda bråk vid resecentrum.");
    await expectAccessibleWithoutScripts(noScript.page, visitor.page);
  });

  it("publishing without text is refused naming the field; a published promise cannot lose its text", async () => {
    const stamp = Date.now();
    const { page } = editor;
    await signIn(page, "samordnare@samverkan.test");
    await page.goto("/overenskommelser");
    await page.getByRole("link", { name: KOPING }).click();
    await expectH1(page, KOPING);
    const agreementPath = new URL(page.url()).pathname;

    // A draft without text (allowed while a draft).
    await page.goto(`${agreementPath}/medborgarloften/nytt`);
    await expectH1(page, "Nytt medborgarlöfte");
    await page.getByLabel("Vem lovar").selectOption({ label: "Kommunen lovar" });
    await page.getByRole("button", { name: "Spara som utkast" }).click();
    await expectH1(page, "Medborgarlöfte");
    const promisePath = new URL(page.url()).pathname;

    // Publishing it is refused: the error summary names the field and links to it; nothing is published.
    await page.getByRole("button", { name: "Publicera" }).click();
    const summary = page.getByRole("alert");
    expect(await textOf(summary)).toContain("Skriv löftet innan du publicerar det.");
    const link = summary.getByRole("link", { name: "Skriv löftet innan du publicerar det." });
    const textField = page.getByLabel("Löftet");
    expect(await link.getAttribute("href")).toBe(`#${await textField.getAttribute("id")}`);
    expect(await textField.getAttribute("aria-invalid")).toBe("true");
    expect(await textOf(page.getByText("Löftet är ett utkast och syns inte för allmänheten."))).toBeTruthy();
    await expectAccessible(page);
    await page.goto(promisePath);
    expect(await textOf(page.getByText("Löftet är ett utkast och syns inte för allmänheten."))).toBeTruthy();
    expect(await page.getByRole("button", { name: "Ta bort från den publika sidan" }).count()).toBe(0);

    // With text it publishes; emptying the text of the published promise is refused the same way.
    const promiseText = `Kommunen tänder belysningen i Strandparken (${stamp}).`;
    await page.getByLabel("Löftet").fill(promiseText);
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    expect(await textOf(page.getByRole("status"))).toBe("Ändringarna är sparade.");
    await page.getByRole("button", { name: "Publicera" }).click();
    await page.waitForURL((u) => u.search.includes("klart=published"));
    await page.getByLabel("Löftet").fill("");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    const refused = page.getByRole("alert");
    expect(await textOf(refused)).toContain("Ett publicerat löfte måste ha en text.");
    expect(await page.getByLabel("Löftet").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    const html = await (await fetch(`${baseUrl()}/kommun/koping`)).text();
    expect(html).toContain(promiseText);

    // Clean up: off the public page again.
    await page.goto(promisePath);
    await page.getByRole("button", { name: "Ta bort från den publika sidan" }).click();
    await page.waitForURL((u) => u.search.includes("klart=unpublished"));
    expect(await (await fetch(`${baseUrl()}/kommun/koping`)).text()).not.toContain(promiseText);
  });

  it("an unknown kommun is a 404; a kommun with nothing published says so kindly", async () => {
    const { page } = visitor;
    const missing = await page.goto("/kommun/atlantis");
    expect(missing?.status()).toBe(404);
    await expectH1(page, "Sidan finns inte");
    await expectAccessible(page);
    const empty = await page.goto("/kommun/kiruna");
    expect(empty?.status()).toBe(200);
    await expectH1(page, "Medborgarlöften i Kiruna");
    expect(await textOf(page.getByText("Det finns inga publicerade medborgarlöften ännu."))).toBeTruthy();
    await expectAccessible(page);
  });
});
