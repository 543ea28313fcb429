/**
 * A readable reference page rendered on the server from the OpenAPI document: plain HTML, no
 * JavaScript, so it is accessible and works everywhere.
 */
interface OpenApiDoc {
  info: { title: string; description?: string };
  paths: Record<
    string,
    Record<string, { summary?: string; tags?: string[]; security?: unknown[]; requestBody?: unknown }>
  >;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function apiDocsPage(doc: OpenApiDoc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? "Other";
      const auth = op.security && op.security.length === 0 ? "public" : "bearer token";
      const rows = byTag.get(tag) ?? [];
      rows.push(
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>/api/v1${esc(path)}</code></td><td>${esc(op.summary ?? "")}</td><td>${auth}</td></tr>`,
      );
      byTag.set(tag, rows);
    }
  }
  const sections = [...byTag.entries()]
    .map(
      ([tag, rows]) =>
        `<section><h2>${esc(tag)}</h2><table><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">What it does</th><th scope="col">Access</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.info.title)} reference</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem;color:#1e2b3c}table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #ccc;padding:.4rem;vertical-align:top}code{font-size:.95em}a{color:#0052a3}</style></head>
<body><main><h1>${esc(doc.info.title)} reference</h1><p>${esc(doc.info.description ?? "")}</p><p>Machine-readable document: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).</p>${sections}</main></body></html>`;
}
