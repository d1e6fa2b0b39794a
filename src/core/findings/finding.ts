/**
 * Findings inside the engine: a rule id, a severity, a position and parameters. No text:
 * the message is rendered at the edge from the catalogue (messages.ts), in Vietnamese and English.
 */
import type { Severity } from "../report/types";

/** Parameters a finding's message may use. */
export type FindingParams = Record<string, string | number | undefined>;

/** A finding as checks and the reader produce it. */
export interface FindingDraft {
  rule: string;
  severity: Severity;
  /** Sheet name; absent for a whole-file finding. */
  sheet?: string;
  /** 1-based row; absent for a column or sheet finding. */
  row?: number;
  /** 1-based column; absent for a row or sheet finding. */
  col?: number;
  /** For a finding that stands for many cells of a column. */
  count?: number;
  relatedRows?: number[];
  unit?: string;
  person?: string;
  /** The legal basis when it depends on the rule set and the date (else the catalogue's). */
  basis?: string;
  params: FindingParams;
}

/**
 * A finding on one cell.
 * @example cellFinding("data.invalidDate", "error", { sheet: "DS", row: 12, col: 3 }, { value: "31/02/1985" })
 */
export function cellFinding(
  rule: string,
  severity: Severity,
  at: { sheet: string; row: number; col: number; unit?: string; person?: string },
  params: FindingParams = {},
): FindingDraft {
  const f: FindingDraft = { rule, severity, sheet: at.sheet, row: at.row, col: at.col, params };
  if (at.unit !== undefined) f.unit = at.unit;
  if (at.person !== undefined) f.person = at.person;
  return f;
}

/**
 * A finding that covers a whole column: told once with its count, not once per cell.
 * @example columnFinding("data.legacyEncoding", "info", { sheet: "DS", col: 2 }, 812, { encoding: "TCVN3" })
 */
export function columnFinding(rule: string, severity: Severity, at: { sheet: string; col: number }, count: number, params: FindingParams = {}): FindingDraft {
  return { rule, severity, sheet: at.sheet, col: at.col, count, params };
}
