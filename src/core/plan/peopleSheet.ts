/**
 * "Danh sách cần lưu ý": the people past or near retirement age and those due for rotation, as
 * offices list them for the People's Committee — sorted by unit, post order and given name.
 */
import type { WorkbookReading } from "../reader";
import type { PersonRecord } from "../reader/records";
import { TITLES } from "../reader/titles";
import type { Finding, Report } from "../report/types";
import type { PartialDate } from "../text/dates";
import { SheetBuilder } from "./sheetBuilder";
import { LABELS } from "./labels";
import type { PlanSheet } from "./types";

export const PEOPLE_SHEET_NAME = "Danh sách cần lưu ý";

const SECTIONS: { title: string; rules: string[] }[] = [
  { title: "I. ĐÃ ĐẾN HOẶC QUÁ TUỔI NGHỈ HƯU", rules: ["retirement.pastAge"] },
  { title: "II. NGHỈ HƯU TRONG 12 THÁNG TỚI", rules: ["retirement.soon"] },
  { title: "III. ĐỀ NGHỊ LUÂN CHUYỂN, ĐIỀU ĐỘNG", rules: ["rotation.headTerms", "rotation.periodicChange"] },
];
const HEADERS = ["STT", "Họ và tên", "Đơn vị", "Chức vụ, chức danh", "Ngày sinh", "Nội dung", "Ô"];

/** Position of a title in the official order (Đảng ủy → HĐND → UBND → … → thôn); unknown titles last. */
const TITLE_ORDER = new Map(TITLES.map((t, i) => [t.id, i]));
/** Sort by unit order, post order, then given name (last word), then the rest of the name, Vietnamese collation. */
const collator = new Intl.Collator("vi", { sensitivity: "base" });

function givenName(name: string): [string, string] {
  const words = name.trim().split(/\s+/);
  return [words[words.length - 1] ?? "", words.slice(0, -1).join(" ")];
}

function dmy(d: PartialDate | undefined): string {
  if (!d) return "";
  const p = (n: number) => String(n).padStart(2, "0");
  return d.precision === "day" ? `${p(d.day!)}/${p(d.month!)}/${d.year}` : d.precision === "month" ? `${p(d.month!)}/${d.year}` : String(d.year);
}

/** The sheet, or undefined when nobody is past or near retirement or due for rotation. */
export function peopleSheet(report: Report, reading: WorkbookReading, asOf: PartialDate, agency: string | undefined): PlanSheet | undefined {
  // Records by sheet and row, only for the rows these sections list (not every person of the roster).
  const wanted = new Set(SECTIONS.flatMap((s) => s.rules));
  const rowsOf = new Map<string, Set<number>>();
  for (const f of report.findings) {
    if (!wanted.has(f.rule) || f.sheet === undefined || f.row === undefined) continue;
    const rows = rowsOf.get(f.sheet) ?? new Set<number>();
    rows.add(f.row);
    rowsOf.set(f.sheet, rows);
  }
  const recordAt = new Map<string, PersonRecord>();
  for (const r of reading.records) if (rowsOf.get(r.sheet)?.has(r.row)) recordAt.set(`${r.sheet}\u0000${r.row}`, r);
  const unitOrder = new Map(report.units.map((u, i) => [u.id, i]));
  const unitName = new Map(report.units.map((u) => [u.id, `${u.kind ? u.kind[0].toUpperCase() + u.kind.slice(1) + " " : ""}${u.name}`]));
  const widths = [5, 24, 20, 28, 12, 60, 10];
  const b = new SheetBuilder(widths.length);
  const d = (n: number | undefined) => String(n ?? 1).padStart(2, "0");
  b.titleBlock(agency ?? LABELS.agencyDefault, "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẦN LƯU Ý VỀ NGHỈ HƯU VÀ LUÂN CHUYỂN", [LABELS.asOf(`${d(asOf.day)}/${d(asOf.month)}/${asOf.year}`)]);
  let any = false;
  let headerRow: number | undefined;
  for (const section of SECTIONS) {
    const items = report.findings
      .filter((f) => section.rules.includes(f.rule) && f.sheet !== undefined && f.row !== undefined)
      .map((f) => ({ f, rec: recordAt.get(`${f.sheet}\u0000${f.row}`) }))
      .sort((a, c) => compareItems(a, c, unitOrder));
    if (items.length === 0) continue;
    any = true;
    b.line(section.title, "totalText");
    const h = b.put(HEADERS, "header");
    headerRow ??= h;
    items.forEach(({ f, rec }, i) => {
      const post = rec?.posts.map((p) => p.text).join(" kiêm ") ?? "";
      const r = b.put([i + 1, f.person ?? rec?.fullName ?? "", unitName.get(f.unit ?? "") ?? f.unit ?? "", post, dmy(rec?.birthDate), f.message, f.cell ?? ""], ["integer", "text", "text", "textWrap", "text", "textWrap", "link"]);
      if (f.sheet && f.cell) b.set(r, 7, f.cell, "link", { sheet: f.sheet, cell: f.cell });
    });
    b.row++;
  }
  if (!any) return undefined;
  return b.toSheet("people", PEOPLE_SHEET_NAME, widths, {
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, ...(headerRow ? { repeatRows: { from: headerRow, to: headerRow } } : {}) },
    tabColor: "7030A0",
  });
}

function compareItems(a: { f: Finding; rec?: PersonRecord }, c: { f: Finding; rec?: PersonRecord }, unitOrder: Map<string, number>): number {
  const ua = unitOrder.get(a.f.unit ?? "") ?? Number.MAX_SAFE_INTEGER;
  const uc = unitOrder.get(c.f.unit ?? "") ?? Number.MAX_SAFE_INTEGER;
  if (ua !== uc) return ua - uc;
  const pa = TITLE_ORDER.get(a.rec?.posts[0]?.titleId ?? "") ?? TITLES.length;
  const pc = TITLE_ORDER.get(c.rec?.posts[0]?.titleId ?? "") ?? TITLES.length;
  if (pa !== pc) return pa - pc;
  const [ga, ra] = givenName(a.f.person ?? a.rec?.fullName ?? "");
  const [gc, rc] = givenName(c.f.person ?? c.rec?.fullName ?? "");
  return collator.compare(ga, gc) || collator.compare(ra, rc);
}
