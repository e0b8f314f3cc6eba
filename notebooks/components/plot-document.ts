/**
 * Runs Observable Plot in Node: Plot needs a DOM `document`, which linkedom provides (about ten times faster
 * than jsdom). Each call gets a fresh document so charts never share state. Titles, captions and legends are
 * not passed to Plot (they would turn its output into an HTML `<figure>`, and colour ramps need a canvas):
 * `composeChart` draws them as SVG instead.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** The base font size (px) of every chart; Plot's default of 10px is too small to read comfortably. */
export const CHART_FONT_SIZE = 12;

/** A fresh DOM document for Plot to build its SVG in. */
export function createPlotDocument(): Document {
  return parseHTML("<!DOCTYPE html><html><head></head><body></body></html>").document as unknown as Document;
}

/** Warnings Plot printed while rendering, most recent chart last (tests assert there are none). */
export const plotWarnings: string[] = [];

/**
 * Renders a Plot specification to its `<svg>` element (never a `<figure>`: no title, caption or legend).
 * Plot reports problems (e.g. ticks outside the domain) with console.warn and a "⚠" drawn in the corner
 * of the chart; the warnings are collected in `plotWarnings` and the "⚠" is removed from published output.
 */
export function renderPlot(
  options: Omit<Plot.PlotOptions, "document" | "title" | "subtitle" | "caption">,
): Element {
  const originalWarn = console.warn;
  const warnings: string[] = [];
  console.warn = (...parts: unknown[]) => {
    warnings.push(parts.map(String).join(" "));
  };
  let element: Element;
  try {
    element = Plot.plot({
      ...options,
      document: createPlotDocument(),
      style: {
        fontSize: `${CHART_FONT_SIZE}px`,
        ...(typeof options.style === "object" ? options.style : {}),
      },
    });
  } finally {
    console.warn = originalWarn;
  }
  if (element.tagName.toLowerCase() !== "svg") {
    throw new Error(
      `renderPlot: Plot returned <${element.tagName}>, expected <svg>; do not ask it for a legend`,
    );
  }
  if (warnings.length > 0) {
    plotWarnings.push(...warnings);
    for (const warning of warnings) originalWarn(`Plot: ${warning}`);
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeName.toLowerCase() === "text" && child.textContent?.startsWith("\u26a0")) child.remove();
    }
  }
  return element;
}
