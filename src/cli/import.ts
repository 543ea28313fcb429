/**
 * `samverkan import FILE [--json]`: prints the import draft as one JSON object (--json) or a short
 * summary. Errors go to stderr as one line and a non-zero exit code, never a stack trace.
 */
import { readFile, stat } from "node:fs/promises";
import type { ImportDraft } from "../importers/types.ts";

const usage = "usage: samverkan import FILE [--json] [--max-mb N] [--no-ocr-repair]";

export async function run(argv: string[]): Promise<number> {
  let json = false;
  let ocrRepair = true;
  let maxMb: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--no-ocr-repair") ocrRepair = false;
    else if (arg === "--max-mb") maxMb = Number(argv[++i]);
    else if (arg === "-h" || arg === "--help") {
      process.stdout.write(`${usage}\n`);
      return 0;
    } else if (arg.startsWith("--")) {
      process.stderr.write(`samverkan import: unknown option ${arg}\n${usage}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length !== 1 || (maxMb !== undefined && !(maxMb > 0))) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const file = files[0]!;
  const { importDocument, ImportError, defaultImportLimits } = await import("../importers/index.ts");
  const maxBytes = maxMb !== undefined ? Math.round(maxMb * 1_048_576) : defaultImportLimits.maxBytes;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${file} is not a file`);
    // Refuse before reading, so a huge file costs no memory.
    if (info.size > maxBytes)
      throw new CliError(
        `${file}: the file is ${(info.size / 1_048_576).toFixed(1)} MB; the limit is ${(maxBytes / 1_048_576).toFixed(0)} MB`,
      );
    const bytes = new Uint8Array(await readFile(file));
    const draft = await importDocument({ bytes, filename: file }, { maxBytes, ocrRepair });
    process.stdout.write(json ? `${JSON.stringify(draft)}\n` : summary(draft));
    return 0;
  } catch (error) {
    process.stderr.write(`samverkan import: ${message(file, error, ImportError)}\n`);
    return 1;
  }
}

class CliError extends Error {}

function message(file: string, error: unknown, importError: abstract new (...args: never[]) => Error): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof importError) return `${file}: ${error.message}`;
  const code = (error as { code?: string })?.code;
  if (code === "ENOENT") return `${file}: no such file`;
  if (code === "EACCES") return `${file}: permission denied`;
  if (code === "EISDIR") return `${file} is a directory`;
  return `${file}: could not be imported (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
}

function summary(d: ImportDraft): string {
  const lines = [
    `${d.title ?? "(no title)"}`,
    `  kind:        ${d.kind} (${d.format})`,
    `  parties:     ${d.parties.map((p) => (p.code ? `${p.name} (${p.code})` : `${p.name} [${p.type}]`)).join(", ") || "-"}`,
    `  validity:    ${d.validity.from ?? "…"} – ${d.validity.untilFurtherNotice ? "tills vidare" : (d.validity.to ?? "…")}${d.validity.terminable ? ", terminable" : ""}${d.validity.revision ? `, revised ${d.validity.revision}` : ""}`,
    `  signatories: ${d.signatories.map((s) => `${s.name} (${s.title})`).join(", ") || "-"}`,
    `  signed:      ${d.signed ? `${d.signed.place ?? "?"} ${d.signed.date ?? "(no date)"}` : "-"}`,
    `  focus areas: ${d.focusAreas.length}${d.focusAreas.length ? `: ${d.focusAreas.map((f) => f.title).join("; ")}` : ""}`,
    `  actions:     ${d.actions.length}`,
    `  promises:    ${d.promises.length}`,
    ...d.warnings.map((w) => `  warning:     ${w.message}`),
  ];
  return `${lines.join("\n")}\n`;
}
