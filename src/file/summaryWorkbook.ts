/**
 * The summary workbook (`--summary`): a new .xlsx holding only the plan's own sheets (findings,
 * staffing, quality, people lists), no highlights. It is built by the annotated copy's sheet
 * writer (`addPlanSheets` in annotate.ts) applied to a minimal empty package generated here, so
 * both routes share one implementation of sheets, styles, tables, charts and print settings.
 */
import type { EditPlan, PlanSheet } from "../core/plan/types";
import { addPlanSheets, type RenderedSheets } from "./annotate";
import { newEntry, writeZip, type ZipCodec } from "./zip";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Fixed time stamp of the entries (1 Jan 2026, 00:00), so the same plan gives the same bytes. */
const STAMP = { time: 0, date: ((2026 - 1980) << 9) | (1 << 5) | 1 };

/** A workbook with no sheet yet: content types, relationships, workbook, styles (Times New Roman 11). */
function emptyPackage(): Uint8Array {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    "_rels/.rels": `${HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    "docProps/core.xml": `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Kết quả kiểm tra hồ sơ cán bộ, công chức cấp xã</dc:title><dc:creator>Kiểm tra hồ sơ CBCC</dc:creator></cp:coreProperties>`,
    "xl/workbook.xml": `${HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`,
    "xl/_rels/workbook.xml.rels": `${HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml":
      `${HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Times New Roman"/><family val="1"/><charset val="163"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>',
  };
  const enc = new TextEncoder();
  return writeZip(Object.entries(parts).map(([name, text]) => newEntry(name, enc.encode(text), STAMP)));
}

/** A blank sheet, for a plan without sheets (a workbook needs one). */
const BLANK: PlanSheet = { kind: "findings", name: "Trang tính 1", columnWidths: [], rows: [], merges: [], print: { orientation: "landscape", paper: "A4", fitToWidth: true } };

/**
 * A new workbook with the plan's own sheets, in plan order, the first one selected.
 * @example const bytes = writeSummaryWorkbook(plan); // write to "tong-hop.xlsx"
 */
export function writeSummaryWorkbook(plan: EditPlan, options: { codec?: ZipCodec; rendered?: RenderedSheets } = {}): Uint8Array {
  return addPlanSheets(emptyPackage(), plan.sheets.length > 0 ? plan.sheets : [BLANK], options);
}
