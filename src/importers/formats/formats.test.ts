import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { importDocument } from "../index.ts";
import { makeDocx, makePdf, makeZipBomb, sampleAgreement } from "../testing/generate.ts";
import { ImportDraftSchema, ImportError } from "../types.ts";
import { detectFormat } from "./detect.ts";
import { checkZipSizes } from "./zip.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

async function expectImportError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  if (message) expect((error as ImportError).message).toMatch(message);
}

function expectSampleAgreement(d: Awaited<ReturnType<typeof importDocument>>) {
  expect(ImportDraftSchema.parse(d)).toBeTruthy();
  expect(d.kind).toBe("agreement");
  expect(
    d.parties
      .filter((p) => p.type === "kommun")
      .map((p) => p.code)
      .sort(),
  ).toEqual(["2034", "2039", "2062"]);
  expect(d.parties).toContainEqual({ type: "lpo", name: "Mora" });
  expect(d.validity).toMatchObject({ from: "2023-03-01", to: "2027-02-28", terminable: true });
  expect(d.focusAreas.map((f) => f.title)).toEqual(["Narkotika", "Trafiksäkerhet"]);
  expect(d.signed).toEqual({ place: "Mora", date: "2023-02-20" });
}

describe("format detection", () => {
  it("reads content, not names", () => {
    expect(detectFormat(bytes("%PDF-1.7\n")).format).toBe("pdf");
    expect(detectFormat(bytes("<!DOCTYPE html><html><body><p>x</p></body></html>")).format).toBe("html");
    expect(detectFormat(bytes("# Rubrik\n\nText")).format).toBe("markdown");
    expect(detectFormat(bytes("Bara text.")).format).toBe("text");
    expect(detectFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("Överenskommelse")])).text).toBe("Överenskommelse");
  });

  it("decodes Windows-1252 text", () => {
    expect(detectFormat(new Uint8Array([0xd6, 0x76, 0x65, 0x72])).text).toBe("Över");
  });

  it("names formats it cannot read", () => {
    expect(() => detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toThrow(/\.doc/);
    expect(() => detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toThrow(/image/);
  });
});

describe("formats", () => {
  it("reads a PDF text layer, with headings and a flattened table", async () => {
    const d = await importDocument({ bytes: await makePdf(sampleAgreement) });
    expect(d.format).toBe("pdf");
    expectSampleAgreement(d);
    expect(d.actions).toEqual([
      expect.objectContaining({ cause: "Langning till unga", action: "Riktade kontroller", responsible: ["Polisen"] }),
    ]);
  });

  it("reads a DOCX, with its table as tab-separated rows", async () => {
    const d = await importDocument({ bytes: await makeDocx(sampleAgreement), filename: "wrong-name.pdf" });
    expect(d.format).toBe("docx");
    expectSampleAgreement(d);
    expect(d.actions).toEqual([
      {
        focusArea: "Handlingsplan",
        cause: "Langning till unga",
        action: "Riktade kontroller",
        responsible: ["Polisen"],
        contacts: [],
        followUp: "Antal kontroller",
      },
    ]);
  });

  it("splits DOCX cells with several paragraphs into several actions", async () => {
    const d = await importDocument({
      bytes: await makeDocx([
        {
          table: [
            ["Orsak", "Åtgärd", "Ansvarig"],
            ["Klotter", "Sanera\nInformera skolor", "Kommunen"],
          ],
        },
      ]),
    });
    expect(d.actions.map((a) => a.action)).toEqual(["Sanera", "Informera skolor"]);
  });

  it("reads a saved web page without its chrome", async () => {
    const html = `<!doctype html><html><head><title>x</title><script>var a = "Köpings kommun";</script></head><body>
      <nav><a href="/">Start</a> Visa sökformulär</nav>
      <div class="cookie-banner">Vi använder kakor på webbplatsen</div>
      <main><h1>Samverkansöverenskommelse mellan Västerås stad och Lokalpolisområde Västerås</h1>
      <h2>Tid</h2><p>Överenskommelsen gäller från och med 2019-11-06 till och med 2023-03-01.</p>
      <table><tr><th>Orsak</th><th>Åtgärd</th><th>Ansvarig</th></tr><tr><td>Otrygghet</td><td><p>Belysning</p><p>Trygghetsvandring</p></td><td>Kommunen</td></tr></table>
      <p>Publicerad 2019-11-05 15.19</p></main>
      <footer>Kontakta oss</footer></body></html>`;
    const d = await importDocument({ bytes: bytes(html) });
    expect(d.format).toBe("html");
    expect(d.title).toBe("Samverkansöverenskommelse mellan Västerås stad och Lokalpolisområde Västerås");
    expect(d.validity).toMatchObject({ from: "2019-11-06", to: "2023-03-01" });
    expect(d.text).not.toMatch(/kakor|sökformulär|Publicerad|var a/);
    expect(d.actions.map((a) => a.action)).toEqual(["Belysning", "Trygghetsvandring"]);
  });

  it("gives an unrelated web page kind 'other' with a warning", async () => {
    const d = await importDocument({
      bytes: bytes("<html><body><h1>Vädret i Skara</h1><p>Sol i morgon.</p></body></html>"),
    });
    expect(d.kind).toBe("other");
    expect(d.warnings.map((w) => w.code)).toContain("not_recognised");
  });
});

describe("robustness", () => {
  it("refuses an empty file and random bytes with clear messages", async () => {
    await expectImportError(importDocument({ bytes: new Uint8Array() }), "empty");
    await expectImportError(importDocument({ bytes: new Uint8Array(randomBytes(50_000)) }), "unsupported_format");
  });

  it("refuses a file over the size limit before reading it", async () => {
    await expectImportError(importDocument({ bytes: new Uint8Array(50 * 1024 * 1024) }), "too_large", /limit is 25 MB/);
    await expectImportError(importDocument({ bytes: bytes("x".repeat(2000)) }, { maxBytes: 1000 }), "too_large");
  });

  it("refuses a DOCX zip bomb before inflating it, also when the directory lies", async () => {
    expect(checkZipSizes(makeZipBomb(), 100 * 1024 * 1024).ok).toBe(false);
    await expectImportError(importDocument({ bytes: makeZipBomb() }), "zip_bomb");
    await expectImportError(
      importDocument({ bytes: makeZipBomb({ realSize: 5_000_000, declaredSize: 1000 }) }),
      "zip_bomb",
    );
    await expectImportError(
      importDocument({ bytes: makeZipBomb({ realSize: 2_000_000 }) }, { maxUncompressedBytes: 1_000_000 }),
      "zip_bomb",
    );
  });

  it("says when a PDF has no text layer", async () => {
    const PDFDocument = (await import("pdfkit")).default;
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on("end", resolve));
    doc.rect(50, 50, 200, 200).fill("#333");
    doc.end();
    await done;
    await expectImportError(
      importDocument({ bytes: new Uint8Array(Buffer.concat(chunks)) }),
      "no_text_layer",
      /no text layer/,
    );
  });

  it("handles malformed and truncated PDFs without crashing", async () => {
    const good = await makePdf(sampleAgreement);
    for (const broken of [
      bytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
      good.slice(0, Math.floor(good.length / 2)),
      bytes(
        "%PDF-1.4\n" +
          "1 0 obj << /Kids [1 0 R] /Type /Pages /Count 1 >> endobj\n".repeat(50) +
          "trailer << /Root 1 0 R >>",
      ),
    ]) {
      const outcome = await importDocument({ bytes: broken }, { pdfTimeoutMs: 5000 }).then(
        (d) => d.kind,
        (e: unknown) => (e instanceof ImportError ? e.code : "crash"),
      );
      expect(outcome).not.toBe("crash");
    }
  });

  it("caps the pages it reads", async () => {
    const pdf = await makePdf([{ heading: "Samverkansöverenskommelse", paragraphs: ["Text."] }], { repeatPages: 5 });
    const d = await importDocument({ bytes: pdf }, { maxPages: 2 });
    expect(d.warnings.map((w) => w.code)).toContain("pages_truncated");
  });

  it("strips running headers and page numbers from a multi-page PDF", async () => {
    const pdf = await makePdf(
      [{ heading: "Samverkansöverenskommelse för Skara kommun", paragraphs: ["Överenskommelsen gäller 2020–2023."] }],
      {
        repeatPages: 4,
      },
    );
    const d = await importDocument({ bytes: pdf });
    expect(d.text).not.toMatch(/^\d+$/m);
    expect(d.validity).toMatchObject({ from: "2020-01-01", to: "2023-12-31" });
  });
});
