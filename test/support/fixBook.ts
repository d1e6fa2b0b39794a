/**
 * Rosters for the text-fix tests (issue 9 item 2), built in code: a Unicode sheet whose
 * professional-level column G holds "Đai học" three times, "Thac si" (read as Thạc sĩ), "Trung câp",
 * a value a suggestion would shorten and a formula; a TCVN3 sheet in .VnTime (header included),
 * with a misspelling and a note starting with "-" (which `Range.values` would take as a formula).
 */
import type { WorkbookGrid } from "../../src/core/grid";
import { encodeTcvn3 } from "../../src/core/text/legacy";
import { workbookGrid, serial, type SheetSpec } from "./grid";

const DATE = { numberFormat: "dd/mm/yyyy" };
const HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Chức vụ", "Trình độ chuyên môn", "Ghi chú"];

/** Full name, gender, ethnicity, professional level, note. */
export type FixPerson = [string, string, string, string, string?];

/** A roster of one commune: title rows, header (row 3), index row, persons from row 5. */
export function fixRoster(name: string, people: FixPerson[], extra: Partial<SheetSpec> = {}): SheetSpec {
  const rows: SheetSpec["rows"] = [["UBND XÃ QUẢNG LỢI"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2024"], HEADER, HEADER.map((_, i) => `(${i + 1})`)];
  const styles: Record<string, { numberFormat: string }> = {};
  people.forEach(([fullName, gender, ethnicity, level, note], i) => {
    rows.push([i + 1, fullName, serial(1970 + (i % 20), 3, 4), gender, ethnicity, "Công chức Văn phòng - thống kê", level, note]);
    styles[`C${5 + i}`] = DATE;
  });
  return { name, rows, styles, ...extra };
}

export const UNICODE_PEOPLE: FixPerson[] = [
  ["Nguyễn Văn An", "Nam", "Kinh", "Đai học"], // G5
  ["Trần Thị Bình", "Nữ", "Kinh", "Thac si"], // G6: read as Thạc sĩ (accents folded), no finding
  ["Lê Văn Cường", "Nam", "Tày", "Đai học"], // G7
  ["Phạm Thị Dung", "Nữ", "Kinh", "Trung câp"], // G8
  ["Hoàng Văn Em", "Nam", "Kinh", "Đai học"], // G9
  ["Vũ Thị Giang", "X", "Kinh", "Cao đẳg sư phạm"], // D10 gender hint only; G10 suggestion would drop "sư phạm"
  ["Đỗ Văn Hải", "Nam", "Kinh", "Đai học"], // G11: a formula's cached value
];

export const TCVN3_PEOPLE: FixPerson[] = [
  ["Nguyễn Thị Lan", "Nữ", "Kinh", "Đại học"],
  ["Bùi Văn Mạnh", "Nam", "Dao", "Trung cấp", "- Chờ xét nâng ngạch"],
  ["Ngô Thị Nga", "Nữ", "Kinh", "Đai học"], // misspelt, in TCVN3 too
];

/** A TCVN3 sheet (.VnTime everywhere, the title and header too) of these people. */
export function tcvn3Roster(name: string, people: FixPerson[]): SheetSpec {
  const sheet = fixRoster(name, people.map((p) => p.map((v) => (v === undefined ? v : encodeTcvn3(v))) as FixPerson), { font: ".VnTime" });
  sheet.rows = sheet.rows.map((r, i) => (i < 4 && r ? r.map((v) => (typeof v === "string" ? encodeTcvn3(v) : v)) : r));
  return sheet;
}

/** "DS CBCC" (Unicode) and "Xa Quang Loi" (TCVN3). */
export function fixBook(): WorkbookGrid {
  return workbookGrid([fixRoster("DS CBCC", UNICODE_PEOPLE, { formulas: { G11: '"Đai học"' } }), tcvn3Roster("Xa Quang Loi", TCVN3_PEOPLE)]);
}
