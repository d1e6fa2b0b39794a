/**
 * The workbook's "Quy định" sheet, which the add-in writes: key / value rows that change the
 * rule set for this workbook. They win over the preset and the rule file.
 *
 * | A (key)                                    | B (value) | C (note, ignored) |
 * |--------------------------------------------|-----------|-------------------|
 * | quota.overCap.cadreAndCivilServant.xã.II   | 19        | QĐ 12/2024 tỉnh   |
 * | quota.villageOverCap.perVillage            | 3         |                   |
 * | position.missingMandatory.severity         | error     |                   |
 * | position.categoryMismatch.enabled          | không     |                   |
 *
 * Rows whose key is not a dotted rule key (a title, a header "Mã | Giá trị") are skipped; a key
 * or value that cannot be used is a `data.invalidSetting` finding on its cell and is ignored.
 */
import { cellFinding, type FindingDraft } from "../findings/finding";
import type { CellValue, WorkbookGrid } from "../grid";
import { SheetCells } from "../reader/cells";
import type { Severity } from "../report/types";
import { comparisonKey } from "../text/keys";
import { setRuleValue } from "./activate";
import type { ActiveRuleSet, LeafValue } from "./types";
import { RULE_IDS } from "./values";
import { cellAddress } from "../address";

/** One key / value row of the sheet. */
export interface SettingRow {
  sheet: string;
  row: number;
  key: string;
  /** Column of the value (the key is in column A). */
  valueCol: number;
  raw: CellValue;
  text: string;
}

const FAMILIES = ["data", "quota", "position", "qualification", "retirement", "rotation", "concurrency", "training", "file"];

/** Key / value rows of the settings sheets (role "settings"). */
export function readSettingRows(grid: WorkbookGrid, sheetNames: readonly string[]): SettingRow[] {
  const out: SettingRow[] = [];
  for (const name of sheetNames) {
    const sheet = grid.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    const cells = new SheetCells(grid, sheet);
    for (let r = 1; r <= cells.rowCount; r++) {
      const key = cells.text(r, 1, false);
      const family = /^([a-z]+)\./.exec(key)?.[1];
      if (!family || !FAMILIES.includes(family)) continue;
      out.push({ sheet: name, row: r, key, valueCol: 2, raw: cells.raw(r, 2), text: cells.text(r, 2, false) });
    }
  }
  return out;
}

const SEVERITY_WORDS: Record<string, Severity> = { error: "error", "lỗi": "error", warning: "warning", "cảnh báo": "warning", info: "info", "thông tin": "info" };
const TRUE_WORDS = new Set(["true", "có", "x", "1", "bật", "yes", "đúng"]);
const FALSE_WORDS = new Set(["false", "không", "0", "tắt", "no", "sai"]);

/** A number as offices type it: "19", "2,5", "12.500" (thousands), or a plain number cell. */
export function parseNumberVi(raw: CellValue, text: string): number | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  const t = text.replace(/\s/g, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ""));
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  return undefined;
}

function leafOf(row: SettingRow): LeafValue | undefined {
  if (typeof row.raw === "boolean") return row.raw;
  const n = parseNumberVi(row.raw, row.text);
  if (n !== undefined) return n;
  const k = comparisonKey(row.text);
  if (k === "true") return true;
  if (k === "false") return false;
  return row.text === "" ? undefined : row.text;
}

/** A yes / no word (có, không, x, 1, 0, …) as a flag, else undefined. */
function flagOf(row: SettingRow): boolean | undefined {
  const k = comparisonKey(row.text);
  return TRUE_WORDS.has(k) ? true : FALSE_WORDS.has(k) ? false : undefined;
}

/** Split "quota.overCap.cadreAndCivilServant.xã.II" into the rule id and the path inside its value. */
export function splitSettingKey(key: string): { rule: string; path: string } | undefined {
  let best: string | undefined;
  for (const id of RULE_IDS) if (key.startsWith(id + ".") && (!best || id.length > best.length)) best = id;
  if (!best) return undefined;
  return { rule: best, path: key.slice(best.length + 1).trim() };
}

/**
 * Apply the sheet's rows to an active rule set (later rows win over earlier ones and over the
 * rule file); return a finding for each row that could not be used.
 */
export function applySettingRows(set: ActiveRuleSet, rows: readonly SettingRow[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const bad = (row: SettingRow, onValue: boolean, reasonVi: string, reasonEn: string) =>
    findings.push(cellFinding("data.invalidSetting", "warning", { sheet: row.sheet, row: row.row, col: onValue ? row.valueCol : 1 }, { key: row.key, value: row.text, reasonVi, reasonEn }));
  for (const row of rows) {
    const split = splitSettingKey(row.key);
    if (!split) {
      bad(row, false, "không có quy tắc này", "no such rule");
      continue;
    }
    const rule = set.rules.get(split.rule);
    if (!rule) {
      bad(row, false, `quy tắc ${split.rule} không có trong bộ quy định ${set.definition.id}`, `rule ${split.rule} is not in rule set ${set.definition.id}`);
      continue;
    }
    const where = { source: "sheet" as const, sheet: row.sheet, cell: cellAddress(row.row, row.valueCol) };
    if (split.path === "severity") {
      const sev = SEVERITY_WORDS[comparisonKey(row.text)];
      if (!sev) {
        bad(row, true, "mức độ phải là lỗi / cảnh báo / thông tin (error / warning / info)", "severity must be error / warning / info");
        continue;
      }
      // A row that only restates the rule set's value (the first-run sheet lists them all) is no override.
      if (sev !== rule.severity) set.overrides.push({ rule: rule.id, key: "severity", value: sev, previous: rule.severity, ...where });
      rule.severity = sev;
      continue;
    }
    if (split.path === "enabled") {
      const k = comparisonKey(row.text);
      const on = typeof row.raw === "boolean" ? row.raw : TRUE_WORDS.has(k) ? true : FALSE_WORDS.has(k) ? false : undefined;
      if (on === undefined) {
        bad(row, true, "cần có / không (true / false)", "needs có / không (true / false)");
        continue;
      }
      if (on !== rule.enabled) set.overrides.push({ rule: rule.id, key: "enabled", value: on, previous: rule.enabled, ...where });
      rule.enabled = on;
      continue;
    }
    let leaf = leafOf(row);
    if (leaf === undefined) {
      bad(row, true, "thiếu giá trị", "the value is missing");
      continue;
    }
    let r = setRuleValue(rule, split.path, leaf);
    // A flag ("rotation.periodicChange.titles.officeStatistics" = có) typed as a word or 1 / 0.
    const flag = typeof leaf === "boolean" ? undefined : flagOf(row);
    if (!r.ok && flag !== undefined) {
      const retry = setRuleValue(rule, split.path, flag);
      if (retry.ok) {
        r = retry;
        leaf = flag;
      }
    }
    if (!r.ok) {
      bad(row, true, r.vi, r.en);
      continue;
    }
    if (r.previous !== leaf) set.overrides.push({ rule: rule.id, key: split.path, value: leaf, ...(r.previous !== undefined ? { previous: r.previous } : {}), ...where });
  }
  return findings;
}
