/**
 * "Tình trạng tệp": the file-status sheet of a consolidation (issue 11): every file received,
 * its format, whether it was read, its units, its person rows and its findings, and for a file
 * that could not be read the one-line reason. Pure data, like the other plan sheets.
 */
import type { Report } from "../report/types";
import type { PartialDate } from "../text/dates";
import { LABELS, SHEET_NAMES } from "./labels";
import { SheetBuilder } from "./sheetBuilder";
import type { PlanSheet, PlanStyle } from "./types";

export interface FilesSheetOptions {
  report: Report;
  asOf: PartialDate;
  ruleSetName: string;
  agency?: string;
}

function dmy(d: PartialDate): string {
  const p = (n: number | undefined) => String(n ?? 1).padStart(2, "0");
  return `${p(d.day)}/${p(d.month)}/${d.year}`;
}

/** "Xã Quảng Lợi" of a unit id of the report. */
function unitTitle(report: Report, id: string): string {
  const u = report.units.find((x) => x.id === id);
  if (!u) return id;
  return `${u.kind ? u.kind[0].toUpperCase() + u.kind.slice(1) + " " : ""}${u.name}`;
}

/**
 * The file-status sheet of a consolidated report (one with `files[]`).
 * @example filesSheet({ report, asOf, ruleSetName: "Nghị định 33/2023/NĐ-CP" }).rows.length
 */
export function filesSheet(o: FilesSheetOptions): PlanSheet {
  const L = LABELS.files;
  const files = o.report.files ?? [];
  const widths = [5, 34, 16, 15, 34, 9, 7, 9, 9, 60];
  const b = new SheetBuilder(widths.length);
  const unreadable = files.filter((f) => f.status === "unreadable").length;
  b.titleBlock(o.agency ?? LABELS.agencyDefault, L.title, [`${LABELS.asOf(dmy(o.asOf))} — ${LABELS.ruleSet(o.ruleSetName)}`, L.counts(files.length - unreadable, files.length, unreadable)]);
  const headerRow = b.put([...L.headers], "header");
  let records = 0;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  files.forEach((f, i) => {
    const ok = f.status === "read";
    const units = (f.units ?? []).map((id) => unitTitle(o.report, id)).join("; ");
    const note = ok ? L.quotaSource[f.quotaSource ?? "none"] ?? "" : f.reason ?? "";
    const statusStyle: PlanStyle = ok ? (f.errors ? "severityWarning" : "text") : "severityError";
    b.put(
      [i + 1, f.name, f.format ? L.formats[f.format] ?? f.format : "", ok ? L.read : L.unreadable, units, ok ? f.records ?? 0 : null, ok ? f.errors ?? 0 : null, ok ? f.warnings ?? 0 : null, ok ? f.infos ?? 0 : null, note],
      ["integer", "textWrap", "text", statusStyle, "textWrap", "integer", "integer", "integer", "integer", "textWrap"],
    );
    records += f.records ?? 0;
    errors += f.errors ?? 0;
    warnings += f.warnings ?? 0;
    infos += f.infos ?? 0;
  });
  const lastFileRow = b.row - 1;
  b.put([null, L.total, "", `${files.length - unreadable}/${files.length}`, L.unitsInFiles(o.report.units.length), records, errors, warnings, infos, ""], ["totalText", "totalText", "totalText", "totalText", "totalText", "totalInteger", "totalInteger", "totalInteger", "totalInteger", "totalText"]);
  return b.toSheet("files", SHEET_NAMES.files, widths, {
    table: files.length > 0 ? { name: "TinhTrangTep", headerRow, firstColumn: 1, lastColumn: widths.length, lastRow: lastFileRow } : undefined,
    freeze: { rows: headerRow, columns: 0 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: headerRow, to: headerRow } },
    tabColor: "7F6000",
  });
}
