/**
 * Readers the pack tests use to open what a pack wrote, independently of the writers: a ZIP reader
 * (central directory, deflate, CRC check), an XLSX sheet reader (inline strings and numbers), and an RFC
 * 4180 CSV parser.
 */
import { inflateRawSync } from "node:zlib";
import { crc32 } from "../../../pipelines/util/zip-archive.ts";

/** Every file of a ZIP archive by name; throws when a CRC does not match. */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central header at ${offset}`);
    const method = archive.readUInt16LE(offset + 10);
    const crc = archive.readUInt32LE(offset + 16);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const local = archive.readUInt32LE(offset + 42);
    const name = archive.toString("utf8", offset + 46, offset + 46 + nameLength);
    const localNameLength = archive.readUInt16LE(local + 26);
    const localExtraLength = archive.readUInt16LE(local + 28);
    const start = local + 30 + localNameLength + localExtraLength;
    const raw = archive.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch for ${name}`);
    files.set(name, data);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function unescapeXml(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)![0];
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** Sheets of an XLSX workbook by name: rows of cells (numbers, strings, or null when empty). */
export function readXlsx(workbook: Buffer): Map<string, (string | number | null)[][]> {
  const files = readZip(workbook);
  const names = [
    ...files
      .get("xl/workbook.xml")!
      .toString("utf8")
      .matchAll(/<sheet name="([^"]*)"/g),
  ].map((m) => unescapeXml(m[1]!));
  const sheets = new Map<string, (string | number | null)[][]>();
  names.forEach((name, index) => {
    const xml = files.get(`xl/worksheets/sheet${index + 1}.xml`)!.toString("utf8");
    const rows: (string | number | null)[][] = [];
    for (const row of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
      const cells: (string | number | null)[] = [];
      for (const cell of row[2]!.matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
        const inner = cell[2] ?? "";
        const text = /<t[^>]*>(.*?)<\/t>/s.exec(inner);
        const value = /<v>(.*?)<\/v>/.exec(inner);
        cells[columnIndex(cell[1]!)] = text ? unescapeXml(text[1]!) : value ? Number(value[1]) : null;
      }
      rows[Number(row[1]) - 1] = Array.from(cells, (cell) => cell ?? null);
    }
    sheets.set(name, rows);
  });
  return sheets;
}

/** RFC 4180 CSV into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(cell);
      cell = "";
    } else if (character === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (character !== "\r") cell += character;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
