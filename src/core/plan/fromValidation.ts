/**
 * The edit plan for a finished validation: the document details (agency, place, signers) come
 * from the workbook's "Quy định" sheet when it gives them.
 */
import type { ValidationResult } from "../engine";
import { cellValue, type WorkbookGrid } from "../grid";
import { SheetCells } from "../reader/cells";
import { comparisonKey } from "../text/keys";
import { buildEditPlan } from "./build";
import type { EditPlan } from "./types";
import { trainingSheet } from "./issue12Sheets";

export interface DocumentDetails {
  agency?: string;
  place?: string;
  preparer?: string;
  head?: string;
}

const KEYS: [keyof DocumentDetails, string[]][] = [
  ["agency", ["cơ quan", "tên cơ quan", "cơ quan báo cáo", "đơn vị báo cáo", "tên đơn vị báo cáo"]],
  ["place", ["địa danh", "nơi lập", "địa điểm"]],
  ["preparer", ["người lập biểu", "người lập bảng", "người lập"]],
  ["head", ["thủ trưởng đơn vị", "thủ trưởng", "người ký", "lãnh đạo ký"]],
];

/**
 * Document details from key / value rows of the settings sheets ("Người lập biểu | Nguyễn Văn A").
 * @example documentDetails(grid, ["Quy định"]).preparer
 */
export function documentDetails(grid: WorkbookGrid, settingsSheets: readonly string[]): DocumentDetails {
  const out: DocumentDetails = {};
  for (const name of settingsSheets) {
    const sheet = grid.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    const cells = new SheetCells(grid, sheet);
    for (let r = 1; r <= cells.rowCount; r++) {
      const key = comparisonKey(cells.text(r, 1, false)).replace(/[:.]+$/, "");
      const value = cells.text(r, 2, false);
      if (key === "" || value === "") continue;
      for (const [field, words] of KEYS) if (out[field] === undefined && words.includes(key)) out[field] = value;
    }
  }
  return out;
}

/**
 * The Unicode font to give a cell converted from a legacy font: the face it imitated
 * (.VnTime / VNI-Times → Times New Roman; .VnArial / VNI-Helve → Arial).
 * @example unicodeFontFor(".VnTimeH") // "Times New Roman"
 */
export function unicodeFontFor(legacyFont: string | undefined): string {
  const f = (legacyFont ?? "").toLowerCase();
  if (/arial|helve|swiss|univers/.test(f)) return "Arial";
  if (/courier|cour/.test(f)) return "Courier New";
  return "Times New Roman";
}

export interface PlanForValidationOptions {
  /** Also convert the legacy-encoded cells the reader decoded (`--fix-encoding`). */
  fixEncoding?: boolean;
}

/** The edit plan of a validation result. */
export function planForValidation(result: ValidationResult, grid: WorkbookGrid, options: PlanForValidationOptions = {}): EditPlan {
  const settings = result.report.sheets.filter((s) => s.role === "settings").map((s) => s.name);
  const details = documentDetails(grid, settings);
  const plan = buildEditPlan({
    report: result.report,
    reading: result.reading,
    summaries: result.summaries,
    asOf: result.asOf,
    ruleSetName: result.ruleSet.definition.name.vi,
    ...details,
  });
  // The training summary (issue 12), when the workbook has a training list.
  if (result.report.training) plan.sheets.push(trainingSheet(result.report.training, { asOf: result.report.asOf.split("-").reverse().join("/"), ...(details.agency ? { agency: details.agency } : {}) }));
  if (options.fixEncoding) {
    const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
    plan.textRepairs = result.reading.legacyCells.map((c) => {
      const sheet = sheets.get(c.sheet);
      const original = sheet ? cellValue(sheet, c.row, c.col) : undefined;
      return { sheet: c.sheet, row: c.row, col: c.col, text: c.text, fontName: unicodeFontFor(c.fontName), ...(typeof original === "string" ? { original } : {}), ...(c.fontName !== undefined ? { fromFont: c.fontName } : {}) };
    });
  }
  return plan;
}
