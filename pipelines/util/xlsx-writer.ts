/**
 * A minimal XLSX (Office Open XML SpreadsheetML) writer with no dependency: one or more sheets, a bold
 * frozen header row, column widths and number formats per column. Strings are written inline (no shared
 * string table) and neutralised like the CSV writer (a leading = + - @ gets an apostrophe), so a cell can
 * never become a formula. Numbers that are not finite and null values are left empty.
 */
import { neutraliseFormula } from "./format-table.ts";
import { zipArchive } from "./zip-archive.ts";

export interface XlsxColumn {
  header: string;
  /** Excel number format, e.g. `"£"#,##0.00`, `0.0%`, `#,##0` (default General). */
  numberFormat?: string;
  /** Width in characters (default: from the header and the cells, 8–60). */
  width?: number;
}

export interface XlsxSheet {
  /** Sheet name: at most 31 characters, none of : \ / ? * [ ] (replaced by a space). */
  name: string;
  columns: XlsxColumn[];
  rows: readonly (readonly unknown[])[];
}

/** Common number formats. */
export const XLSX_FORMATS = {
  pounds: '"£"#,##0.00',
  poundsWhole: '"£"#,##0',
  percent: "0.0%",
  count: "#,##0",
  decimal: "0.000",
} as const;

/** Whether XML 1.0 allows the character at all (even escaped): tab, newline, CR and from space up. */
const allowedInXml = (character: string): boolean => {
  const code = character.charCodeAt(0);
  return (
    (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff
  );
};

const xmlEscape = (text: string): string =>
  [...text]
    .filter(allowedInXml)
    .join("")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellXml(value: unknown, reference: string, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null || value === undefined) return "";
  if (typeof value === "number")
    return Number.isFinite(value) ? `<c r="${reference}"${s}><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${reference}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return `<c r="${reference}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(neutraliseFormula(text))}</t></is></c>`;
}

function columnWidth(sheet: XlsxSheet, index: number): number {
  const column = sheet.columns[index]!;
  if (column.width) return column.width;
  const longest = Math.max(
    column.header.length,
    ...sheet.rows.slice(0, 500).map((row) => String(row[index] ?? "").length),
  );
  return Math.min(60, Math.max(8, longest + 2));
}

function sheetXml(sheet: XlsxSheet, styleOf: (format: string | undefined) => number): string {
  const styles = sheet.columns.map((column) => styleOf(column.numberFormat));
  const header = sheet.columns.map((column, c) => cellXml(column.header, `${columnLetters(c)}1`, 1)).join("");
  const body = sheet.rows
    .map((row, r) => {
      const cells = sheet.columns
        .map((_, c) => cellXml(row[c], `${columnLetters(c)}${r + 2}`, styles[c]!))
        .join("");
      return `<row r="${r + 2}">${cells}</row>`;
    })
    .join("");
  const cols = sheet.columns
    .map((_, c) => `<col min="${c + 1}" max="${c + 1}" width="${columnWidth(sheet, c)}" customWidth="1"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData><row r="1">${header}</row>${body}</sheetData></worksheet>`;
}

function stylesXml(formats: string[]): string {
  const numFmts = formats
    .map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlEscape(code)}"/>`)
    .join("");
  const formatXfs = formats
    .map(
      (_, i) =>
        `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : ""}<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${2 + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${formatXfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

function workbookFiles(names: string[]): { name: string; data: string }[] {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const sheetType = `${relationships}/worksheet`;
  return [
    {
      name: "[Content_Types].xml",
      data: `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    },
    {
      name: "_rels/.rels",
      data: `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relationships}"><sheets>${names.map((name, i) => `<sheet name="${xmlEscape(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${sheetType}" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${names.length + 1}" Type="${relationships}/styles" Target="styles.xml"/></Relationships>`,
    },
  ];
}

/** Sheet names made valid and unique (Excel: ≤ 31 characters, no : \ / ? * [ ]). */
function sheetNames(sheets: readonly XlsxSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((sheet, i) => {
    let name =
      sheet.name
        .replace(/[:\\/?*[\]]/g, " ")
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    if (used.has(name.toLowerCase())) name = `${name.slice(0, 27)} (${i + 1})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * An XLSX workbook of the sheets, as bytes.
 *
 * @example writeFileSync("out.xlsx", xlsxWorkbook([{ name: "Allocation", columns: [{ header: "code" }, { header: "amount", numberFormat: XLSX_FORMATS.pounds }], rows: [["E07000219", 400000]] }]))
 */
export function xlsxWorkbook(sheets: readonly XlsxSheet[]): Buffer {
  if (sheets.length === 0) throw new Error("xlsxWorkbook: needs at least one sheet");
  const formats = [
    ...new Set(
      sheets.flatMap((sheet) => sheet.columns.map((c) => c.numberFormat).filter((f): f is string => !!f)),
    ),
  ];
  const styleOf = (format: string | undefined) => (format ? 2 + formats.indexOf(format) : 0);
  const names = sheetNames(sheets);
  return zipArchive([
    ...workbookFiles(names),
    { name: "xl/styles.xml", data: stylesXml(formats) },
    ...sheets.map((sheet, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: sheetXml(sheet, styleOf),
    })),
  ]);
}
