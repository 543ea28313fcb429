import { existsSync } from "node:fs";
import { join } from "node:path";
import { runFoundationBench } from "./foundation.ts";

/** `npm run bench`: every benchmark prints its figures next to a baseline measured in the same run. */
const only = process.argv[2];
if (!only || only === "foundation") {
  console.log("# foundation");
  await runFoundationBench();
}
if ((!only || only === "import") && existsSync(join(import.meta.dirname, "import.ts"))) {
  console.log("\n# importer");
  const { runImportBench } = (await import("./import.ts")) as { runImportBench: () => Promise<void> };
  await runImportBench();
}
if ((!only || only === "public") && existsSync(join(import.meta.dirname, "public.ts"))) {
  console.log("\n# public kommun page");
  const { runPublicPageBench } = (await import("./public.ts")) as { runPublicPageBench: () => Promise<void> };
  await runPublicPageBench();
}
if ((!only || only === "todo") && existsSync(join(import.meta.dirname, "todo.ts"))) {
  console.log('\n# "Att göra" list');
  const { runTodoBench } = (await import("./todo.ts")) as { runTodoBench: () => Promise<void> };
  await runTodoBench();
}
