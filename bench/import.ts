/**
 * Import-engine benchmark: time per seed after warm-up (with and without OCR repair, the baseline),
 * a 1 MB text, a generated 50-page PDF, and memory for a 50 MB input (refused at the size limit) and
 * a 5 MB text (processed). Prints one table; targets: < 100 ms per seed, < 3 s for the PDF.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importDocument } from "../src/importers/index.ts";
import type { ImportOptions } from "../src/importers/index.ts";
import { makePdf } from "../src/importers/testing/generate.ts";

const here = dirname(fileURLToPath(import.meta.url));

interface Row {
  case: string;
  ms: number;
  target: number | null;
  baselineMs?: number;
  note?: string;
}

async function timeIt(bytes: Uint8Array, options: ImportOptions = {}, runs = 1): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await importDocument({ bytes }, options).catch(() => undefined);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function findSeeds(): string[] {
  for (const dir of [join(here, "../../shared/seeds"), join(here, "../shared/seeds")]) {
    if (existsSync(dir))
      return readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => join(dir, f));
  }
  return [];
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

export async function runImportBench(): Promise<void> {
  const rows: Row[] = [];
  const seeds = findSeeds();
  for (const file of seeds) {
    const bytes = new Uint8Array(readFileSync(file));
    await timeIt(bytes, {}, 3);
    const ms = await timeIt(bytes, {}, 15);
    const baselineMs = await timeIt(bytes, { ocrRepair: false }, 15);
    rows.push({ case: `seed ${file.split("/").pop()!.slice(0, 3)}`, ms, target: 100, baselineMs });
  }
  if (seeds.length === 0) rows.push({ case: "seeds", ms: 0, target: null, note: "shared/seeds not found" });

  const paragraph =
    "Överenskommelsen gäller från 2020-01-01 till och med 2023-12-31. Skara kommun och lokalpolisområde Västra Skaraborg samverkar kring lägesbild och åtgärder.\n\n";
  const oneMb = new TextEncoder().encode(paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)));
  rows.push({
    case: `text ${mb(oneMb.length)}`,
    ms: await timeIt(oneMb),
    target: 2000,
    baselineMs: await timeIt(oneMb, { ocrRepair: false }),
  });

  const pdf = await makePdf(
    [
      { heading: "Samverkansöverenskommelse mellan Skara kommun och lokalpolisområde Västra Skaraborg" },
      { heading: "Avtalsperiod", paragraphs: [paragraph.repeat(6)] },
      {
        table: [
          ["Orsak", "Åtgärd", "Ansvarig", "Uppföljning"],
          ["Narkotika", "Kontroller", "Polisen", "Antal"],
        ],
      },
    ],
    { repeatPages: 50 },
  );
  rows.push({ case: `PDF 50 pages (${mb(pdf.length)})`, ms: await timeIt(pdf), target: 3000 });

  const fifty = new Uint8Array(50 * 1024 * 1024).fill(0x61);
  const memory = await measureMemory(() => timeIt(fifty));
  rows.push({ case: "50 MB input (refused: limit 25 MB)", ms: memory.ms, target: 100, note: memory.note });

  const five = new TextEncoder().encode(paragraph.repeat(Math.ceil(5_000_000 / paragraph.length)));
  const fiveMemory = await measureMemory(() => timeIt(five));
  rows.push({ case: `text ${mb(five.length)} (processed)`, ms: fiveMemory.ms, target: null, note: fiveMemory.note });

  printTable(rows);
}

async function measureMemory(run: () => Promise<number>): Promise<{ ms: number; note: string }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  const ms = await run();
  clearInterval(sampler);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  return {
    ms,
    note: `rss peak +${mb(peakRss - before.rss)}, heap Δ ${mb(after.heapUsed - before.heapUsed)}`,
  };
}

function printTable(rows: Row[]): void {
  const lines = [
    ["case", "median ms", "target ms", "vs target", "no-OCR ms", "OCR cost", "note"],
    ...rows.map((r) => [
      r.case,
      r.ms.toFixed(1),
      r.target === null ? "-" : String(r.target),
      r.target === null ? "-" : `${(r.ms / r.target).toFixed(2)}×`,
      r.baselineMs === undefined ? "-" : r.baselineMs.toFixed(1),
      r.baselineMs === undefined ? "-" : `${(r.ms / Math.max(0.01, r.baselineMs)).toFixed(2)}×`,
      r.note ?? "",
    ]),
  ];
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const out = lines.map((l) =>
    l
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd(),
  );
  out.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  process.stdout.write(`import engine\n${out.join("\n")}\n`);
}
