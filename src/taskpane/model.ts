/**
 * The pane's state as a pure reducer (idle → reading → checking → writing → done / failed), the
 * grouping, filtering and searching of findings, and the merge of a column correction into the
 * saved mapping. No React, no Office: tested with plain data.
 */
import type { Bilingual } from "../core/messages";
import type { CanonicalField, Finding, Report, Severity } from "../core/report/types";
import type { SheetMappingOverride } from "../core/reader";

export type Phase = "idle" | "reading" | "checking" | "writing" | "done" | "failed";
/** A side task that is not a check run. */
export type Busy = "clearing" | "summaries" | "saving" | "selecting" | "creating" | "consolidating" | "comparing";

export interface PaneState {
  phase: Phase;
  /** The last successful run's report (kept while a new run is going and after a failure). */
  report?: Report;
  /** One line about the last thing done (counts, cleared, saved). */
  message?: Bilingual;
  /** One line about the last failure. */
  error?: Bilingual;
  busy?: Busy;
}

export type PaneAction =
  | { type: "start" }
  | { type: "stage"; stage: "reading" | "checking" | "writing" }
  | { type: "done"; report: Report; message: Bilingual }
  | { type: "failed"; error: Bilingual }
  | { type: "busy"; busy: Busy }
  | { type: "finished"; message?: Bilingual }
  | { type: "dismissError" };

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
