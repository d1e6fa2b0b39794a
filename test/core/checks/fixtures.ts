/**
 * Realistic district workbooks for the rule-set checks, built in code: a district list with one
 * section per commune (title block, header, "I. Xã …" section rows, total rows), a quota sheet
 * ("Định biên") with the headers offices use, and optionally a "Quy định" sheet.
 */
import type { CellValue } from "../../../src/core/grid";
import type { Report } from "../../../src/core/report/types";
import { validateWorkbook, type ValidateOptions } from "../../../src/core/engine";
import { workbookGrid, type SheetSpec } from "../../support/grid";
import { expectValidReport } from "../../support/reportSchema";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Ngọc"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Thủy", "Trung", "Tuấn", "Vân", "Yến"];

let counter = 0;
/** A distinct, plausible person: name and birth date. */
function nextPerson(): { name: string; birth: string } {
  const i = counter++;
  const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
  const birth = `${String((i % 28) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/${1966 + (i % 30)}`;
  return { name, birth };
}

export interface PersonSpec {
  post: string;
  village?: string;
  note?: string;
  /** The category column's value ("CB", "CC", "KCT"), when the sheet has one. */
  category?: string;
}

export const CADRE_POSTS = [
  "Bí thư Đảng ủy",
  "Phó Bí thư Đảng ủy",
  "Chủ tịch HĐND",
  "Phó Chủ tịch HĐND",
  "Chủ tịch UBND",
  "Phó Chủ tịch UBND",
  "Chủ tịch UBMTTQ",
  "Bí thư Đoàn TNCS Hồ Chí Minh",
  "Chủ tịch Hội Liên hiệp Phụ nữ",
  "Chủ tịch Hội Nông dân",
  "Chủ tịch Hội Cựu chiến binh",
];
export const CIVIL_POSTS = ["Chỉ huy trưởng Quân sự", "Văn phòng - thống kê", "Địa chính - xây dựng", "Tài chính - kế toán", "Tư pháp - hộ tịch", "Văn hóa - xã hội"];
const EXTRA_CIVIL = ["Văn phòng - thống kê", "Tư pháp - hộ tịch", "Văn hóa - xã hội", "Địa chính - nông nghiệp", "Tài chính - kế toán"];
const KCT_POSTS = ["Văn thư - lưu trữ", "Văn phòng Đảng ủy", "Phó Chủ tịch UBMTTQ", "Phó Chỉ huy trưởng Quân sự", "Phó Chủ tịch Hội Nông dân", "Trưởng Đài truyền thanh", "Chủ tịch Hội Người cao tuổi", "Phó Bí thư Đoàn"];
const VILLAGE_POSTS = ["Bí thư Chi bộ", "Trưởng thôn", "Trưởng ban công tác Mặt trận"];

/** n cán bộ + công chức: the 11 cadre posts, the 6 civil-servant titles, then second holders of the shareable titles. */
export function cbcc(n: number): PersonSpec[] {
  const posts = [...CADRE_POSTS, ...CIVIL_POSTS];
  for (let i = 0; posts.length < n; i++) posts.push(EXTRA_CIVIL[i % EXTRA_CIVIL.length]);
  return posts.slice(0, n).map((post) => ({ post }));
}

/** n commune-level non-specialized workers. */
export function kct(n: number): PersonSpec[] {
  return Array.from({ length: n }, (_, i) => ({ post: KCT_POSTS[i % KCT_POSTS.length] }));
}

/** Village workers: `perVillage` persons in each of the named villages. */
export function villageWorkers(villages: string[], perVillage = 3): PersonSpec[] {
  return villages.flatMap((village) => Array.from({ length: perVillage }, (_, i) => ({ post: VILLAGE_POSTS[i % VILLAGE_POSTS.length] + (i >= 3 ? " (thêm)" : ""), village })));
}

export interface UnitSpec {
  /** "Xã Quảng Lợi", "Phường Cửa Ông", "Thị trấn Đầm Hà". */
  label: string;
  people: PersonSpec[];
}

/** A district list: title block, header, one section per commune, a total row after each, a footer. */
export function districtList(units: UnitSpec[], options: { name?: string; title?: string; categoryColumn?: boolean } = {}): SheetSpec {
  const header: CellValue[] = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ, chức danh", "Thôn", "Ghi chú"];
  if (options.categoryColumn) header.push("Phân loại");
  const rows: (CellValue[] | undefined)[] = [
    ["UBND HUYỆN ĐẦM HÀ", undefined, undefined, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [options.title ?? "DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ"],
    undefined,
    header,
  ];
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
  units.forEach((u, k) => {
    rows.push([roman[k], u.label]);
    u.people.forEach((p, i) => {
      const who = nextPerson();
      const row: CellValue[] = [i + 1, who.name, who.birth, p.post, p.village, p.note];
      if (options.categoryColumn) row.push(p.category);
      rows.push(row);
    });
    rows.push([undefined, `Cộng: ${u.people.length} người`]);
  });
  rows.push(undefined, [undefined, undefined, undefined, "Đầm Hà, ngày 15 tháng 11 năm 2024"], [undefined, "NGƯỜI LẬP BIỂU"]);
  return { name: options.name ?? "DS CBCC", rows };
}

export interface QuotaSpec {
  code?: string;
  unit: string;
  cls?: string | number;
  mountainous?: boolean;
  villages?: number;
  cbccProvince?: number;
  cbccDistrict?: number;
  kctProvince?: number;
  kctDistrict?: number;
  kctVillage?: number;
  population?: number | string;
  area?: number | string;
  capCbcc?: number;
  viceChairs?: number;
}

/** Column letters of the quota sheet built by {@link quotaSheet}. */
export const QUOTA_COLUMNS = { code: "A", unit: "B", cls: "C", mountainous: "D", villages: "E", cbccProvince: "F", cbccDistrict: "G", kctProvince: "H", kctDistrict: "I", kctVillage: "J", population: "K", area: "L", capCbcc: "M", viceChairs: "N" } as const;

/** The quota sheet "Định biên" with the headers offices write; the first unit is on row 3. */
export function quotaSheet(rows: QuotaSpec[]): SheetSpec {
  return {
    name: "Định biên",
    rows: [
      ["BIÊN CHẾ, SỐ LƯỢNG NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH ĐƯỢC GIAO NĂM 2024"],
      [
        "Mã đơn vị", "Tên đơn vị", "Phân loại ĐVHC", "Miền núi, vùng DTTS", "Số thôn, tổ dân phố", "Biên chế CBCC tỉnh giao", "Biên chế CBCC huyện giao",
        "KCT cấp xã tỉnh giao", "KCT cấp xã huyện giao", "Người HĐKCT ở thôn (định mức)", "Dân số (người)", "Diện tích (km²)", "Số lượng CBCC tối đa", "Số Phó Chủ tịch UBND",
      ],
      ...rows.map((q) => [q.code, q.unit, q.cls, q.mountainous ? "x" : undefined, q.villages, q.cbccProvince, q.cbccDistrict, q.kctProvince, q.kctDistrict, q.kctVillage, q.population, q.area, q.capCbcc, q.viceChairs]),
      [undefined, "Tổng cộng"],
    ],
  };
}

/** The "Quy định" sheet the add-in writes: a title, a header, key / value rows from row 3. */
export function settingsSheet(entries: [string, CellValue][]): SheetSpec {
  return { name: "Quy định", rows: [["QUY ĐỊNH ÁP DỤNG CHO SỔ TÍNH NÀY"], ["Mã quy định", "Giá trị", "Ghi chú"], ...entries.map(([k, v]) => [k, v, "nhập tay"])] };
}

/** Validate sheets on a date; the report is checked against the schema. */
export function check(sheets: SheetSpec[], asOf: string, options: Partial<ValidateOptions> = {}): Report {
  const { report } = validateWorkbook(workbookGrid(sheets), { asOf, ...options });
  expectValidReport(report);
  return report;
}

/** Findings of one rule (or family prefix). */
export function findingsOf(report: Report, rule: string) {
  return report.findings.filter((f) => f.rule === rule || f.rule.startsWith(rule + "."));
}
