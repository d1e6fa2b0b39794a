/**
 * Turning the engine's findings and readings into the public report: messages rendered,
 * absent values omitted, arrays in a stable order.
 */
import { cellAddress, columnLetter } from "../address";
import { renderFinding, ruleText } from "../findings/catalogue";
import type { FindingDraft } from "../findings/finding";
import type { Finding, Report, SheetReport, UnitReport } from "./types";

export interface BuildReportInput {
  tool: { name: string; version: string };
  asOf: string;
  ruleSet: Report["ruleSet"];
  file?: Report["file"];
  sheets: SheetReport[];
  units: UnitReport[];
  findings: FindingDraft[];
  quality?: Report["quality"];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Findings by sheet order, row, column, rule (whole-file findings first; a column finding before the rows). */
export function sortFindings(findings: FindingDraft[], sheetOrder: string[]): FindingDraft[] {
  const idx = new Map(sheetOrder.map((n, i) => [n, i]));
  return [...findings].sort((a, b) => {
    const sa = a.sheet === undefined ? -1 : idx.get(a.sheet) ?? sheetOrder.length;
    const sb = b.sheet === undefined ? -1 : idx.get(b.sheet) ?? sheetOrder.length;
    if (sa !== sb) return sa - sb;
    const ra = a.row ?? 0;
    const rb = b.row ?? 0;
    if (ra !== rb) return ra - rb;
    const ca = a.col ?? 0;
    const cb = b.col ?? 0;
    if (ca !== cb) return ca - cb;
    if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
    return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  });
}

/** One finding for the report. */
export function toReportFinding(d: FindingDraft): Finding {
  const params = d.count !== undefined ? { ...d.params, count: d.count } : d.params;
  const text = renderFinding(d.rule, params);
  const f: Finding = { rule: d.rule, severity: d.severity, message: "" };
  if (d.sheet !== undefined) f.sheet = d.sheet;
  if (d.row !== undefined) f.row = d.row;
  if (d.col !== undefined) f.column = columnLetter(d.col);
  if (d.row !== undefined && d.col !== undefined) f.cell = cellAddress(d.row, d.col);
  if (d.count !== undefined) f.count = d.count;
  if (d.relatedRows && d.relatedRows.length > 0) f.relatedRows = d.relatedRows;
  if (d.unit !== undefined) f.unit = d.unit;
  if (d.person !== undefined && d.person !== "") f.person = d.person;
  f.message = text.vi;
  f.messageEn = text.en;
  const basis = d.basis ?? ruleText(d.rule)?.basis;
  if (basis) f.basis = basis;
  return f as Finding;
}

/** How many findings of each severity. */
export function severityCounts(findings: readonly Pick<Finding, "severity">[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** The report, ready for JSON. */
export function buildReport(input: BuildReportInput): Report {
  const findings = sortFindings(input.findings, input.sheets.map((s) => s.name)).map(toReportFinding);
  const { errors, warnings, infos } = severityCounts(findings);
  const records = input.sheets.reduce((n, s) => n + (s.role === "roster" ? s.records ?? 0 : 0), 0);
  const report: Report = {
    schemaVersion: 1,
    tool: input.tool,
    asOf: input.asOf,
    ruleSet: input.ruleSet,
    ...(input.file ? { file: input.file } : {}),
    sheets: input.sheets,
    units: input.units,
    findings,
    ...(input.quality ? { quality: input.quality } : {}),
    totals: { records, errors, warnings, infos },
  };
  return report;
}
