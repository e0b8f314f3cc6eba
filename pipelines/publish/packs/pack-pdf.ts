/**
 * pack.pdf: the pack's HTML printed to A4 by headless Chromium (the Debian package, driven by
 * playwright-core; never a downloaded browser), with the plan title and date in the header and "Page n of
 * m" in the footer. The print stylesheet keeps charts and short tables whole. Without Chromium the rest of
 * the pack is still written and the caller is told how to get the PDF.
 */
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { escapeHtml } from "../site/html.ts";

export const CHROMIUM_PATH = process.env.NTG_CHROMIUM || "/usr/bin/chromium";

export const NO_CHROMIUM_HINT = `no Chromium at ${CHROMIUM_PATH}, so pack.pdf was not written; install it (apt-get install chromium, or set NTG_CHROMIUM to its path) and run the command again`;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type PdfResult = { written: true; pages: number } | { written: false; reason: string };

/** Pages of a PDF (the page objects; Chromium writes them uncompressed). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export async function renderPackPdf(
  htmlFile: string,
  pdfFile: string,
  heading: { title: string; date: string },
): Promise<PdfResult> {
  if (!existsSync(CHROMIUM_PATH)) return { written: false, reason: NO_CHROMIUM_HINT };
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Nothing in the pack loads from the network; refuse anything that tries.
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load" });
    const style = "font: 8px 'DejaVu Sans', Arial, sans-serif; color: #333; width: 100%; margin: 0 12mm;";
    await page.pdf({
      path: pdfFile,
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${style} display: flex; justify-content: space-between;"><span>${escapeHtml(heading.title)}</span><span>${escapeHtml(heading.date)}</span></div>`,
      footerTemplate: `<div style="${style} text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: "18mm", bottom: "16mm", left: "12mm", right: "12mm" },
    });
  } finally {
    await browser.close();
  }
  return { written: true, pages: pdfPageCount(readFileSync(pdfFile)) };
}
