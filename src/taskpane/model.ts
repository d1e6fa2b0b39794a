/**
 * The pane's state as a pure reducer (idle → reading → checking → writing → done / failed), the
 * grouping, filtering and searching of findings, and the merge of a column correction into the
 * saved mapping. No React, no Office: tested with plain data.
 */
import type { Bilingual } from "../core/messages";
import type { CanonicalField, Finding, Report, Severity } from "../core/report/types";
import type { SheetMappingOverride } from "../core/reader";
import type { TextFix } from "../core/fixes";

export type Phase = "idle" | "reading" | "checking" | "writing" | "done" | "failed";
/** A side task that is not a check run. */
export type Busy = "clearing" | "summaries" | "saving" | "selecting" | "creating" | "consolidating" | "comparing" | "fixing";

export interface PaneState {
  phase: Phase;
  /** The last successful run's report (kept while a new run is going and after a failure). */
  report?: Report;
  /** One line about the last thing done (counts, cleared, saved). */
  message?: Bilingual;
  /** One line about the last failure. */
  error?: Bilingual;
  busy?: Busy;
  /** The live re-check of edited rows since the last run (issue 9 item 3). */
  live?: LiveStatus;
}

/** The live re-check, as the pane shows it. */
export interface LiveStatus {
  /** Edits are being re-checked. */
  listening: boolean;
  /** The last re-check, for the polite live region ("Đã kiểm tra lại 3 dòng: …"). */
  announcement?: Bilingual;
  /** A re-check happened: the result and summary sheets are out of date until the next run. */
  sheetsStale?: boolean;
  /** Listening stopped on a change that needs a full run, or on a failure. */
  stopped?: "fullRun" | "failed";
}

export type PaneAction =
  | { type: "start" }
  | { type: "stage"; stage: "reading" | "checking" | "writing" }
  | { type: "done"; report: Report; message: Bilingual }
  | { type: "failed"; error: Bilingual }
  | { type: "busy"; busy: Busy }
  | { type: "finished"; message?: Bilingual }
  | { type: "dismissError" }
  /** Text fixes were applied: the report without the findings they settled, and the line saying so. */
  | { type: "fixed"; report: Report; message: Bilingual }
  /** The live re-check started or was stopped (the switch, a clear). */
  | { type: "live"; listening: boolean }
  /** Edited rows were re-checked: the new report and the line saying what changed. */
  | { type: "rechecked"; report: Report; announcement: Bilingual }
  /** A change needs a full run, or a re-check failed: listening stopped. */
  | { type: "liveStopped"; why: "fullRun" | "failed" };

export const initialPaneState: PaneState = { phase: "idle" };

/** True while a check run is going. */
export function isRunning(s: PaneState): boolean {
  return s.phase === "reading" || s.phase === "checking" || s.phase === "writing";
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "start": {
      const { error: _e, message: _m, ...rest } = state;
      return { ...rest, phase: "reading" };
    }
    case "stage":
      return isRunning(state) ? { ...state, phase: action.stage } : state;
    case "done":
      return { phase: "done", report: action.report, message: action.message };
    case "failed": {
      const { busy: _b, message: _m, ...rest } = state;
      return { ...rest, phase: "failed", error: action.error };
    }
    case "busy": {
      const { error: _e, ...rest } = state;
      return { ...rest, busy: action.busy };
    }
    case "finished": {
      const { busy: _b, ...rest } = state;
      return action.message ? { ...rest, message: action.message } : rest;
    }
    case "dismissError": {
      const { error: _e, ...rest } = state;
      return rest;
    }
    case "fixed": {
      const { busy: _b, ...rest } = state;
      return { ...rest, report: action.report, message: action.message };
    }
    case "live": {
      const { stopped: _s, ...live } = state.live ?? { listening: false };
      return { ...state, live: { ...live, listening: action.listening } };
    }
    case "rechecked":
      return { ...state, report: action.report, live: { ...(state.live ?? { listening: true }), announcement: action.announcement, sheetsStale: true } };
    case "liveStopped":
      return { ...state, live: { ...(state.live ?? {}), listening: false, stopped: action.why } };
  }
}

// ------------------------------------------------------------------------------------------------
// Findings

export type SeverityFilter = Severity | "all";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface UnitGroup {
  unit: string | undefined;
  findings: Finding[];
}

export interface RuleGroup {
  rule: string;
  count: number;
  units: UnitGroup[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

/** Text folded for search: lower case, no diacritics, đ → d (so "dam ha" finds "Đầm Hà"). */
export function foldText(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/** Findings that pass the severity filter and contain every word of the query (in either language). */
export function filterFindings(findings: readonly Finding[], severity: SeverityFilter, query: string): Finding[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return findings.filter((f) => {
    if (severity !== "all" && f.severity !== severity) return false;
    if (words.length === 0) return true;
    const hay = foldText([f.message, f.messageEn, f.person, f.unit, f.sheet, f.cell, f.rule, f.row !== undefined ? String(f.row) : ""].filter(Boolean).join(" "));
    return words.every((w) => hay.includes(w));
  });
}

/** Findings by severity (errors first), then rule, then unit, in report order within each; counts at each level. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    const rules = new Map<string, Map<string | undefined, Finding[]>>();
    for (const f of ofSeverity) {
      let units = rules.get(f.rule);
      if (!units) rules.set(f.rule, (units = new Map()));
      const list = units.get(f.unit) ?? [];
      list.push(f);
      units.set(f.unit, list);
    }
    const ruleGroups: RuleGroup[] = [...rules.entries()].map(([rule, units]) => ({
      rule,
      count: [...units.values()].reduce((n, l) => n + l.length, 0),
      units: [...units.entries()].map(([unit, list]) => ({ unit, findings: list })).sort((a, b) => (a.unit === undefined ? 1 : b.unit === undefined ? -1 : a.unit.localeCompare(b.unit, "vi"))),
    }));
    ruleGroups.sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
    out.push({ severity, count: ofSeverity.length, rules: ruleGroups });
  }
  return out;
}

/** Where a finding is, for the "go to" button: its cell, else the column's first data cell, else the sheet's A1. */
export function findingTarget(f: Finding): { sheet: string; a1: string } | undefined {
  if (!f.sheet) return undefined;
  if (f.cell) return { sheet: f.sheet, a1: f.cell };
  if (f.column && f.row !== undefined) return { sheet: f.sheet, a1: `${f.column}${f.row}` };
  if (f.row !== undefined) return { sheet: f.sheet, a1: `A${f.row}` };
  return { sheet: f.sheet, a1: "A1" };
}

/**
 * After text fixes: the fixes still to offer, and the report without the findings the fixes
 * settled — an unrecognized value whose cell was fixed, a legacy-encoding column finding whose
 * column has no legacy cell left to fix. The totals stay those of the check (a re-run recounts).
 * @example afterFixes(report, fixes, done).report.findings.length
 */
export function afterFixes(report: Report, fixes: readonly TextFix[], done: readonly TextFix[]): { report: Report; fixes: TextFix[] } {
  const doneKeys = new Set(done.map((f) => `${f.kind}\u0000${f.sheet}\u0000${f.cell}`));
  const left = fixes.filter((f) => !doneKeys.has(`${f.kind}\u0000${f.sheet}\u0000${f.cell}`));
  const legacyLeft = new Set(left.filter((f) => f.kind === "legacyEncoding").map((f) => `${f.sheet}\u0000${columnLetter(f.col)}`));
  const fixedCells = new Set(done.filter((f) => f.kind === "suggestion").map((f) => `${f.sheet}\u0000${f.cell}`));
  const legacyTouched = new Set(done.filter((f) => f.kind === "legacyEncoding").map((f) => `${f.sheet}\u0000${columnLetter(f.col)}`));
  const findings = report.findings.filter((f) => {
    if (f.rule === "data.unrecognizedValue" && f.fix?.kind === "suggestion") return !fixedCells.has(`${f.sheet}\u0000${f.cell}`);
    if (f.rule === "data.legacyEncoding" && f.fix?.kind === "legacyEncoding") {
      const k = `${f.sheet}\u0000${f.column}`;
      return !legacyTouched.has(k) || legacyLeft.has(k);
    }
    return true;
  });
  return { report: findings.length === report.findings.length ? report : { ...report, findings }, fixes: left };
}

// ------------------------------------------------------------------------------------------------
// Column mapping

export type SavedMapping = Record<string, SheetMappingOverride>;

/** The mapping saved in the workbook ("hoso.mapping"), or {} when absent or unreadable. */
export function parseSavedMapping(raw: string | undefined): SavedMapping {
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as SavedMapping) : {};
  } catch {
    return {};
  }
}

/**
 * The saved mapping with the user's corrections for one sheet merged in: a letter sets the field's
 * column, `""` removes the correction (the tool's own reading applies again). Other sheets are kept.
 * @example mergeMapping({}, "DS", { idNumber: "L" }) // { DS: { columns: { idNumber: "L" } } }
 */
export function mergeMapping(saved: SavedMapping, sheet: string, corrections: Partial<Record<CanonicalField, string>>): SavedMapping {
  const columns: Partial<Record<CanonicalField, string>> = { ...(saved[sheet]?.columns ?? {}) };
  for (const [field, letter] of Object.entries(corrections) as [CanonicalField, string][]) {
    const l = letter.trim().toUpperCase();
    if (l === "") delete columns[field];
    else if (/^[A-Z]{1,3}$/.test(l)) columns[field] = l;
  }
  const next: SavedMapping = { ...saved };
  if (Object.keys(columns).length === 0) delete next[sheet];
  else next[sheet] = { ...(saved[sheet] ?? {}), columns };
  return next;
}

/** A column letter from a 1-based number ("A", …, "Z", "AA"). */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// ------------------------------------------------------------------------------------------------
// Training options

/**
 * The training summary's first year as typed: undefined when empty (the default, five years before
 * the reporting year), the year when it is a whole year from 1945 to the reporting year, "invalid"
 * otherwise (the CLI's `--training-since` takes the same range).
 * @example trainingYear("2019", "2024-12-31") // 2019
 */
export function trainingYear(text: string, asOf: string): number | undefined | "invalid" {
  const t = text.trim();
  if (t === "") return undefined;
  const y = Number(t);
  const last = Number(asOf.slice(0, 4));
  return /^\d{4}$/.test(t) && y >= 1945 && (!Number.isFinite(last) || y <= last) ? y : "invalid";
}
