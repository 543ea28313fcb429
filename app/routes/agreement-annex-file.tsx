import type { Route } from "./+types/agreement-annex-file";
import { load, requireSignedIn } from "../lib/http.ts";
import { getAnnexFile } from "../../src/services/agreements/agreements.ts";

/** Streams an uploaded annex. Always as an attachment with nosniff, so an uploaded HTML file never runs here. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  const file = await load(() => getAnnexFile(context.ctx, params.id, params.annexId));
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mediaType || "application/octet-stream",
      "Content-Length": String(file.content.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
