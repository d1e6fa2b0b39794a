/**
 * Detailed rosters for the person checks (issue 5): one row per person with the columns offices
 * keep — sex, ID number, levels, field, appointment date, term — built in code. Columns can be
 * left out to test a sheet without them.
 */
import type { CellValue } from "../../../src/core/grid";
import type { SheetSpec } from "../../support/grid";

export interface Person {
  name?: string;
  /** "15/08/1975", "09/1968", "1963", or an Excel serial. */
  birth?: CellValue;
  sex?: "Nam" | "Nữ";
  id?: string;
  ethnicity?: string;
  party?: CellValue;
  post?: string;
  village?: string;
  education?: string;
  professional?: string;
  field?: string;
  theory?: string;
  management?: string;
  /** The appointment date column ("Ngày bổ nhiệm"). */
  since?: CellValue;
  term?: CellValue;
  note?: string;
}

export const COLUMNS = {
  stt: "STT",
  name: "Họ và tên",
  birth: "Ngày sinh",
  sex: "Giới tính",
  id: "Số CCCD",
  ethnicity: "Dân tộc",
  party: "Ngày vào Đảng",
  post: "Chức vụ, chức danh",
  village: "Thôn",
  education: "Trình độ văn hóa",
  professional: "Trình độ chuyên môn",
  field: "Chuyên ngành",
  theory: "Lý luận chính trị",
  management: "Quản lý nhà nước",
  since: "Ngày bổ nhiệm",
  term: "Nhiệm kỳ thứ",
  note: "Ghi chú",
} as const;
export type Column = keyof typeof COLUMNS;

let counter = 0;
/** A distinct name for a person the test does not name. */
function nextName(): string {
  const given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga"];
  const i = counter++;
  return `${["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"][i % 6]} ${["Văn", "Thị", "Đức", "Minh"][Math.floor(i / 6) % 4]} ${given[Math.floor(i / 24) % given.length]}`;
}

/** A complete, unremarkable cadre: a man born 1980 with every standard met. */
export const FINE: Person = { birth: "15/06/1980", sex: "Nam", education: "12/12", professional: "Đại học", field: "Luật", theory: "Trung cấp", management: "Chuyên viên" };

/**
 * A roster sheet: title, header row (row 3), a section row per unit, people from the next row.
 * The first person of the first unit is on row 5.
 */
export function roster(units: { label: string; people: Person[] }[], options: { omit?: Column[]; name?: string } = {}): SheetSpec {
  const cols = (Object.keys(COLUMNS) as Column[]).filter((c) => !options.omit?.includes(c));
  const rows: (CellValue[] | undefined)[] = [["DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"], undefined, cols.map((c) => COLUMNS[c])];
  const roman = ["I", "II", "III", "IV"];
  units.forEach((u, k) => {
    rows.push([roman[k], u.label]);
    u.people.forEach((p, i) => {
      const full: Record<Column, CellValue> = { ...(p as Record<string, CellValue>), stt: i + 1, name: p.name ?? nextName() } as Record<Column, CellValue>;
      rows.push(cols.map((c) => full[c]));
    });
  });
  return { name: options.name ?? "DS CBCC", rows };
}

/** Column letter of a column in a {@link roster} built with the same `omit`. */
export function letter(column: Column, omit: Column[] = []): string {
  const cols = (Object.keys(COLUMNS) as Column[]).filter((c) => !omit.includes(c));
  return String.fromCharCode(65 + cols.indexOf(column));
}
