/**
 * The hand-written XLSX writer: a valid ZIP (checked by Python's zipfile, an independent reader, and by
 * inflating every entry here with its CRC-32), well-formed SpreadsheetML with a frozen header row,
 * number formats, inline strings and formula-looking text neutralised.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { columnLetters, XLSX_FORMATS, xlsxWorkbook } from "../../../pipelines/util/xlsx-writer.ts";
import { crc32, zipArchive } from "../../../pipelines/util/zip-archive.ts";

/** Reads a ZIP through its central directory, inflating each entry and checking its CRC-32. */
function unzip(bytes: Buffer): Map<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(offset)).toBe(0x02014b50);
    const crc = bytes.readUInt32LE(offset + 16);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString("utf8");
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = inflateRawSync(bytes.subarray(dataStart, dataStart + compressedSize));
    expect(crc32(data), name).toBe(crc);
    files.set(name, data.toString("utf8"));
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return files;
}

const WORKBOOK = xlsxWorkbook([
  {
    name: "Allocation",
    columns: [
      { header: "code" },
      { header: "amount", numberFormat: XLSX_FORMATS.pounds },
      { header: "share", numberFormat: XLSX_FORMATS.percent },
    ],
    rows: [
      ["E07000219", 400000, 0.5],
      ['=HYPERLINK("http://x")', null, Number.NaN],
      ["A & <B>", 1.5, true],
    ],
  },
  { name: "Notes: [1]", columns: [{ header: "note" }], rows: [["+44 1926"], ["-12.5"]] },
]);

describe("zip archive", () => {
  it("computes CRC-32 as ZIP does and round-trips entries", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    const files = unzip(
      zipArchive([
        { name: "a.txt", data: "hello" },
        { name: "b/c.xml", data: "<x/>" },
      ]),
    );
    expect([...files]).toEqual([
      ["a.txt", "hello"],
      ["b/c.xml", "<x/>"],
    ]);
  });

  it("writes the same bytes for the same content (fixed timestamps)", () => {
    expect(zipArchive([{ name: "a", data: "1" }]).equals(zipArchive([{ name: "a", data: "1" }]))).toBe(true);
  });
});

describe("xlsx workbook", () => {
  it("holds the parts of a workbook with a frozen header, number formats and neutralised text", () => {
    const files = unzip(WORKBOOK);
    expect([...files.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    const sheet = files.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<c r="B2" s="2"><v>400000</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">\'=HYPERLINK(&quot;http://x&quot;)</t>');
    expect(sheet).toContain("A &amp; &lt;B&gt;");
    expect(sheet).not.toContain('r="B3"');
    expect(files.get("xl/styles.xml")).toContain('formatCode="&quot;£&quot;#,##0.00"');
    expect(files.get("xl/workbook.xml")).toContain('<sheet name="Notes   1" sheetId="2" r:id="rId2"/>');
    expect(files.get("xl/worksheets/sheet2.xml")).toContain("'+44 1926");
    expect(files.get("xl/worksheets/sheet2.xml")).toContain(">-12.5<");
    expect(columnLetters(0) + columnLetters(25) + columnLetters(26) + columnLetters(701)).toBe("AZAAZZ");
  });

  const python = spawnSync("python3", ["--version"]).status === 0;
  if (!python) console.log("xlsx check with Python's zipfile skipped: python3 is not installed");
  it.skipIf(!python)("opens with Python's zipfile and every XML part parses", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntg-xlsx-"));
    try {
      const file = path.join(folder, "book.xlsx");
      writeFileSync(file, WORKBOOK);
      const script = [
        "import sys, zipfile, xml.etree.ElementTree as ET",
        "z = zipfile.ZipFile(sys.argv[1])",
        "assert z.testzip() is None",
        "ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}",
        "[ET.fromstring(z.read(n)) for n in z.namelist()]",
        "rows = ET.fromstring(z.read('xl/worksheets/sheet1.xml')).findall('.//m:row', ns)",
        "print(len(rows), ''.join(t.text for t in rows[0].iter('{%s}t' % ns['m'])))",
      ].join("\n");
      const result = spawnSync("python3", ["-c", script, file], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.stdout.trim()).toBe("4 codeamountshare");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
