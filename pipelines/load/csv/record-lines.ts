/**
 * Where each CSV record starts. DuckDB's CSV reader reports rejected rows by its own line count (records
 * separated by unquoted newlines, blank lines included) and numbers accepted rows by position, so to give
 * every row its physical line in the file we scan the bytes once: quote-aware, so a quoted field that spans
 * lines is one record; blank lines are skipped as DuckDB skips them.
 *
 * The result is kept compact: accepted rows map to physical lines through a few "segments" (start index,
 * offset) where line = index + offset, because in a normal file every row follows the one before it.
 */
import { closeSync, openSync, readSync } from "node:fs";

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Growable Int32 list without per-element objects. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const larger = new Int32Array(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.length++] = value;
  }
  get(index: number): number {
    return this.data[index]!;
  }
}

export interface RecordLines {
  /** Number of non-blank records, header included. */
  count: number;
  /** DuckDB's line number of record i (1-based; counts unquoted newlines, blank lines included). */
  readerLine(index: number): number;
  /** Physical 1-based line where record i starts. */
  physicalLine(index: number): number;
}

/** Scans `file` and returns the start line of every non-blank record (record 0 is the header). */
export function scanRecordLines(file: string, quote = 0x22): RecordLines {
  const readerLines = new IntList();
  const physicalLines = new IntList();
  const descriptor = openSync(file, "r");
  const buffer = Buffer.allocUnsafe(1 << 22);
  let inQuotes = false;
  let atRecordStart = true;
  let readerLine = 1;
  let physicalLine = 1;
  try {
    for (;;) {
      const size = readSync(descriptor, buffer, 0, buffer.length, null);
      if (size === 0) break;
      for (let i = 0; i < size; i++) {
        const byte = buffer[i]!;
        if (atRecordStart) {
          if (byte === NEWLINE) {
            physicalLine++;
            readerLine++;
            continue;
          }
          if (byte === CARRIAGE_RETURN) continue;
          readerLines.push(readerLine);
          physicalLines.push(physicalLine);
          atRecordStart = false;
        }
        if (byte === quote) inQuotes = !inQuotes;
        else if (byte === NEWLINE) {
          physicalLine++;
          if (!inQuotes) {
            readerLine++;
            atRecordStart = true;
          }
        }
      }
    }
  } finally {
    closeSync(descriptor);
  }
  return {
    count: readerLines.length,
    readerLine: (index) => readerLines.get(index),
    physicalLine: (index) => physicalLines.get(index),
  };
}

export interface LineSegment {
  /** 0-based index among accepted data rows where this segment starts. */
  startIndex: number;
  /** line = index + offset within the segment. */
  offset: number;
}

/**
 * Maps accepted data rows (in file order, rejected reader lines removed) to physical lines, as segments.
 * Also returns the physical line of each rejected reader line.
 */
export function acceptedRowSegments(
  records: RecordLines,
  rejectedReaderLines: ReadonlySet<number>,
): { segments: LineSegment[]; physicalLineOfReaderLine: Map<number, number> } {
  const segments: LineSegment[] = [];
  const physicalLineOfReaderLine = new Map<number, number>();
  let accepted = 0;
  let currentOffset = Number.NaN;
  for (let record = 1; record < records.count; record++) {
    const readerLine = records.readerLine(record);
    const physical = records.physicalLine(record);
    if (rejectedReaderLines.has(readerLine)) {
      physicalLineOfReaderLine.set(readerLine, physical);
      continue;
    }
    const offset = physical - accepted;
    if (offset !== currentOffset) {
      segments.push({ startIndex: accepted, offset });
      currentOffset = offset;
    }
    accepted++;
  }
  if (segments.length === 0) segments.push({ startIndex: 0, offset: 2 });
  return { segments, physicalLineOfReaderLine };
}

/**
 * Fast check for the common case: a file with no blank lines and no quoted line breaks has exactly one
 * line per record, so the reader's line numbers are physical lines and no quote-aware scan is needed.
 * Counting newlines uses the native byte search (~1 GB/s).
 */
export function hasOneLinePerRecord(file: string, recordsIncludingHeader: number): boolean {
  const descriptor = openSync(file, "r");
  const buffer = Buffer.allocUnsafe(1 << 24);
  let newlines = 0;
  let lastByte = -1;
  try {
    for (;;) {
      const size = readSync(descriptor, buffer, 0, buffer.length, null);
      if (size === 0) break;
      const view = size === buffer.length ? buffer : buffer.subarray(0, size);
      for (let at = view.indexOf(NEWLINE); at !== -1; at = view.indexOf(NEWLINE, at + 1)) newlines++;
      lastByte = view[size - 1]!;
    }
  } finally {
    closeSync(descriptor);
  }
  const lines = lastByte === NEWLINE ? newlines : newlines + 1;
  return lines === recordsIncludingHeader;
}

/** Segments for a file with one line per record: only rejected lines shift the accepted rows. */
export function segmentsSkippingLines(rejectedLines: readonly number[]): LineSegment[] {
  const sorted = [...new Set(rejectedLines)].sort((a, b) => a - b);
  const segments: LineSegment[] = [{ startIndex: 0, offset: 2 }];
  sorted.forEach((line, count) => {
    // Accepted row k sits on line k + 2 + (rejected lines before it); after the (count+1)-th rejected line
    // the offset grows by one, from the accepted row that was on that line.
    const startIndex = line - 2 - count;
    const last = segments[segments.length - 1]!;
    if (last.startIndex === startIndex) last.offset = count + 3;
    else segments.push({ startIndex, offset: count + 3 });
  });
  return segments;
}
