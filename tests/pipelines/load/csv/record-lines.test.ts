import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  acceptedRowSegments,
  hasOneLinePerRecord,
  scanRecordLines,
  segmentsSkippingLines,
} from "../../../../pipelines/load/csv/record-lines.ts";

const folder = mkdtempSync(path.join(tmpdir(), "ntg-lines-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;
function file(text: string): string {
  const name = path.join(folder, `f${counter++}.csv`);
  writeFileSync(name, text);
  return name;
}

function lineOf(segments: { startIndex: number; offset: number }[], index: number): number {
  let offset = segments[0]!.offset;
  for (const segment of segments) if (index >= segment.startIndex) offset = segment.offset;
  return index + offset;
}

describe("record lines", () => {
  it("finds record starts, skipping blank lines and line breaks inside quotes", () => {
    const records = scanRecordLines(file('h1,h2\r\n\r\na,"x\r\ny"\nb,c\n\n'));
    expect(records.count).toBe(3);
    expect([0, 1, 2].map(records.physicalLine)).toEqual([1, 3, 5]);
    expect([0, 1, 2].map(records.readerLine)).toEqual([1, 3, 4]);
  });

  it("recognises a file with one line per record, with or without a final newline", () => {
    expect(hasOneLinePerRecord(file("h\na\nb\n"), 3)).toBe(true);
    expect(hasOneLinePerRecord(file("h\na\nb"), 3)).toBe(true);
    expect(hasOneLinePerRecord(file("h\na\n\nb"), 3)).toBe(false);
    expect(hasOneLinePerRecord(file('h\n"a\nb"\n'), 2)).toBe(false);
  });

  it("maps accepted rows around rejected lines the same way as the full scan", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        (_seed, rejectedFlags) => {
          const lines = rejectedFlags.map((_, i) => `row${i}`);
          const records = scanRecordLines(file(`header\n${lines.join("\n")}\n`));
          const rejected = rejectedFlags.flatMap((flag, i) => (flag ? [i + 2] : []));
          const expected = acceptedRowSegments(records, new Set(rejected)).segments;
          const fast = segmentsSkippingLines(rejected);
          const acceptedCount = rejectedFlags.filter((flag) => !flag).length;
          for (let index = 0; index < acceptedCount; index++) {
            expect(lineOf(fast, index)).toBe(lineOf(expected, index));
          }
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});
