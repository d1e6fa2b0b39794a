/**
 * The edit plan from a validation: highlights on the user's cells, the findings sheet and the
 * summary sheets (issue 6). Pure data; the adapters carry it out.
 */
import type { WorkbookReading } from "../reader";
import type { Finding, Report, UnitReport, UnitQuota } from "../report/types";
import type { Summaries, QualityBlock, QualityCategory } from "../summary";
import type { PartialDate } from "../text/dates";
import { compareText, LABELS, SHEET_NAMES } from "./labels";
import { SheetBuilder } from "./sheetBuilder";
import { peopleSheet } from "./peopleSheet";
import { NOTE_MARKER, type EditPlan, type HighlightSeverity, type PlanHighlight, type PlanSheet, type PlanStyle, type PlanValue } from "./types";

export interface PlanOptions {
  report: Report;
  reading: WorkbookReading;
  summaries: Summaries;
  /** The as-of date. */
  asOf: PartialDate;
  /** The rule set's name for the sheets ("Nghị định 33/2023/NĐ-CP"). */
  ruleSetName: string;
  /** From the "Quy định" sheet when given. */
  agency?: string;
  place?: string;
  preparer?: string;
  head?: string;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** `String.prototype.localeCompare` with no locale, as one collator (the same order, made once). */
const localeOrder = new Intl.Collator().compare;

function dmy(d: PartialDate): string {
  const p = (n: number | undefined) => String(n ?? 1).padStart(2, "0");
  return `${p(d.day)}/${p(d.month)}/${d.year}`;
}

/**
 * Highlights: one per cell that has an error or warning finding, with a note listing every
 * finding of that cell; unit-level findings (a unit, no cell) go on the unit's row of the
 * quota sheet; info findings and column-wide findings stay in the findings sheet only.
 */
export function planHighlights(report: Report, reading: WorkbookReading): PlanHighlight[] {
  const quotaRowOf = new Map(reading.quotaRows.map((q) => [q.unitId, q]));
  const byCell = new Map<string, { sheet: string; row: number; col: number; findings: Finding[] }>();
  for (const f of report.findings) {
    if (f.severity === "info") continue;
    let sheet = f.sheet;
    let row = f.row;
    let col = f.column ? columnNumberOf(f.column) : undefined;
    if ((row === undefined || col === undefined) && f.unit !== undefined && f.row === undefined && f.column === undefined) {
      const q = quotaRowOf.get(f.unit);
      if (q) {
        sheet = q.sheet;
        row = q.row.row;
        col = q.row.unitCol;
      }
    }
    if (sheet === undefined || row === undefined || col === undefined) continue;
    const k = `${sheet}\u0000${row}\u0000${col}`;
    const e = byCell.get(k);
    if (e) e.findings.push(f);
    else byCell.set(k, { sheet, row, col, findings: [f] });
  }
  const out: PlanHighlight[] = [];
  for (const c of byCell.values()) {
    const severity: HighlightSeverity = c.findings.some((f) => f.severity === "error") ? "error" : "warning";
    const lines = [...c.findings]
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
      .map((f) => `• ${LABELS.findings.severity[f.severity]}: ${f.message}${f.basis ? ` (${f.basis})` : ""} [${f.rule}]`);
    out.push({ sheet: c.sheet, row: c.row, col: c.col, severity, note: `${NOTE_MARKER}\n${lines.join("\n")}` });
  }
  return out;
}

function columnNumberOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The findings sheet: one row per finding, errors first, with a link to the cell, as a table with filters. */
export function findingsSheet(o: PlanOptions): PlanSheet {
  const { report } = o;
  const widths = [6, 11, 24, 20, 24, 18, 8, 70, 30];
  const b = new SheetBuilder(widths.length);
  const t = report.totals ?? { errors: 0, warnings: 0, infos: 0, records: 0 };
  b.titleBlock(o.agency ?? LABELS.agencyDefault, LABELS.findings.title, [
    `${LABELS.asOf(dmy(o.asOf))} — ${LABELS.ruleSet(o.ruleSetName)}${report.file ? ` — ${LABELS.file(report.file.name)}` : ""}`,
    LABELS.findings.counts(t.errors, t.warnings, t.infos),
  ]);
  const headerRow = b.put([...LABELS.findings.headers], "header");
  const sheetOrder = new Map(report.sheets.map((s, i) => [s.name, i]));
  // Unit labels by id, the first unit of an id winning (as a search from the start would).
  const unitLabels = new Map<string, string>();
  for (const u of report.units) if (!unitLabels.has(u.id)) unitLabels.set(u.id, unitTitle(u));
  const unitLabel = (id: string | undefined): string => (id === undefined ? "" : (unitLabels.get(id) ?? id));
  const sorted = [...report.findings].sort(
    (a, c) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[c.severity] ||
      (sheetOrder.get(a.sheet ?? "") ?? -1) - (sheetOrder.get(c.sheet ?? "") ?? -1) ||
      (a.row ?? 0) - (c.row ?? 0) ||
      localeOrder(a.column ?? "", c.column ?? "") ||
      localeOrder(a.rule, c.rule),
  );
  sorted.forEach((f, i) => {
    const sevStyle: PlanStyle = f.severity === "error" ? "severityError" : f.severity === "warning" ? "severityWarning" : "severityInfo";
    const where = f.cell ?? (f.column ? `${f.column} (${f.count ?? ""} ô)` : "");
    const r = b.put([i + 1, LABELS.findings.severity[f.severity], f.rule, unitLabel(f.unit), f.person ?? "", f.sheet ?? "", where, f.message, f.basis ?? ""], ["integer", sevStyle, "text", "text", "text", "text", "text", "textWrap", "textWrap"]);
    if (f.sheet && (f.cell || f.column)) b.set(r, 7, where, "link", { sheet: f.sheet, cell: f.cell ?? `${f.column}1` });
  });
  if (sorted.length === 0) b.line(LABELS.findings.none, "italic");
  const lastRow = Math.max(headerRow + 1, b.row - 1);
  return b.toSheet("findings", SHEET_NAMES.findings, widths, {
    table: sorted.length > 0 ? { name: "KetQuaKiemTra", headerRow, firstColumn: 1, lastColumn: widths.length, lastRow } : undefined,
    freeze: { rows: headerRow, columns: 0 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: headerRow, to: headerRow } },
    tabColor: "C00000",
  });
}

function unitTitle(u: UnitReport): string {
  return `${u.kind ? u.kind[0].toUpperCase() + u.kind.slice(1) + " " : ""}${u.name}`;
}

type Staff = { cadreAndCivilServant: number; nonSpecializedCommune: number; nonSpecializedVillage: number };
function staffOf(u: UnitReport): Staff {
  return { cadreAndCivilServant: u.staff.cadre + u.staff.civilServant, nonSpecializedCommune: u.staff.nonSpecializedCommune, nonSpecializedVillage: u.staff.nonSpecializedVillage };
}

function diff(actual: number, assigned: number | undefined): [PlanValue, PlanStyle] {
  if (assigned === undefined) return [null, "integer"];
  const d = actual - assigned;
  return [d, d < 0 ? "shortage" : d > 0 ? "excess" : "integer"];
}

/**
 * "Tổng hợp biên chế": per unit and in total, for each category, the figures assigned by the
 * province and the district, the cap, the actual count and the difference against each, with
 * the note in the words offices use ("214/234, thiếu 20 so với tỉnh giao"), and a chart.
 */
export function staffingSheet(o: PlanOptions): PlanSheet {
  const units = o.report.units;
  // Columns: STT, Đơn vị, Loại | CBCC: tỉnh, huyện, tối đa, hiện có, ±tỉnh, ±huyện | KCT xã: same 6 | thôn: số thôn, định mức, hiện có, ±định mức | Ghi chú
  const widths = [5, 22, 7, 8, 8, 9, 8, 9, 9, 8, 8, 9, 8, 9, 9, 8, 9, 8, 9, 40];
  const b = new SheetBuilder(widths.length);
  b.titleBlock(o.agency ?? LABELS.agencyDefault, LABELS.staffing.title, [LABELS.asOf(dmy(o.asOf)), LABELS.ruleSet(o.ruleSetName)]);
  const L = LABELS.staffing;
  const h1 = b.row;
  const h2 = h1 + 1;
  const groupHeader = (col: number, span: number, text: string) => {
    b.set(h1, col, text, "header");
    for (let c = col + 1; c < col + span; c++) b.set(h1, c, null, "header");
    b.merge(h1, col, h1, col + span - 1);
  };
  for (const [c, text] of [[1, "STT"], [2, L.unit], [3, L.unitClass], [20, L.note]] as [number, string][]) {
    b.set(h1, c, text, "header");
    b.set(h2, c, null, "header");
    b.merge(h1, c, h2, c);
  }
  groupHeader(4, 6, L.groups.cadreAndCivilServant);
  groupHeader(10, 6, L.groups.nonSpecializedCommune);
  groupHeader(16, 4, L.groups.nonSpecializedVillage);
  const leaves6 = [L.province, L.district, L.cap, L.actual, L.vsProvince, L.vsDistrict];
  leaves6.forEach((t, i) => {
    b.set(h2, 4 + i, t, "header");
    b.set(h2, 10 + i, t, "header");
  });
  [L.villages, L.norm, L.actual, L.vsNorm].forEach((t, i) => b.set(h2, 16 + i, t, "header"));
  b.row = h2 + 1;
  const first = b.row;
  const totals = { q: [0, 0, 0], k: [0, 0, 0], v: [0, 0], staff: { cadreAndCivilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 0 } as Staff };
  const has = { qp: false, qd: false, qc: false, kp: false, kd: false, kc: false, vn: false, vv: false };
  units.forEach((u, i) => {
    const s = staffOf(u);
    const q: UnitQuota = u.quota ?? {};
    const cbcc = q.cadreAndCivilServant ?? {};
    const kct = q.nonSpecializedCommune ?? {};
    const vil = q.nonSpecializedVillage ?? {};
    const [d1, s1] = diff(s.cadreAndCivilServant, cbcc.province);
    const [d2, s2] = diff(s.cadreAndCivilServant, cbcc.district);
    const [d3, s3] = diff(s.nonSpecializedCommune, kct.province);
    const [d4, s4] = diff(s.nonSpecializedCommune, kct.district);
    const norm = vil.province ?? vil.cap;
    const [d5, s5] = diff(s.nonSpecializedVillage, norm);
    const notes = [
      compareText(s.cadreAndCivilServant, cbcc.province, "tỉnh giao"),
      compareText(s.cadreAndCivilServant, cbcc.district, "huyện giao"),
    ].filter((x): x is string => x !== undefined);
    b.put(
      [i + 1, unitTitle(u), u.communeClass ?? "", cbcc.province ?? null, cbcc.district ?? null, cbcc.cap ?? null, s.cadreAndCivilServant, d1, d2, kct.province ?? null, kct.district ?? null, kct.cap ?? null, s.nonSpecializedCommune, d3, d4, u.villages ?? null, norm ?? null, s.nonSpecializedVillage, d5, notes.join("; ")],
      ["integer", "text", "text", "integer", "integer", "integer", "integer", s1, s2, "integer", "integer", "integer", "integer", s3, s4, "integer", "integer", "integer", s5, "textWrap"],
    );
    const add = (arr: number[], idx: number, v: number | undefined, flag: keyof typeof has) => {
      if (v !== undefined) {
        arr[idx] += v;
        has[flag] = true;
      }
    };
    add(totals.q, 0, cbcc.province, "qp");
    add(totals.q, 1, cbcc.district, "qd");
    add(totals.q, 2, cbcc.cap, "qc");
    add(totals.k, 0, kct.province, "kp");
    add(totals.k, 1, kct.district, "kd");
    add(totals.k, 2, kct.cap, "kc");
    add(totals.v, 0, u.villages, "vv");
    add(totals.v, 1, norm, "vn");
    totals.staff.cadreAndCivilServant += s.cadreAndCivilServant;
    totals.staff.nonSpecializedCommune += s.nonSpecializedCommune;
    totals.staff.nonSpecializedVillage += s.nonSpecializedVillage;
  });
  const last = b.row - 1;
  const T = totals;
  const opt = (v: number, flag: boolean): number | null => (flag ? v : null);
  const [t1, ts1] = diff(T.staff.cadreAndCivilServant, has.qp ? T.q[0] : undefined);
  const [t2, ts2] = diff(T.staff.cadreAndCivilServant, has.qd ? T.q[1] : undefined);
  const [t3, ts3] = diff(T.staff.nonSpecializedCommune, has.kp ? T.k[0] : undefined);
  const [t4, ts4] = diff(T.staff.nonSpecializedCommune, has.kd ? T.k[1] : undefined);
  const [t5, ts5] = diff(T.staff.nonSpecializedVillage, has.vn ? T.v[1] : undefined);
  const totalNotes = [
    compareText(T.staff.cadreAndCivilServant, has.qp ? T.q[0] : undefined, "tỉnh giao"),
    compareText(T.staff.nonSpecializedCommune, has.kp ? T.k[0] : undefined, "tỉnh giao (KCT cấp xã)"),
    compareText(T.staff.nonSpecializedVillage, has.vn ? T.v[1] : undefined, "định mức (KCT thôn)"),
  ].filter((x): x is string => x !== undefined);
  const tot: PlanStyle = "totalInteger";
  b.put(
    [null, L.total, "", opt(T.q[0], has.qp), opt(T.q[1], has.qd), opt(T.q[2], has.qc), T.staff.cadreAndCivilServant, t1, t2, opt(T.k[0], has.kp), opt(T.k[1], has.kd), opt(T.k[2], has.kc), T.staff.nonSpecializedCommune, t3, t4, opt(T.v[0], has.vv), opt(T.v[1], has.vn), T.staff.nonSpecializedVillage, t5, totalNotes.join("; ")],
    [tot, "totalText", "totalText", tot, tot, tot, tot, ts1 === "integer" ? tot : ts1, ts2 === "integer" ? tot : ts2, tot, tot, tot, tot, ts3 === "integer" ? tot : ts3, ts4 === "integer" ? tot : ts4, tot, tot, tot, ts5 === "integer" ? tot : ts5, "textWrap"],
  );
  b.signatures(o.place ?? "……", o.asOf.day ? { day: o.asOf.day, month: o.asOf.month ?? 1, year: o.asOf.year } : { day: 1, month: 1, year: o.asOf.year }, o.preparer, o.head);
  const chartRow = b.row + 1;
  const sheet = b.toSheet("staffing", SHEET_NAMES.staffing, widths, {
    freeze: { rows: h2, columns: 2 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: h1, to: h2 } },
    tabColor: "1F4E78",
  });
  if (units.length > 0) {
    // The chart prints on a page of its own, not cut by the table's page break.
    sheet.pageBreaksBefore = [chartRow];
    sheet.chart = {
      title: L.chartTitle,
      categoryColumn: 2,
      firstRow: first,
      lastRow: last,
      series: [
        { column: 4, name: L.seriesAssigned },
        { column: 7, name: L.seriesActual },
      ],
      anchor: { row: chartRow, col: 2, widthCols: 12, heightRows: 18 },
    };
  }
  return sheet;
}

const PRO = ["doctor", "master", "university", "college", "intermediate", "elementary", "none", "unknown"] as const;
const POL = ["bachelor", "advanced", "intermediate", "elementary", "none", "unknown"] as const;
const SM = ["seniorSpecialist", "principalSpecialist", "specialist", "staff", "none", "unknown"] as const;
const AGE = ["upTo30", "from31To40", "from41To50", "from51ToRetirement", "overRetirement"] as const;

function qualityValues(q: QualityBlock): number[] {
  return [
    q.count,
    q.sex.female,
    q.ethnicMinority,
    q.partyMember,
    ...PRO.map((k) => q.professional[k]),
    ...POL.map((k) => q.politicalTheory[k]),
    ...SM.map((k) => q.stateManagement[k]),
    ...AGE.map((k) => q.ageBands[k]),
  ];
}

/**
 * "Chất lượng CBCC": per category a section with one row per unit and a total — counts by
 * professional level, political theory, state management, sex, minority, party membership,
 * age band, and the shares offices report — then the concurrency tallies.
 */
export function qualitySheet(o: PlanOptions): PlanSheet {
  const L = LABELS.quality;
  const groups: [string, readonly string[]][] = [
    [L.among, [L.female, L.minority, L.party]],
    [L.professional, L.professionalLeaves],
    [L.political, L.politicalLeaves],
    [L.stateMgmt, L.stateMgmtLeaves],
    [L.age, L.ageLeaves],
    [L.shares, L.shareLeaves],
  ];
  const width = 3 + groups.reduce((n, g) => n + g[1].length, 0);
  const widths = [5, 22, 8, ...Array.from({ length: width - 3 }, () => 7)];
  const b = new SheetBuilder(width);
  b.titleBlock(o.agency ?? LABELS.agencyDefault, L.title, [LABELS.asOf(dmy(o.asOf)), LABELS.ruleSet(o.ruleSetName)]);
  const h1 = b.row;
  const h2 = h1 + 1;
  for (const [c, text] of [[1, "STT"], [2, LABELS.staffing.unit], [3, L.total]] as [number, string][]) {
    b.set(h1, c, text, "header");
    b.set(h2, c, null, "header");
    b.merge(h1, c, h2, c);
  }
  let col = 4;
  for (const [g, leaves] of groups) {
    b.set(h1, col, g, "header");
    for (let c = col + 1; c < col + leaves.length; c++) b.set(h1, c, null, "header");
    b.merge(h1, col, h1, col + leaves.length - 1);
    leaves.forEach((t, i) => b.set(h2, col + i, t, "header"));
    col += leaves.length;
  }
  b.row = h2 + 1;
  const categories: QualityCategory[] = ["cadreAndCivilServant", "nonSpecializedCommune", "nonSpecializedVillage"];
  const valueStyles = (total: boolean): PlanStyle[] => [total ? "totalInteger" : "integer", total ? "totalText" : "text", ...Array.from({ length: width - 5 }, () => (total ? "totalInteger" : "integer") as PlanStyle), total ? "totalPercent" : "percent", total ? "totalPercent" : "percent", total ? "totalPercent" : "percent"];
  const shares = (q: QualityBlock): (number | null)[] =>
    q.count === 0 ? [null, null, null] : [q.professionalIntermediateOrAbove / q.count, q.politicalTheoryTrained / q.count, q.stateManagementTrained / q.count];
  for (const cat of categories) {
    b.line(L.sections[cat], "totalText");
    o.report.units.forEach((u, i) => {
      const q = o.summaries.quality.get(u.id)?.[cat];
      if (!q) return;
      const vals = qualityValues(q);
      const row: PlanValue[] = [i + 1, unitTitle(u), ...vals, ...shares(q)];
      const styles = valueStyles(false);
      styles[0] = "integer";
      styles[1] = "text";
      b.put(row, styles);
    });
    const tq = o.summaries.totalQuality[cat];
    const styles = valueStyles(true);
    styles[0] = "totalText";
    b.put([null, L.total, ...qualityValues(tq), ...shares(tq)], styles);
  }
  // Concurrency.
  b.row++;
  b.line(L.concurrencyTitle, "totalText");
  b.put([...L.concurrencyHeaders], "header");
  let villages = 0;
  let merged = 0;
  let committee = 0;
  let council = 0;
  o.report.units.forEach((u, i) => {
    const c = o.summaries.concurrency.get(u.id);
    if (!c) return;
    villages += c.villages;
    merged += c.villagesSecretaryIsHead;
    if (c.secretaryIsPeoplesCommitteeChair) committee++;
    if (c.secretaryIsPeoplesCouncilChair) council++;
    b.put([i + 1, unitTitle(u), c.villages, `${c.villagesSecretaryIsHead}/${c.villages}`, c.secretaryIsPeoplesCommitteeChair ? L.yes : L.no, c.secretaryIsPeoplesCouncilChair ? L.yes : L.no], ["integer", "text", "integer", "text", "text", "text"]);
  });
  const n = o.report.units.length;
  b.put([null, L.total, villages, `${merged}/${villages}`, `${committee}/${n}`, `${council}/${n}`], ["totalText", "totalText", "totalInteger", "totalText", "totalText", "totalText"]);
  b.signatures(o.place ?? "……", { day: o.asOf.day ?? 1, month: o.asOf.month ?? 1, year: o.asOf.year }, o.preparer, o.head);
  return b.toSheet("quality", SHEET_NAMES.quality, widths, {
    freeze: { rows: h2, columns: 2 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: h1, to: h2 } },
    tabColor: "375623",
  });
}

/** The whole plan: highlights, the findings sheet, the staffing and quality summaries. */
export function buildEditPlan(o: PlanOptions): EditPlan {
  const people = peopleSheet(o.report, o.reading, o.asOf, o.agency);
  return { highlights: planHighlights(o.report, o.reading), sheets: [findingsSheet(o), staffingSheet(o), qualitySheet(o), ...(people ? [people] : [])] };
}

