/**
 * HTML (a saved web page, or mammoth's rendering of a DOCX) to the importer's light markup: "#"
 * headings, "- " list items, tables as tab-separated rows, paragraphs separated by blank lines.
 * Site chrome (navigation, cookie banners, footers) is dropped before the walk.
 */
import { parse, NodeType } from "node-html-parser";
import type { HTMLElement, Node } from "node-html-parser";

const dropTags = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "nav",
  "footer",
  "aside",
  "form",
  "button",
  "iframe",
  "select",
  "img",
  "head",
]);
const blockTags = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "figure",
  "figcaption",
  "address",
  "hr",
  "body",
  "html",
]);
/** class/id/role words that mark page chrome rather than content. */
const chromePattern =
  /(^|[\s_-])(cookie|consent|breadcrumb|navigation|navbar|menu|sidebar|skip|share|social|search|sok|footer|banner|toolbar)([\s_-]|$)/i;

export function htmlToMarkup(html: string): string {
  const root = parse(html, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  const content = pickContent(root);
  const out: string[] = [];
  walk(content, out);
  // Only spaces are trimmed around line breaks: tabs are table cells, and an empty first cell matters.
  return out
    .join("")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\s+$/g, "");
}

/** The page's main content when it marks one (<main>, <article>), else the body. */
function pickContent(root: HTMLElement): HTMLElement {
  const main = root.querySelector("main") ?? root.querySelector("[role=main]");
  if (main && main.text.trim().length > 200) return main;
  const articles = root.querySelectorAll("article");
  const largest = articles.sort((a, b) => b.text.length - a.text.length)[0];
  if (largest && largest.text.trim().length > 200) return largest;
  return root.querySelector("body") ?? root;
}

function isChrome(el: HTMLElement): boolean {
  const marker = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("role") ?? ""}`;
  if (el.getAttribute("aria-hidden") === "true" || el.getAttribute("hidden") !== undefined) return true;
  return marker.trim() !== "" && chromePattern.test(marker);
}

function walk(node: Node, out: string[], depth = 0): void {
  if (depth > 200) return;
  if (node.nodeType === NodeType.TEXT_NODE) {
    out.push(node.text.replace(/\s+/g, " "));
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const el = node as HTMLElement;
  const tag = (el.rawTagName ?? "").toLowerCase();
  if (dropTags.has(tag) || (tag !== "body" && tag !== "main" && tag !== "article" && isChrome(el))) return;
  if (/^h[1-6]$/.test(tag)) {
    const text = inlineText(el);
    if (text) out.push(`\n\n${"#".repeat(Number(tag[1]))} ${text}\n\n`);
    return;
  }
  if (tag === "br") {
    out.push("\n");
    return;
  }
  if (tag === "li") {
    out.push(`\n- `);
    for (const child of el.childNodes) walk(child, out, depth + 1);
    out.push("\n");
    return;
  }
  if (tag === "table") {
    out.push("\n\n");
    for (const row of el.querySelectorAll("tr")) {
      const cells = row.childNodes.filter(
        (c): c is HTMLElement =>
          c.nodeType === NodeType.ELEMENT_NODE && /^t[dh]$/i.test((c as HTMLElement).rawTagName ?? ""),
      );
      out.push(`${cells.map(cellText).join("\t")}\n`);
    }
    out.push("\n");
    return;
  }
  if (tag === "p" && isBoldOnly(el)) {
    const text = inlineText(el);
    if (text) out.push(`\n\n**${text}**\n\n`);
    return;
  }
  const block = blockTags.has(tag) || tag === "p";
  if (block) out.push(tag === "p" ? "\n\n" : "\n");
  for (const child of el.childNodes) walk(child, out, depth + 1);
  if (block) out.push(tag === "p" ? "\n\n" : "\n");
}

/** A cell's paragraphs joined with double spaces, the separator the table rules split actions on. */
function cellText(cell: HTMLElement): string {
  const parts: string[] = [];
  walk(cell, parts);
  return parts
    .join("")
    .split(/\n+/)
    .map((p) => p.replace(/^- /, "").replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("  ");
}

function inlineText(el: HTMLElement): string {
  return el.text.replace(/\s+/g, " ").trim();
}

function isBoldOnly(el: HTMLElement): boolean {
  const text = inlineText(el);
  if (!text || text.length > 120) return false;
  const bold = el
    .querySelectorAll("strong, b")
    .map((b) => b.text)
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return bold === text;
}
