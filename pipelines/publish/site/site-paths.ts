/**
 * Paths inside the built site. Pages link to each other and to assets with relative URLs only, so the site
 * works from `file://` and from any folder on any web server. A page path is always a site-relative POSIX
 * path such as `areas/wcc-l01.html`; values from data that end up in a path are slugged first, so no area
 * or indicator name can climb out of the site (`..`) or add a folder.
 */
import path from "node:path";
import { BuildError } from "../../../models/errors.ts";

/** "WCC-L01" → "wcc-l01"; "St John's & Abbey" → "st-john-s-abbey". Never empty, never contains "/" or "..". */
export function slugify(value: unknown): string {
  const slug = String(value ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "none" : slug;
}

/** Checks a page path from front matter: relative, `.html`, no `..`, only safe characters. */
export function checkPagePath(pagePath: string, file: string): string {
  const normalised = path.posix.normalize(pagePath);
  const safe =
    /^[a-z0-9][a-z0-9._/-]*\.html$/i.test(normalised) &&
    !normalised.split("/").some((segment) => segment === ".." || segment === "." || segment === "");
  if (!safe || normalised.startsWith("/")) {
    throw new BuildError(
      `${file}: page path "${pagePath}" is not a relative .html path inside the site`,
      `Use letters, digits, "-", "_" and "/" only, e.g. path: areas/$${"{"}area.code}.html`,
    );
  }
  return normalised;
}

/** The relative URL from page `from` to site path `to` (both site-relative), e.g. ("areas/a.html", "index.html") → "../index.html". */
export function relativeUrl(from: string, to: string): string {
  const [target, fragment] = splitFragment(to);
  const relative = path.posix.relative(path.posix.dirname(from), target);
  return `${relative === "" ? path.posix.basename(target) : relative}${fragment}`;
}

/** "../" repeated once per folder level of the page: the prefix that reaches the site root. */
export function rootPrefix(pagePath: string): string {
  const depth = pagePath.split("/").length - 1;
  return "../".repeat(depth);
}

function splitFragment(url: string): [string, string] {
  const index = url.search(/[?#]/);
  return index === -1 ? [url, ""] : [url.slice(0, index), url.slice(index)];
}

/**
 * Rewrites a link written by an analyst: a site-root path ("/methods.html#trend") becomes relative to the
 * page; other relative links, fragments, http(s) and mailto links stay; anything else (javascript:, data:)
 * is refused.
 */
export function resolveLink(href: string, pagePath: string): string {
  const trimmed = href.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return relativeUrl(pagePath, trimmed.slice(1));
  if (/^(https?:|mailto:)/i.test(trimmed) || trimmed.startsWith("#")) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) {
    throw new BuildError(
      `link "${href}" uses a scheme pages may not use`,
      "Use a relative, http(s) or mailto link.",
    );
  }
  return trimmed;
}
