/**
 * The "Đào tạo, bồi dưỡng" sheet (the report's training block) and the "Biến động" sheet
 * (year-over-year changes), issue 12. Pure data for the adapters.
 */
import type { DiffResult } from "../diff";
import { CHANGE_KINDS } from "../diff";
import type { TrainingReport } from "../report/types";
import { LABELS, LABELS_ISSUE12 } from "./labels";
import { SheetBuilder } from "./sheetBuilder";
import type { PlanSheet, PlanValue } from "./types";

const T = LABELS_ISSUE12.training;
const C = LABELS_ISSUE12.changes;

/** The training sheet from the report's `training` block. */
export function trainingSheet(t: TrainingReport, o: { asOf: string; agency?: string }): PlanSheet {
  const b = new SheetBuilder(4);
  b.titleBlock(o.agency ?? LABELS.agencyDefault, T.title, [T.since(t.since, o.asOf)]);
  b.line(T.totals(t.people, t.attendances), "plain");
  b.line(T.linked(t.linked, t.unlinked), "plain");
  b.row++;
  const table = (title: string, rows: [string, number, number][]) => {
    b.line(title, "totalText");
    b.put(T.headers as unknown as PlanValue[], "header");
    for (const r of rows) b.put(r, ["text", "integer", "integer"]);
    b.row++;
  };
  table(T.byType, (Object.keys(T.types) as (keyof typeof T.types)[]).map((k) => [T.types[k], t.byType[k].people, t.byType[k].attendances]));
  table(T.byLevel, (Object.keys(T.levels) as (keyof typeof T.levels)[]).map((k) => [T.levels[k], t.byLevel[k].people, t.byLevel[k].attendances]));
  table(T.byYear, t.byYear.map((y) => [T.year(y.year), y.people, y.attendances]));
  if (t.classes.length > 0) {
    b.line(T.classes, "totalText");
    b.put(T.classHeaders as unknown as PlanValue[], "header");
    for (const c of t.classes) b.put([c.name, c.year ?? null, c.size], ["textWrap", "integer", "integer"]);
    b.row++;
  }
  b.line(T.raised, "totalText");
  b.put(T.raisedHeaders as unknown as PlanValue[], "header");
  for (const k of Object.keys(T.groups) as (keyof typeof T.groups)[]) {
    const g = t.qualificationRaised[k];
    b.put([T.groups[k], g.count, g.raised, g.share], ["text", "integer", "integer", "percent"]);
  }
  b.line(T.rosterNotUpdated(t.rosterNotUpdated), "plain");
  return b.toSheet("training", LABELS_ISSUE12.trainingSheet, [48, 12, 14, 10]);
}

const dmy = (iso: string | undefined) => (iso ? iso.split("-").reverse().join("/") : "");

/** The "Biến động" sheet of a diff: counts per unit and per category, then the list of changes. */
export function changesSheet(d: DiffResult, o: { oldName: string; newName: string; agency?: string }): PlanSheet {
  const width = 9;
  const b = new SheetBuilder(width);
  b.titleBlock(o.agency ?? LABELS.agencyDefault, C.title, [C.files(o.oldName, o.newName), C.persons(d.old.persons, d.new.persons, d.matched)]);
  const kindHeaders = CHANGE_KINDS.map((k) => C.kinds[k]);
  b.line(C.byUnit, "totalText");
  b.put([C.unit, ...kindHeaders, C.movedOut], "header");
  for (const u of d.byUnit) b.put([u.unit === "" ? C.noUnit : u.unit, ...CHANGE_KINDS.map((k) => u.counts[k]), u.movedOut], ["text", "integer", "integer", "integer", "integer", "integer", "integer"]);
  b.put([C.total, ...CHANGE_KINDS.map((k) => d.counts[k]), d.byUnit.reduce((n, u) => n + u.movedOut, 0)], ["totalText", "totalInteger", "totalInteger", "totalInteger", "totalInteger", "totalInteger", "totalInteger"]);
  b.row++;
  b.line(C.byCategory, "totalText");
  b.put([C.category, ...kindHeaders], "header");
  for (const k of Object.keys(C.categories) as (keyof typeof C.categories)[]) b.put([C.categories[k], ...CHANGE_KINDS.map((c) => d.byCategory[k][c])], ["text", "integer", "integer", "integer", "integer", "integer"]);
  b.row++;
  b.line(C.list, "totalText");
  const headerRow = b.put(C.listHeaders as unknown as PlanValue[], "header");
  if (d.changes.length === 0) b.line(C.none, "text");
  d.changes.forEach((c, i) => {
    const what = c.qualification ? c.qualification.map((q) => `${C.fields[q.field]}: ${q.from ?? "?"} → ${q.to ?? "?"} (${C.direction[q.direction]})`).join("; ") : "";
    b.put([i + 1, C.kinds[c.kind], c.person, dmy(c.birth), c.oldUnit ?? "", c.newUnit ?? "", (c.oldPosts ?? []).join(", "), (c.newPosts ?? []).join(", "), what], ["integer", "text", "text", "text", "text", "text", "textWrap", "textWrap", "textWrap"]);
  });
  const last = b.row - 1;
  return b.toSheet("changes", LABELS_ISSUE12.changesSheet, [6, 18, 24, 12, 20, 20, 26, 26, 40], {
    ...(d.changes.length > 0 ? { table: { name: "BienDong", headerRow, firstColumn: 1, lastColumn: width, lastRow: last } } : {}),
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: headerRow, to: headerRow } },
  });
}
