/**
 * The first-run screen's sheets (issue 9): when a workbook has neither a quota sheet nor a "Quy
 * định" sheet, the task pane offers to create
 * - "Định biên": one row per unit the check found, with the headers the quota reader understands
 *   (src/core/reader/quota.ts), code, name, class and villages filled in from the roster and the
 *   assigned figures left empty for the office to type;
 * - "Quy định": the chosen rule set's values for the reporting date as key / value rows in the
 *   format src/core/rulesets/settingsSheet.ts reads ("quota.overCap.cadreAndCivilServant.xã.II" |
 *   20 | note), so the office edits a number instead of a rule file.
 * Both are plan sheets of kind "starter": the Excel adapter adds them once and they are the user's.
 */
import { SETTINGS_SHEET_NAME } from "../reader";
import type { UnitReport } from "../report/types";
import { valueStatus } from "../rulesets/activate";
import type { ActiveRuleSet, JsonValue, ValueStatus } from "../rulesets/types";
import { SheetBuilder } from "./sheetBuilder";
import type { PlanSheet, PlanValue } from "./types";

/** The quota sheet's name, as offices call it. */
export const QUOTA_SHEET_NAME = "Định biên";

/** The quota sheet's headers (each one a header the quota reader maps to its column). */
export const QUOTA_HEADERS = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Phân loại ĐVHC",
  "Số thôn, tổ dân phố",
  "Biên chế CBCC tỉnh giao",
  "Biên chế CBCC huyện giao",
  "KCT cấp xã tỉnh giao",
  "KCT cấp xã huyện giao",
  "Người HĐKCT ở thôn (định mức)",
] as const;

const KIND_LABEL: Record<NonNullable<UnitReport["kind"]>, string> = { xã: "Xã", phường: "Phường", "thị trấn": "Thị trấn", "đặc khu": "Đặc khu" };

/** "Xã Quảng Lợi" from the unit's kind and name (the name alone when it already says its kind, or no kind is known). */
export function unitLabel(u: Pick<UnitReport, "name" | "kind">): string {
  if (!u.kind) return u.name;
  if (u.name.toLowerCase().startsWith(u.kind)) return KIND_LABEL[u.kind] + u.name.slice(u.kind.length);
  return `${KIND_LABEL[u.kind]} ${u.name}`;
}

/**
 * "Định biên" with one row per unit (in the report's order), ready for the assigned figures.
 * @example quotaStarterSheet(report.units).rows[1]?.[1]?.value // "Xã Quảng Lợi"
 */
export function quotaStarterSheet(units: readonly UnitReport[]): PlanSheet {
  const b = new SheetBuilder(QUOTA_HEADERS.length);
  b.put([...QUOTA_HEADERS], "header");
  for (const u of units) {
    const row: PlanValue[] = [u.code ?? null, unitLabel(u), u.communeClass ?? null, u.villages ?? null, null, null, null, null, null];
    b.put(row, ["text", "text", "text", "integer", "integer", "integer", "integer", "integer", "integer"]);
  }
  return b.toSheet("starter", QUOTA_SHEET_NAME, [12, 28, 12, 12, 14, 14, 14, 14, 16], { freeze: { rows: 1, columns: 2 }, print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: 1, to: 1 } } });
}

/** Metadata inside a rule's value, not a value to edit. */
const META_KEYS = new Set(["status", "note"]);

/** One editable value of a rule set: its key for the "Quy định" sheet and its value for the date. */
export interface RuleSettingRow {
  key: string;
  value: string | number | boolean;
  rule: string;
  /** How sure the reference is of it. */
  status: ValueStatus;
}

/**
 * The rule set's single values (numbers, dates, levels, flags, lists written as text), as
 * "Quy định" keys; groups are walked, lists (which the sheet cannot set) and the value metadata
 * (`status`, `note`) are left out.
 */
export function ruleSettingRows(set: ActiveRuleSet): RuleSettingRow[] {
  const out: RuleSettingRow[] = [];
  const walk = (rule: string, path: string, v: JsonValue | undefined): void => {
    if (v === null || v === undefined || Array.isArray(v)) return;
    if (typeof v === "object") {
      for (const [k, child] of Object.entries(v)) if (!META_KEYS.has(k)) walk(rule, path ? `${path}.${k}` : k, child);
      return;
    }
    if (path) out.push({ key: `${rule}.${path}`, value: v, rule, status: valueStatus(set.rules.get(rule)!, path) });
  };
  for (const [id, rule] of set.rules) if (rule.enabled) walk(id, "", rule.value);
  return out;
}

/** A flag as the sheet reads it back ("có" / "không"); other values as they are. */
function cellValue(v: string | number | boolean): PlanValue {
  return typeof v === "boolean" ? (v ? "có" : "không") : v;
}

/** What turns a row off: the reader takes only rows whose key starts with a rule family and a dot. */
export const OFF_MARK = "# ";

/**
 * "Quy định" with the rule set's values as key / value rows, a header, and the rule's description
 * beside its first key (column C, which the reader ignores).
 *
 * A value the reference marks derived or unconfirmed is written switched off ("# key"): a value
 * given on the sheet counts as confirmed, which would let a finding resting on it become an error
 * (domain-rules.md: such values never raise an error on their own). The office removes the "# "
 * once it has put in its own figure. So the sheet, as created, changes no finding.
 * @example settingsStarterSheet(chooseRuleSet({ asOf: "2024-12-31" }).set).rows[3]?.[0]?.value // "quota.overCap.cadreAndCivilServant.phường.I"
 */
export function settingsStarterSheet(set: ActiveRuleSet): PlanSheet {
  const b = new SheetBuilder(3);
  b.line(`Quy định áp dụng cho sổ làm việc này — ${set.definition.name.vi}`, "title");
  b.line("Sửa giá trị ở cột B; công cụ đọc trang này ở mỗi lần kiểm tra. Xóa một dòng để dùng lại giá trị mặc định. (Edit column B; delete a row to go back to the default.)", "italic");
  b.put(["Mã quy định (key)", "Giá trị (value)", "Ghi chú (note)"], "header");
  let last = "";
  for (const r of ruleSettingRows(set)) {
    const about = r.rule !== last ? (set.rules.get(r.rule)?.description ?? "") : "";
    last = r.rule;
    const on = r.status === "confirmed";
    const off = on ? "" : `Giá trị ${r.status === "derived" ? "suy ra" : "chưa xác nhận"}: chỉ áp dụng khi xóa dấu "#" ở đầu dòng (${r.status}: applies once the "#" is removed).`;
    b.put([on ? r.key : OFF_MARK + r.key, cellValue(r.value), [about, off].filter(Boolean).join(" ")], ["text", "text", "textWrap"]);
  }
  return b.toSheet("starter", SETTINGS_SHEET_NAME, [58, 24, 60], { freeze: { rows: 3, columns: 1 }, print: { orientation: "portrait", paper: "A4", fitToWidth: true, repeatRows: { from: 3, to: 3 } } });
}

/** True when a checked workbook has neither a quota sheet nor a "Quy định" sheet (the first-run screen shows). */
export function needsStarterSheets(sheets: readonly { name: string; role?: string }[]): boolean {
  return !sheets.some((s) => s.role === "quota" || s.role === "settings");
}
