/**
 * Builds test documents at test time (PDF with pdfkit, DOCX with docx, zip bombs by hand), so no
 * binary fixtures are committed. Used by the unit tests and the bench.
 */
import { deflateRawSync } from "node:zlib";

export interface SampleSection {
  heading?: string;
  paragraphs?: string[];
  bullets?: string[];
  table?: string[][];
}

export async function makePdf(sections: SampleSection[], options: { repeatPages?: number } = {}): Promise<Uint8Array> {
  const PDFDocument = (await import("pdfkit")).default;
  const doc = new PDFDocument({ size: "A4", margin: 56, compress: true, info: { Title: "test" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const pages = options.repeatPages ?? 1;
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    doc.font("Helvetica").fontSize(9).text("Samverkansöverenskommelse", { align: "right" });
    for (const s of sections) {
      if (s.heading) doc.moveDown(0.5).font("Helvetica-Bold").fontSize(16).text(s.heading).moveDown(0.3);
      doc.font("Helvetica").fontSize(11);
      for (const para of s.paragraphs ?? []) doc.text(para).moveDown(0.5);
      for (const b of s.bullets ?? []) doc.text(`- ${b}`);
      if (s.table) {
        doc.moveDown(0.5);
        for (const row of s.table) {
          const y = doc.y;
          row.forEach((cell, i) => doc.text(cell, 56 + i * 125, y, { width: 110, lineBreak: false }));
          doc.x = 56;
          doc.y = y + 16;
        }
        doc.moveDown(0.5);
      }
    }
    doc.fontSize(9).text(String(p + 1), 56, 780, { align: "center", lineBreak: false });
    doc.x = 56;
    doc.y = 56;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

export async function makeDocx(sections: SampleSection[]): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await import("docx");
  const children: Array<InstanceType<typeof Paragraph> | InstanceType<typeof Table>> = [];
  for (const s of sections) {
    if (s.heading) children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    for (const p of s.paragraphs ?? []) children.push(new Paragraph({ children: [new TextRun(p)] }));
    for (const b of s.bullets ?? []) children.push(new Paragraph({ text: b, bullet: { level: 0 } }));
    if (s.table)
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: s.table.map(
            (row) =>
              new TableRow({
                children: row.map(
                  (cell) => new TableCell({ children: cell.split("\n").map((line) => new Paragraph({ text: line })) }),
                ),
              }),
          ),
        }),
      );
  }
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A zip whose single entry claims (or really has) a huge uncompressed size. */
export function makeZipBomb(
  options: { entryName?: string; realSize?: number; declaredSize?: number } = {},
): Uint8Array {
  const name = Buffer.from(options.entryName ?? "word/document.xml");
  const realSize = options.realSize ?? 50 * 1024 * 1024;
  const data = deflateRawSync(Buffer.alloc(realSize, 0x41), { level: 9 });
  const declared = options.declaredSize ?? realSize;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

/** A sample agreement in the shape real ones have, for format round trips. */
export const sampleAgreement: SampleSection[] = [
  { heading: "Samverkansöverenskommelse mellan Mora, Orsa och Älvdalens kommuner och lokalpolisområde Mora" },
  {
    heading: "Parter",
    paragraphs: ["Mora, Orsa och Älvdalens kommuner och lokalpolisområde Mora i polisregion Bergslagen."],
  },
  {
    heading: "Giltighetstid",
    paragraphs: [
      "Överenskommelsen gäller från den 1 mars 2023 till 28 februari 2027 och kan sägas upp av båda parter.",
    ],
  },
  {
    heading: "Prioriterade områden",
    paragraphs: ["Följande områden är prioriterade:"],
    bullets: ["Narkotika", "Trafiksäkerhet"],
  },
  {
    heading: "Handlingsplan",
    table: [
      ["Orsak", "Åtgärd", "Ansvarig", "Uppföljning"],
      ["Langning till unga", "Riktade kontroller", "Polisen", "Antal kontroller"],
    ],
  },
  { heading: "Underskrifter", paragraphs: ["Mora 2023-02-20"] },
];
