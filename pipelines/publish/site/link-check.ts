/**
 * Checks every internal link and asset reference of the built site before it is swapped in: the file must
 * be part of the build and, when the link has a fragment, the target page must have an element with that
 * id. A broken link fails the build with the page and the link, instead of shipping a 404.
 */
import path from "node:path";
import { BuildError } from "../../../models/errors.ts";

const ENTITY: Record<string, string> = {
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
};

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => ENTITY[entity] ?? entity);
}

export function idsIn(markup: string): Set<string> {
  return new Set([...markup.matchAll(/\sid="([^"]+)"/g)].map((match) => decodeAttribute(match[1]!)));
}

/** Returns "page: link (reason)" for every broken internal link; `files` are all site-relative paths written. */
export function brokenLinks(pages: Map<string, string>, files: Set<string>): string[] {
  const ids = new Map([...pages].map(([page, markup]) => [page, idsIn(markup)]));
  const problems: string[] = [];
  for (const [page, markup] of pages) {
    for (const match of markup.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = decodeAttribute(match[1]!);
      if (/^(https?:|mailto:)/i.test(link)) continue;
      const [target = "", fragment] = link.split("#", 2);
      const file =
        target === ""
          ? page
          : path.posix.normalize(path.posix.join(path.posix.dirname(page), target.split("?")[0]!));
      if (!files.has(file)) {
        problems.push(`${page}: ${link} (no such file in the site)`);
      } else if (fragment && ids.has(file) && !ids.get(file)!.has(decodeURIComponent(fragment))) {
        problems.push(`${page}: ${link} (no element with id "${fragment}")`);
      }
    }
  }
  return problems;
}

export function assertNoBrokenLinks(pages: Map<string, string>, files: Set<string>): void {
  const problems = brokenLinks(pages, files);
  if (problems.length === 0) return;
  throw new BuildError(
    `site: ${problems.length} broken internal link${problems.length === 1 ? "" : "s"}:\n  ${problems.slice(0, 10).join("\n  ")}`,
    "Link pages with site paths such as [Methods](/methods.html) or with pageFor(code) in a cell.",
  );
}
