/**
 * The summary workbook of a consolidation: the usual findings, staffing and quality sheets over
 * the merged units, and "Tình trạng tệp". Findings name their file ("ds-xa-a.xls › DS CBCC"), and
 * carry no link: the cells they point at are in the files received, not in this workbook.
 */
import type { Consolidation } from "../consolidate";
import { parseIsoDay } from "../engine";
import type { WorkbookReading } from "../reader";
import type { Report } from "../report/types";
import { findingsSheet, qualitySheet, staffingSheet, type PlanOptions } from "./build";
import { filesSheet } from "./filesSheet";
import type { EditPlan, PlanSheet } from "./types";

/** The sheet builders read nothing of the reading for these sheets; a consolidation has none. */
const NO_READING: WorkbookReading = { sheets: [], records: [], recordUnitIds: [], counted: [], personOf: [], legacyCells: [], units: [], quotaRows: [], findings: [] };

/** "tệp › trang": where a finding is, for a reader of the summary. */
export function placeOf(file: string | undefined, sheet: string | undefined): string | undefined {
  if (file === undefined) return sheet;
  return sheet === undefined ? file : `${file} › ${sheet}`;
}

/** The report as the findings sheet shows it: sheet names carry their file. */
function displayReport(report: Report): Report {
  return {
    ...report,
    sheets: report.sheets.map((s) => ({ ...s, name: placeOf(s.file, s.name)! })),
    findings: report.findings.map((f) => {
      const where = placeOf(f.file, f.sheet);
      return where === undefined ? f : { ...f, sheet: where };
    }),
  };
}

function withoutLinks(sheet: PlanSheet): PlanSheet {
  return {
    ...sheet,
    rows: sheet.rows.map((r) =>
      r?.map((c) => {
        if (!c?.link) return c;
        const { link: _link, ...rest } = c;
        return { ...rest, style: "text" as const };
      }),
    ),
  };
}

export interface ConsolidatedPlanOptions {
  /** The rule set's name for the sheets. */
  ruleSetName?: string;
  agency?: string;
  place?: string;
  preparer?: string;
  head?: string;
}

/**
 * The plan of the consolidated summary workbook: findings, staffing, quality, file status.
 * @example writeSummaryWorkbook(planForConsolidation(mergeOutcomes(outcomes, options)))
 */
export function planForConsolidation(c: Consolidation, o: ConsolidatedPlanOptions = {}): EditPlan {
  const asOf = parseIsoDay(c.report.asOf) ?? { year: Number(c.report.asOf.slice(0, 4)), precision: "year" as const };
  const base: PlanOptions = {
    report: c.report,
    reading: NO_READING,
    summaries: c.summaries,
    asOf,
    ruleSetName: o.ruleSetName ?? c.report.ruleSet.name ?? c.report.ruleSet.id,
    ...(o.agency !== undefined ? { agency: o.agency } : {}),
    ...(o.place !== undefined ? { place: o.place } : {}),
    ...(o.preparer !== undefined ? { preparer: o.preparer } : {}),
    ...(o.head !== undefined ? { head: o.head } : {}),
  };
  const findings = withoutLinks(findingsSheet({ ...base, report: displayReport(c.report) }));
  return {
    highlights: [],
    sheets: [findings, staffingSheet(base), qualitySheet(base), filesSheet({ report: c.report, asOf, ruleSetName: base.ruleSetName, ...(o.agency !== undefined ? { agency: o.agency } : {}) })],
  };
}
