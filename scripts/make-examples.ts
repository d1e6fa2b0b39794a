/**
 * Builds the demo workbooks in `examples/` (run: `npx tsx scripts/make-examples.ts`):
 *
 * - `examples/dam-ha-2017.xlsx`: the district workbook of Đầm Hà (Quảng Ninh) at 31/12/2017,
 *   ND 92/2009 in force. Ten units (thị trấn Đầm Hà and the xã Đầm Hà, Đại Bình, Dực Yên,
 *   Quảng An, Quảng Lâm, Quảng Lợi, Quảng Tân, Tân Bình, Tân Lập; codes of the national list).
 *   Sheets, in the layouts offices keep:
 *   1. "DS CBCC xã": the district list of cadres and civil servants (title block, two-row merged
 *      header, column-number row, a Roman-numeral section per unit with "Cán bộ chuyên trách" /
 *      "Công chức" sub-sections, "Cộng" rows, "TỔNG CỘNG", footer); birth date in the Nam or Nữ
 *      column; political theory and state management as one-hot "x" columns.
 *   2. "DS KCT xã": non-specialized workers at commune level, one row per person with a unit
 *      column ("TT Đầm Hà", "Xã Đầm Hà", bare names), birth year or date in one column.
 *   3. "DS KCT thôn": non-specialized workers in villages, a section per unit and per village.
 *   4. "Quang Lam": xã Quảng Lâm's own list (all categories) in TCVN3 (.VnTime / .VnTimeH), as it
 *      came from the commune's old machine.
 *   5. "Định biên": the quota sheet (province and district figures, class, villages).
 *   The report reproduces the seed article's figures (see test/examples/examples.test.ts); the
 *   workbook also holds a few mistakes for the validation to find (listed in `PROBLEMS_2017`).
 * - `examples/xa-dam-ha-2026.xlsx`: one merged commune of the two-level government (Luật
 *   80/2025, from 01/07/2025) at 31/03/2026: cadres, civil servants in employment positions,
 *   the last commune-level non-specialized workers, village workers, and a quota sheet with the
 *   province's figures only (no district any more).
 *
 * People, birth dates, village names (except xã Đầm Hà's nine thôn) and the merged commune's
 * composition are invented. Output is deterministic: a seeded generator, fixed document dates
 * and zip entries re-packed with a fixed time, so a re-run gives the same bytes.
 */
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { encodeTcvn3 } from "../src/core/text/legacy";

// ---------------------------------------------------------------------------------------------
// Deterministic helpers

/** mulberry32: small, seeded, the same sequence on every platform. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `n` distinct items, in their original order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const idx = items.map((_x, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx
      .slice(0, n)
      .sort((a, b) => a - b)
      .map((i) => items[i]);
  }
}

/** Fixed time of the zip entries and of the document properties. */
const FIXED_TIME = new Date(Date.UTC(2018, 0, 8, 2, 0, 0));

/**
 * Re-pack ExcelJS output with fixed entry times (same entries, order and content). Zip entry
 * times are local-time fields (fflate reads them with getHours()), so the time is rebuilt from
 * fixed local components: the bytes do not depend on the machine's time zone.
 */
function stableZip(bytes: Uint8Array, time: Date): Uint8Array {
  const mtime = new Date(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate(), time.getUTCHours(), time.getUTCMinutes(), 0);
  const files = unzipSync(bytes);
  const out: Record<string, [Uint8Array, { level: 9 }]> = {};
  for (const [name, data] of Object.entries(files)) out[name] = [data, { level: 9 }];
  return zipSync(out, { mtime });
}

async function finish(wb: ExcelJS.Workbook, created: Date): Promise<Uint8Array> {
  wb.creator = "Phòng Nội vụ";
  wb.lastModifiedBy = "Phòng Nội vụ";
  wb.created = created;
  wb.modified = created;
  const buf = await wb.xlsx.writeBuffer();
  return stableZip(new Uint8Array(buf as ArrayBuffer), created);
}

// ---------------------------------------------------------------------------------------------
// Sheet styling

const TNR = "Times New Roman";
const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };

interface Style {
  font?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  h?: "left" | "center" | "right";
  wrap?: boolean;
  border?: boolean;
  numFmt?: string;
}

type Value = string | number | Date | ExcelJS.CellFormulaValue | undefined;

function put(ws: ExcelJS.Worksheet, r: number, c: number, value: Value, st: Style = {}): void {
  const cell = ws.getCell(r, c);
  if (value !== undefined && value !== "") cell.value = value;
  cell.font = { name: st.font ?? TNR, size: st.size ?? 12, ...(st.bold ? { bold: true } : {}), ...(st.italic ? { italic: true } : {}) };
  cell.alignment = { vertical: "middle", ...(st.h ? { horizontal: st.h } : {}), ...(st.wrap ? { wrapText: true } : {}) };
  if (st.border) cell.border = THIN;
  if (st.numFmt) cell.numFmt = st.numFmt;
}

function merge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  ws.mergeCells(top, left, bottom, right);
}

function printSetup(ws: ExcelJS.Worksheet, headerRows: string): void {
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: headerRows, margins: { left: 0.4, right: 0.3, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } };
}

// ---------------------------------------------------------------------------------------------
// People

type Sex = "Nam" | "Nữ";
type Category = "cadre" | "civilServant" | "nonSpecializedCommune" | "nonSpecializedVillage";
type Llct = "" | "Sơ cấp" | "Trung cấp" | "Cao cấp" | "Cử nhân" | "Chưa";
type Qlnn = "" | "Cán sự" | "Chuyên viên" | "Chuyên viên chính" | "Chưa";
/** How the birth date is written: a real date cell, text in two spellings, the year alone, a two-digit year. */
type BirthForm = "date" | "text" | "loose" | "dots" | "year" | "yy";

interface Ymd {
  y: number;
  m: number;
  d: number;
}

interface Person {
  name: string;
  sex: Sex;
  ethnicity: string;
  birth: Ymd;
  birthForm: BirthForm;
  /** Written instead of the date (an impossible date). */
  birthRaw?: string;
  position: string;
  /** The role the person was generated for (for choosing who lacks what). */
  role: string;
  category: Category;
  village?: string;
  edu: string;
  prof: string;
  llct: Llct;
  qlnn: Qlnn;
  party?: Ymd;
  since?: string;
  note?: string;
  idNumber?: string;
  /** The name cell is left empty (a deliberate mistake). */
  nameMissing?: boolean;
}

const SURNAMES_KINH = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Phan", "Đinh", "Trịnh", "Lương", "Tô", "Hà", "Mai", "Nguyễn", "Trần", "Phạm", "Vũ"];
const SURNAMES: Record<string, readonly string[]> = {
  Kinh: SURNAMES_KINH,
  Dao: ["Bàn", "Triệu", "Lý", "Đặng", "Chìu", "Phùn", "Dương"],
  "Sán Chỉ": ["Voòng", "Tằng", "Hoàng", "Lỷ", "Sằm", "Chíu"],
  Tày: ["Hoàng", "Nông", "Lục", "Hà", "Lương", "Ninh"],
  "Sán Dìu": ["Trương", "Diệp", "Lưu", "Tạ", "Lam"],
  Hoa: ["Lâm", "Trương", "Lưu", "Hứa"],
};
const MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Ngọc", "Hữu", "Công", "Văn", "Văn", "Tiến", "Mạnh"];
const MIDDLE_F = ["Thị", "Thị", "Thị", "Thị Thu", "Thị Minh", "Thị Thanh", "Thị Ngọc", "Thị Hồng", "Thu", "Thị Kim"];
const GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Thắng", "Hải", "Sơn", "Long", "Minh", "Quang", "Thành", "Trung", "Kiên", "Cường", "Hiếu", "Phong", "Toàn", "Bình", "Đức", "Lâm", "Tiến", "Hưng", "Khánh", "Nam", "Vinh", "Chiến", "Lợi", "Thịnh", "Tâm", "Hoàng", "Huy", "Quý", "Sinh", "Lộc", "Phúc", "Tài", "Thuận", "Trường", "Việt", "Đông", "Giang"];
const GIVEN_F = ["Lan", "Hương", "Hà", "Thủy", "Hạnh", "Nga", "Mai", "Huyền", "Thảo", "Trang", "Phương", "Liên", "Yến", "Hằng", "Linh", "Oanh", "Nhung", "Thu", "Hoa", "Dung", "Loan", "Hiền", "Tuyết", "Vân", "Quyên", "Hồng", "Ngân", "Nhàn"];

/** The roles of the generator, with who usually holds them (sex, age at the end of 2017). */
interface Role {
  position: string;
  category: Category;
  sexMale: number;
  age: [number, number];
}

const R = (position: string, category: Category, sexMale: number, age: [number, number]): Role => ({ position, category, sexMale, age });

const ROLES = {
  bt: R("Bí thư Đảng ủy", "cadre", 0.9, [42, 57]),
  pbtTt: R("Phó Bí thư Thường trực Đảng ủy", "cadre", 0.8, [38, 55]),
  pbt: R("Phó Bí thư Đảng ủy", "cadre", 0.7, [35, 52]),
  ctHd: R("Chủ tịch HĐND", "cadre", 0.85, [40, 57]),
  pctHd: R("Phó Chủ tịch HĐND", "cadre", 0.6, [35, 55]),
  ctUb: R("Chủ tịch UBND", "cadre", 0.9, [38, 55]),
  pctUb: R("Phó Chủ tịch UBND", "cadre", 0.75, [32, 52]),
  mttq: R("Chủ tịch UBMTTQ", "cadre", 0.7, [40, 56]),
  doan: R("Bí thư Đoàn TNCS Hồ Chí Minh", "cadre", 0.6, [25, 31]),
  pn: R("Chủ tịch Hội Liên hiệp Phụ nữ", "cadre", 0, [32, 50]),
  nd: R("Chủ tịch Hội Nông dân", "cadre", 0.85, [38, 56]),
  ccb: R("Chủ tịch Hội Cựu chiến binh", "cadre", 1, [50, 59]),
  ca: R("Trưởng Công an xã", "civilServant", 1, [30, 50]),
  qs: R("Chỉ huy trưởng Quân sự", "civilServant", 1, [28, 48]),
  vptk: R("Văn phòng - thống kê", "civilServant", 0.45, [25, 45]),
  dc: R("Địa chính - nông nghiệp - xây dựng và môi trường", "civilServant", 0.7, [26, 48]),
  tckt: R("Tài chính - kế toán", "civilServant", 0.3, [26, 48]),
  tpht: R("Tư pháp - hộ tịch", "civilServant", 0.5, [25, 45]),
  vhxh: R("Văn hóa - xã hội", "civilServant", 0.45, [25, 45]),
  // Non-specialized at commune level (titles set by the province under ND 92).
  pchtQs: R("Phó Chỉ huy trưởng Quân sự", "nonSpecializedCommune", 1, [25, 45]),
  ptCa: R("Phó Trưởng Công an xã", "nonSpecializedCommune", 1, [28, 50]),
  vanThu: R("Văn thư - lưu trữ - thủ quỹ", "nonSpecializedCommune", 0.2, [24, 45]),
  vpDu: R("Văn phòng Đảng ủy", "nonSpecializedCommune", 0.4, [26, 48]),
  pctMt: R("Phó Chủ tịch UBMTTQ", "nonSpecializedCommune", 0.5, [35, 58]),
  pbtDoan: R("Phó Bí thư Đoàn TNCS Hồ Chí Minh", "nonSpecializedCommune", 0.5, [22, 30]),
  pctPn: R("Phó Chủ tịch Hội Liên hiệp Phụ nữ", "nonSpecializedCommune", 0, [28, 50]),
  pctNd: R("Phó Chủ tịch Hội Nông dân", "nonSpecializedCommune", 0.7, [35, 58]),
  pctCcb: R("Phó Chủ tịch Hội Cựu chiến binh", "nonSpecializedCommune", 1, [50, 62]),
  dai: R("Trưởng Đài truyền thanh", "nonSpecializedCommune", 0.6, [25, 50]),
  nct: R("Chủ tịch Hội Người cao tuổi", "nonSpecializedCommune", 0.85, [60, 68]),
  ctd: R("Chủ tịch Hội Chữ thập đỏ", "nonSpecializedCommune", 0.5, [35, 58]),
  ubkt: R("Phó Chủ nhiệm UBKT Đảng ủy", "nonSpecializedCommune", 0.6, [35, 55]),
  // Villages.
  btTt: R("Bí thư Chi bộ kiêm Trưởng thôn", "nonSpecializedVillage", 0.85, [35, 64]),
  mt: R("Trưởng ban công tác Mặt trận", "nonSpecializedVillage", 0.55, [35, 66]),
  ptt: R("Phó trưởng thôn", "nonSpecializedVillage", 0.7, [30, 55]),
} satisfies Record<string, Role>;

type RoleKey = keyof typeof ROLES;

/** Commune-level non-specialized posts, most common first; a unit fills the first N. */
const KCT_ORDER: RoleKey[] = ["pchtQs", "ptCa", "vanThu", "pctMt", "pctPn", "pctNd", "pbtDoan", "vpDu", "pctCcb", "dai", "ctd", "nct", "ubkt"];

const AS_OF_2017: Ymd = { y: 2017, m: 12, d: 31 };

/** Posts given to a woman on purpose (unit code : role). */
const FORCED_SEX: Record<string, Sex> = { "06910:tckt": "Nữ", "06904:tpht": "Nữ", "06895:vhxh": "Nữ", "06913:pn": "Nữ" };

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
function dmy(d: Ymd): string {
  return `${pad2(d.d)}/${pad2(d.m)}/${d.y}`;
}
function utc(d: Ymd): Date {
  return new Date(Date.UTC(d.y, d.m - 1, d.d));
}
function randomDay(rng: Rng, y: number): Ymd {
  const m = rng.int(1, 12);
  const d = rng.int(1, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
  return { y, m, d };
}

class People {
  private readonly used = new Set<string>();
  constructor(
    private readonly rng: Rng,
    private readonly asOf: Ymd,
  ) {}

  name(sex: Sex, ethnicity: string): string {
    for (let i = 0; i < 200; i++) {
      const sur = this.rng.pick(SURNAMES[ethnicity] ?? SURNAMES_KINH);
      const mid = this.rng.pick(sex === "Nam" ? MIDDLE_M : MIDDLE_F);
      const given = this.rng.pick(sex === "Nam" ? GIVEN_M : GIVEN_F);
      const full = `${sur} ${mid} ${given}`;
      if (!this.used.has(full)) {
        this.used.add(full);
        return full;
      }
    }
    throw new Error("names exhausted");
  }

  make(role: Role, o: { ethnicity: string; position?: string; village?: string; sex?: Sex; roleKey: string }): Person {
    const rng = this.rng;
    const sex: Sex = o.sex ?? (rng.chance(role.sexMale) ? "Nam" : "Nữ");
    const lo = role.age[0];
    let hi = role.age[1];
    // Cadres and civil servants serve below the retirement age of the time (60 / 55 before 2021).
    if (role.category === "cadre" || role.category === "civilServant") hi = Math.min(hi, sex === "Nam" ? 59 : 54);
    const age = rng.int(lo, Math.max(lo, hi));
    const birth = randomDay(rng, this.asOf.y - age - 1 + (rng.chance(0.5) ? 1 : 0));
    // Keep the age inside [lo, hi] whatever the day.
    if (this.asOf.y - birth.y > hi) birth.y = this.asOf.y - hi;
    const p: Person = {
      name: this.name(sex, o.ethnicity),
      sex,
      ethnicity: o.ethnicity,
      birth,
      birthForm: "date",
      position: o.position ?? role.position,
      role: o.roleKey,
      category: role.category,
      edu: "12/12",
      prof: "",
      llct: "",
      qlnn: "",
    };
    if (o.village) p.village = o.village;
    return p;
  }
}

/** Professional levels by role: mostly university or intermediate, as the seed article reports. */
const PROF: Partial<Record<RoleKey, string[]>> = {
  bt: ["Đại học Luật", "Đại học Kinh tế", "Cử nhân Chính trị", "Đại học Hành chính", "Thạc sĩ Quản lý kinh tế"],
  pbtTt: ["Đại học Luật", "Cử nhân Chính trị", "Đại học Kinh tế"],
  pbt: ["Đại học Hành chính", "Trung cấp Hành chính", "Đại học Nông nghiệp"],
  ctHd: ["Đại học Luật", "Đại học Kinh tế", "Trung cấp Hành chính"],
  pctHd: ["Trung cấp Hành chính", "Đại học Luật", "Trung cấp Luật"],
  ctUb: ["Đại học Kinh tế", "Kỹ sư Nông nghiệp", "Đại học Luật", "Đại học Quản lý đất đai"],
  pctUb: ["Kỹ sư Lâm nghiệp", "Đại học Kinh tế", "Đại học Xây dựng", "Trung cấp Nông lâm", "Đại học Quản lý đất đai"],
  mttq: ["Trung cấp Hành chính", "Đại học Hành chính", "Trung cấp Luật"],
  doan: ["Đại học Sư phạm", "Cao đẳng Sư phạm", "Đại học Công tác xã hội"],
  pn: ["Trung cấp Hành chính", "Đại học Hành chính", "Cao đẳng Kinh tế"],
  nd: ["Trung cấp Nông nghiệp", "Kỹ sư Nông nghiệp", "Trung cấp Chăn nuôi thú y"],
  ccb: ["Trung cấp Quân sự", "Trung cấp Hành chính"],
  ca: ["Trung cấp Công an", "Trung cấp Luật"],
  qs: ["Trung cấp Quân sự cơ sở", "Cao đẳng Quân sự cơ sở"],
  vptk: ["Đại học Hành chính", "Trung cấp Văn thư lưu trữ", "Cao đẳng Văn thư", "Đại học Quản trị văn phòng"],
  dc: ["Kỹ sư Quản lý đất đai", "Trung cấp Địa chính", "Đại học Quản lý đất đai", "Kỹ sư Nông nghiệp"],
  tckt: ["Đại học Kế toán", "Trung cấp Kế toán", "Đại học Tài chính"],
  tpht: ["Đại học Luật", "Trung cấp Luật"],
  vhxh: ["Đại học Văn hóa", "Cao đẳng Văn hóa", "Đại học Công tác xã hội", "Trung cấp Văn hóa"],
};

const LLCT_BY_ROLE: Partial<Record<RoleKey, Llct[]>> = {
  bt: ["Cao cấp", "Cao cấp", "Trung cấp", "Cử nhân"],
  pbtTt: ["Trung cấp", "Cao cấp"],
  pbt: ["Trung cấp"],
  ctHd: ["Trung cấp", "Cao cấp"],
  ctUb: ["Trung cấp", "Cao cấp"],
  pctHd: ["Trung cấp"],
  pctUb: ["Trung cấp"],
  mttq: ["Trung cấp"],
  doan: ["Sơ cấp", "Trung cấp"],
  pn: ["Trung cấp", "Sơ cấp"],
  nd: ["Trung cấp", "Sơ cấp"],
  ccb: ["Trung cấp", "Sơ cấp"],
};

function qualify(rng: Rng, p: Person, key: RoleKey): void {
  if (p.category === "cadre" || p.category === "civilServant") {
    p.edu = rng.chance(0.08) && p.birth.y < 1968 ? "10/10" : "12/12";
    p.prof = rng.pick(PROF[key] ?? ["Trung cấp Hành chính"]);
    p.llct = rng.pick(LLCT_BY_ROLE[key] ?? ["Sơ cấp", "Sơ cấp", "Trung cấp"]);
    p.qlnn = key === "bt" && rng.chance(0.4) ? "Chuyên viên chính" : rng.chance(0.8) ? "Chuyên viên" : "Cán sự";
    const joined = Math.min(AS_OF_2017.y - 1, p.birth.y + rng.int(22, 30));
    if (p.category === "cadre" || rng.chance(0.8)) p.party = randomDay(rng, joined);
  } else if (p.category === "nonSpecializedCommune") {
    p.edu = rng.chance(0.85) ? "12/12" : "9/12";
    p.prof = rng.pick(["Trung cấp Hành chính", "Trung cấp Văn thư", "Sơ cấp Quân sự", "Trung cấp Kế toán", "", "", "Cao đẳng Kinh tế"]);
    if (key === "pchtQs") p.prof = rng.pick(["Trung cấp Quân sự cơ sở", "Sơ cấp Quân sự"]);
    if (key === "ptCa") p.prof = rng.pick(["Trung cấp Công an", "Sơ cấp Công an"]);
    p.llct = rng.pick(["Sơ cấp", "Sơ cấp", "Trung cấp", ""]);
    p.party = rng.chance(0.7) ? randomDay(rng, Math.min(2016, p.birth.y + rng.int(22, 32))) : undefined;
  } else {
    p.edu = rng.pick(["12/12", "12/12", "9/12", "10/10", "7/10"]);
    p.prof = rng.pick(["", "", "", "Sơ cấp Nông nghiệp", "Trung cấp Nông lâm"]);
    p.llct = rng.pick(["Sơ cấp", "", ""]);
  }
}

// ---------------------------------------------------------------------------------------------
// Đầm Hà 2017: the units

type Merge = "committee" | "council" | null;

interface Unit2017 {
  code: string;
  kind: "thị trấn" | "xã";
  name: string;
  cls: "I" | "II" | "III";
  mountain: boolean;
  villages: string[];
  /** The party secretary also chairs the People's Committee ("committee") or Council ("council"). */
  merge: Merge;
  /** A second deputy party secretary besides the standing one. */
  pbt2: boolean;
  /** Vice-chairs of the People's Committee (ND 08/2016: class I up to 2, else 1). */
  pct: 1 | 2;
  /** A second "Văn phòng - thống kê" (the office and the statistics side). */
  vptk2: boolean;
  /** Commune-level non-specialized workers serving. */
  kct: number;
  /** Villages with a third worker ("Phó trưởng thôn"). */
  villageExtras: number;
  quota: { cbccProvince: number; cbccDistrict: number; kctProvince: number; kctDistrict: number };
  /** Ethnic mix of the people. */
  ethnic: Record<string, number>;
}

const v = (prefix: string, names: string[]): string[] => names.map((n) => `${prefix} ${n}`);

/** The ten units in the order of the national list (codes 06895–06919). */
export const UNITS_2017: readonly Unit2017[] = [
  { code: "06895", kind: "thị trấn", name: "Đầm Hà", cls: "I", mountain: false, villages: v("Khu phố", ["1", "2", "3", "4", "5", "6", "7", "8"]), merge: "committee", pbt2: true, pct: 2, vptk2: true, kct: 12, villageExtras: 0, quota: { cbccProvince: 25, cbccDistrict: 24, kctProvince: 22, kctDistrict: 12 }, ethnic: { Kinh: 0.85, Tày: 0.06, Hoa: 0.04, "Sán Dìu": 0.05 } },
  { code: "06898", kind: "xã", name: "Quảng Lâm", cls: "I", mountain: true, villages: v("Thôn", ["1", "2", "3", "4", "5", "6", "7"]), merge: "committee", pbt2: true, pct: 2, vptk2: false, kct: 10, villageExtras: 0, quota: { cbccProvince: 24, cbccDistrict: 23, kctProvince: 21, kctDistrict: 12 }, ethnic: { Dao: 0.55, Kinh: 0.25, "Sán Chỉ": 0.12, Tày: 0.08 } },
  { code: "06901", kind: "xã", name: "Quảng An", cls: "I", mountain: true, villages: v("Thôn", ["Làng Y", "Khe Vằn", "Phìn Hồ", "Tân Hợp", "Đồng Tâm", "Xóm Mới", "Thanh Y", "Đồng Châu"]), merge: "council", pbt2: true, pct: 2, vptk2: true, kct: 11, villageExtras: 0, quota: { cbccProvince: 24, cbccDistrict: 23, kctProvince: 22, kctDistrict: 12 }, ethnic: { Dao: 0.4, Kinh: 0.35, "Sán Chỉ": 0.2, Tày: 0.05 } },
  { code: "06904", kind: "xã", name: "Tân Bình", cls: "I", mountain: false, villages: v("Thôn", ["Bình Minh", "Bình Hải", "Tân Mai", "Tân Thành", "Đầm Đường", "Nà Bâu"]), merge: "committee", pbt2: true, pct: 2, vptk2: true, kct: 10, villageExtras: 2, quota: { cbccProvince: 24, cbccDistrict: 23, kctProvince: 21, kctDistrict: 11 }, ethnic: { Kinh: 0.75, Tày: 0.1, "Sán Dìu": 0.1, Dao: 0.05 } },
  { code: "06907", kind: "xã", name: "Quảng Lợi", cls: "I", mountain: false, villages: v("Thôn", ["Thanh Lợi", "Lợi Hải", "Hà Tây", "Hà Đông", "Lợi Thành", "Khe Khoai", "Đồng Giữa"]), merge: null, pbt2: true, pct: 2, vptk2: false, kct: 11, villageExtras: 0, quota: { cbccProvince: 23, cbccDistrict: 22, kctProvince: 22, kctDistrict: 12 }, ethnic: { Kinh: 0.8, Tày: 0.1, "Sán Chỉ": 0.1 } },
  { code: "06910", kind: "xã", name: "Dực Yên", cls: "I", mountain: false, villages: v("Thôn", ["Dực Yên", "Hà Dong", "Đồng Tiến", "Đồng Xuân", "Đồng Ruộng", "Khe Dọc", "Nà Pạ", "Đình Hợp"]), merge: "committee", pbt2: true, pct: 2, vptk2: false, kct: 10, villageExtras: 0, quota: { cbccProvince: 22, cbccDistrict: 22, kctProvince: 22, kctDistrict: 11 }, ethnic: { Kinh: 0.7, Tày: 0.15, Dao: 0.15 } },
  { code: "06913", kind: "xã", name: "Quảng Tân", cls: "I", mountain: true, villages: v("Thôn", ["Tân Sơn", "Đồng Đình", "Mảy Ngang", "Khe Lạc", "Cao Sơn", "Bắc Hà", "Tân Tiến", "Quảng Hồng", "Tân Hòa"]), merge: "committee", pbt2: true, pct: 2, vptk2: true, kct: 11, villageExtras: 2, quota: { cbccProvince: 24, cbccDistrict: 23, kctProvince: 21, kctDistrict: 12 }, ethnic: { Kinh: 0.45, Dao: 0.3, "Sán Chỉ": 0.25 } },
  { code: "06916", kind: "xã", name: "Đầm Hà", cls: "II", mountain: false, villages: v("Thôn", ["Trại Cao", "Trại Dinh", "Trại Giữa", "Yên Hàn", "Đầm Buôn", "Trại Khe", "Xóm Giáo", "Yên Định", "Sơn Hải"]), merge: "council", pbt2: false, pct: 1, vptk2: false, kct: 11, villageExtras: 0, quota: { cbccProvince: 23, cbccDistrict: 21, kctProvince: 14, kctDistrict: 12 }, ethnic: { Kinh: 0.7, Tày: 0.1, "Sán Dìu": 0.1, Dao: 0.1 } },
  { code: "06917", kind: "xã", name: "Tân Lập", cls: "II", mountain: false, villages: v("Thôn", ["Tân Ốc", "Đông Tiến", "Tây Sơn", "Vạn Ninh", "Đồng Tâm", "Hải Yến"]), merge: null, pbt2: true, pct: 1, vptk2: false, kct: 9, villageExtras: 0, quota: { cbccProvince: 21, cbccDistrict: 21, kctProvince: 19, kctDistrict: 10 }, ethnic: { Kinh: 0.85, Tày: 0.1, Hoa: 0.05 } },
  { code: "06919", kind: "xã", name: "Đại Bình", cls: "I", mountain: true, villages: v("Thôn", ["Đồng Hải", "Loong Toòng", "Đồng Tiến", "Thanh Bình", "Bình Đông", "Tầu Tiên", "Bình Hồ", "Vạn Yên"]), merge: "council", pbt2: true, pct: 2, vptk2: true, kct: 9, villageExtras: 0, quota: { cbccProvince: 24, cbccDistrict: 23, kctProvince: 22, kctDistrict: 12 }, ethnic: { Kinh: 0.5, Dao: 0.3, "Sán Chỉ": 0.2 } },
];

const unitLabel = (u: Unit2017): string => `${u.kind === "xã" ? "Xã" : "Thị trấn"} ${u.name}`;
const isQuangLam = (u: Unit2017): boolean => u.name === "Quảng Lâm";

/** The people of one unit, by category, in roster order. */
interface UnitPeople {
  unit: Unit2017;
  cadres: Person[];
  civilServants: Person[];
  kct: Person[];
  /** Village workers, in village order. */
  villagers: Person[];
}

/** The deliberate problems of the 2017 workbook, for the report and the tests. */
export const PROBLEMS_2017 = [
  { rule: "data.invalidDate", where: "DS CBCC xã, xã Tân Bình, Tư pháp - hộ tịch: birth date \"31/04/1988\" (April has 30 days)" },
  { rule: "data.unrecognizedValue", where: "DS CBCC xã, xã Đại Bình, Tư pháp - hộ tịch: professional level \"Đại hoc Luật\" (typo; suggestion Đại học)" },
  { rule: "retirement (age band overRetirement)", where: "DS CBCC xã, xã Dực Yên, Tài chính - kế toán: a woman born 15/03/1961, 56 at the end of 2017 (women retired at 55)" },
  { rule: "data.duplicatePerson", where: "DS KCT xã, xã Quảng Tân: the women's union chair still listed as its vice-chair (same name and birth date as in DS CBCC xã); not counted twice" },
  { rule: "data.missingName", where: "DS KCT thôn, xã Đại Bình, Thôn Bình Đông: the Front head's row has no name (still counted: the post is held)" },
  { rule: "data.dateGuessed", where: "DS KCT xã: a birth date \"15/8/85\" with a two-digit year" },
  { rule: "(not counted)", where: "DS KCT xã, xã Tân Lập: the radio station head \"Đã nghỉ việc từ 01/10/2017\" (left: listed, not counted)" },
  { rule: "data.unknownPosition (info)", where: "DS KCT thôn: four \"Phó trưởng thôn\" (a post the title list does not know; category from the section)" },
  { rule: "data.legacyEncoding (info)", where: "Quang Lam: the whole sheet in TCVN3 (.VnTime, titles in .VnTimeH)" },
] as const;

function generate2017(): UnitPeople[] {
  const rng = new Rng(2017);
  const people = new People(rng, AS_OF_2017);
  const out: UnitPeople[] = [];
  const ethnicOf = (u: Unit2017): string => {
    let x = rng.next();
    for (const [e, w] of Object.entries(u.ethnic)) {
      x -= w;
      if (x < 0) return e;
    }
    return "Kinh";
  };
  for (const u of UNITS_2017) {
    const make = (key: RoleKey, position?: string, village?: string): Person => {
      const sex = FORCED_SEX[`${u.code}:${key}`];
      const p = people.make(ROLES[key], { ethnicity: ethnicOf(u), roleKey: key, ...(position ? { position } : {}), ...(village ? { village } : {}), ...(sex ? { sex } : {}) });
      qualify(rng, p, key);
      return p;
    };
    const where = u.kind === "xã" ? "xã" : "thị trấn";
    const cadres: Person[] = [];
    cadres.push(make("bt", u.merge === "committee" ? "Bí thư Đảng ủy kiêm Chủ tịch UBND" : u.merge === "council" ? "Bí thư Đảng ủy kiêm Chủ tịch HĐND" : undefined));
    cadres.push(make("pbtTt"));
    if (u.pbt2) cadres.push(make("pbt"));
    if (u.merge !== "council") cadres.push(make("ctHd"));
    cadres.push(make("pctHd"));
    if (u.merge !== "committee") cadres.push(make("ctUb"));
    for (let i = 0; i < u.pct; i++) cadres.push(make("pctUb"));
    for (const k of ["mttq", "doan", "pn", "nd", "ccb"] as RoleKey[]) cadres.push(make(k));
    const civil: Person[] = [];
    civil.push(make("ca", `Trưởng Công an ${where}`));
    civil.push(make("qs"));
    civil.push(make("vptk"));
    if (u.vptk2) civil.push(make("vptk"));
    const dc = u.kind === "thị trấn" ? "Địa chính - xây dựng - đô thị và môi trường" : undefined;
    civil.push(make("dc", dc), make("dc", dc), make("tckt"), make("tpht"), make("vhxh"), make("vhxh"));
    // Quảng Tân's women's union vice-chair was promoted to chair this year and the post is vacant.
    const kctKeys = KCT_ORDER.filter((k) => !(u.name === "Quảng Tân" && k === "pctPn")).slice(0, u.kct);
    const kct = kctKeys.map((k) => make(k, k === "ptCa" ? `Phó Trưởng Công an ${where}` : undefined));
    if (u.name === "Tân Lập") {
      // Left in October: still on the list, with a note; not counted.
      const gone = make("dai");
      gone.note = "Đã nghỉ việc từ 01/10/2017";
      kct.push(gone);
    }
    const villagers: Person[] = [];
    u.villages.forEach((vil, i) => {
      const head = u.kind === "thị trấn" ? "Bí thư Chi bộ kiêm Trưởng khu phố" : "Bí thư Chi bộ kiêm Trưởng thôn";
      const a = make("btTt", head, vil);
      a.party = randomDay(rng, a.birth.y + rng.int(24, 30));
      villagers.push(a, make("mt", undefined, vil));
      if (i < u.villageExtras) villagers.push(make("ptt", undefined, vil));
    });
    out.push({ unit: u, cadres, civilServants: civil, kct, villagers });
  }
  return out;
}

/** Who lacks what, chosen so the seed article's quality figures hold (see the tests). */
export const QUALITY_2017 = { count: 214, professionalBelowIntermediate: 6, professionalUnreadable: 1, politicalTheoryUntrained: 14, stateManagementUntrained: 17 } as const;

function shapeQuality(units: UnitPeople[]): void {
  const rng = new Rng(92);
  const all = units.flatMap((u) => [...u.cadres, ...u.civilServants]);
  const massOrgChairs = all.filter((p) => ["ccb", "nd", "mttq"].includes(p.role));
  for (const p of rng.sample(massOrgChairs, QUALITY_2017.professionalBelowIntermediate)) p.prof = rng.pick(["Sơ cấp Quân sự", "Sơ cấp Nông nghiệp", "Chưa qua đào tạo"]);
  const young = all.filter((p) => p.category === "civilServant" || p.role === "doan");
  for (const p of rng.sample(young, QUALITY_2017.politicalTheoryUntrained)) p.llct = "";
  const notLeaders = all.filter((p) => !["bt", "ctUb", "ctHd", "pbtTt"].includes(p.role));
  for (const p of rng.sample(notLeaders, QUALITY_2017.stateManagementUntrained)) p.qlnn = "";
}

/** The body cells' styles: bordered (B), and bordered and centred (C). */
const BODY: { B: Style; C: Style } = { B: { border: true, size: 11 }, C: { border: true, size: 11, h: "center" } };

/** A one-row header in row 6 and the column-number row (1, 2, 3 …) in row 7. */
function oneRowHeader(ws: ExcelJS.Worksheet, heads: readonly string[]): void {
  heads.forEach((h, i) => put(ws, 6, i + 1, h, { bold: true, h: "center", wrap: true, border: true, size: 11 }));
  heads.forEach((_h, i) => put(ws, 7, i + 1, i + 1, { italic: true, h: "center", border: true, size: 10 }));
}

/** A bold total row across the table: the label in column B, borders to the last column. */
function totalRow(ws: ExcelJS.Worksheet, r: number, lastCol: number, label: string, border: Style): void {
  put(ws, r, 1, undefined, border);
  put(ws, r, 2, label, { ...border, bold: true });
  for (let c = 3; c <= lastCol; c++) put(ws, r, c, undefined, border);
}

/** The district office's signature block of the 2017 lists (Phòng Nội vụ Đầm Hà). */
function districtFooter(ws: ExcelJS.Worksheet, row: number, lastCol: number): void {
  footer(ws, row, lastCol, "Đầm Hà, ngày 05 tháng 01 năm 2018", "NGƯỜI LẬP BIỂU", "TRƯỞNG PHÒNG NỘI VỤ", "Đặng Thị Thu Hường", "Nguyễn Văn Thành");
}

/** Dates as offices type them, and the deliberate mistakes. */
function shapeDetails(units: UnitPeople[]): void {
  const rng = new Rng(34);
  const byName = (n: string) => units.find((u) => u.unit.name === n && (n !== "Đầm Hà" || u.unit.kind === "xã"))!;
  for (const u of units) {
    for (const p of [...u.cadres, ...u.civilServants]) {
      const x = rng.next();
      p.birthForm = x < 0.6 ? "date" : x < 0.9 ? "text" : "loose";
      p.since = p.role === "bt" || p.role === "pbtTt" || p.role === "pbt" || p.role === "mttq" ? rng.pick(["10/2015", "10/2015", "11/2015", "10/2010"]) : p.role === "ctHd" || p.role === "pctHd" || p.role === "ctUb" || p.role === "pctUb" ? rng.pick(["06/2016", "07/2016", "06/2011"]) : `${pad2(rng.int(1, 12))}/${rng.int(2008, 2017)}`;
    }
    for (const p of u.kct) {
      const x = rng.next();
      p.birthForm = x < 0.5 ? "year" : x < 0.9 ? "text" : "dots";
    }
    for (const p of u.villagers) p.birthForm = rng.chance(0.6) ? "year" : "text";
  }
  // Nine leaders have held their post for two full terms (the seed article: "9 đồng chí bí thư
  // đảng ủy và chủ tịch UBND cấp xã giữ đủ 2 nhiệm kỳ liên tiếp").
  const longTenure: [string, RoleKey][] = [["Đầm Hà", "bt"], ["Đầm Hà", "ctUb"], ["Đại Bình", "bt"], ["Đại Bình", "ctUb"], ["Quảng An", "bt"], ["Quảng Lợi", "bt"], ["Quảng Lợi", "ctUb"], ["Tân Lập", "bt"], ["Tân Lập", "ctUb"]];
  longTenure.forEach(([unit, role], i) => {
    const p = byName(unit).cadres.find((c) => c.role === role)!;
    p.since = `${pad2(1 + (i % 9))}/${2005 + (i % 5)}`;
  });
  // An impossible date.
  const tb = byName("Tân Bình").civilServants.find((p) => p.role === "tpht")!;
  tb.birthForm = "text";
  tb.birthRaw = "31/04/1988";
  // A professional level the vocabulary cannot read (a typo).
  byName("Đại Bình").civilServants.find((p) => p.role === "tpht")!.prof = "Đại hoc Luật";
  // Past retirement age: a woman of 56 (women retired at 55 before 2021).
  const dy = byName("Dực Yên").civilServants.find((p) => p.role === "tckt")!;
  // (No note: "Đủ tuổi nghỉ hưu, chưa có quyết định" would be read as "retired" and the person not counted.)
  Object.assign(dy, { birth: { y: 1961, m: 3, d: 15 }, birthForm: "date", since: "03/2009" });
  // Quảng Tân's women's union chair, promoted from vice-chair: the KCT list still has her.
  const qt = byName("Quảng Tân");
  const chair = qt.cadres.find((p) => p.role === "pn")!;
  Object.assign(chair, { birth: { y: 1986, m: 6, d: 12 }, birthForm: "date", since: "04/2017" });
  const stale: Person = { ...chair, position: "Phó Chủ tịch Hội Liên hiệp Phụ nữ", role: "pctPn", category: "nonSpecializedCommune", birthForm: "text" };
  delete stale.since;
  qt.kct.push(stale);
  // A two-digit year.
  const dh = byName("Đầm Hà").kct[3];
  dh.birth = { y: 1985, m: 8, d: 15 };
  dh.birthForm = "yy";
  // On maternity leave: still counted.
  units[0].civilServants.find((p) => p.role === "vhxh")!.note = "Nghỉ thai sản từ 11/2017";
  // A row without a name (the post is held; the name was lost when the lists were merged).
  byName("Đại Bình").villagers.find((p) => p.village === "Thôn Bình Đông" && p.role === "mt")!.nameMissing = true;
}

// ---------------------------------------------------------------------------------------------
// Writing the 2017 workbook

function birthValue(p: Person): Value {
  if (p.birthRaw) return p.birthRaw;
  switch (p.birthForm) {
    case "date":
      return utc(p.birth);
    case "text":
      return dmy(p.birth);
    case "loose":
      return `${p.birth.d}/${p.birth.m}/${p.birth.y}`;
    case "dots":
      return `${pad2(p.birth.d)}.${pad2(p.birth.m)}.${p.birth.y}`;
    case "year":
      return p.birth.y;
    case "yy":
      return `${p.birth.d}/${p.birth.m}/${String(p.birth.y).slice(2)}`;
  }
}

function titleBlock(ws: ExcelJS.Worksheet, lastCol: number, agency: [string, string], title: string, subtitle: string): void {
  const mid = Math.floor(lastCol / 2) - 1;
  put(ws, 1, 1, agency[0], { h: "center" });
  merge(ws, 1, 1, 1, mid - 1);
  put(ws, 2, 1, agency[1], { h: "center", bold: true });
  merge(ws, 2, 1, 2, mid - 1);
  put(ws, 1, mid, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { h: "center", bold: true });
  merge(ws, 1, mid, 1, lastCol);
  put(ws, 2, mid, "Độc lập - Tự do - Hạnh phúc", { h: "center", bold: true });
  merge(ws, 2, mid, 2, lastCol);
  put(ws, 4, 1, title, { h: "center", bold: true, size: 14 });
  merge(ws, 4, 1, 4, lastCol);
  put(ws, 5, 1, subtitle, { h: "center", italic: true });
  merge(ws, 5, 1, 5, lastCol);
}

function footer(ws: ExcelJS.Worksheet, row: number, lastCol: number, place: string, left: string, right: string, leftName: string, rightName: string, rightSub = "(Ký, ghi rõ họ tên, đóng dấu)"): void {
  const mid = Math.max(4, lastCol - 6);
  put(ws, row, mid, place, { h: "center", italic: true });
  merge(ws, row, mid, row, lastCol);
  put(ws, row + 1, 2, left, { h: "center", bold: true });
  put(ws, row + 1, mid, right, { h: "center", bold: true });
  merge(ws, row + 1, mid, row + 1, lastCol);
  put(ws, row + 2, 2, "(Ký, ghi rõ họ tên)", { h: "center", italic: true });
  put(ws, row + 2, mid, rightSub, { h: "center", italic: rightSub.startsWith("("), bold: !rightSub.startsWith("(") });
  merge(ws, row + 2, mid, row + 2, lastCol);
  put(ws, row + 6, 2, leftName, { h: "center", bold: true });
  put(ws, row + 6, mid, rightName, { h: "center", bold: true });
  merge(ws, row + 6, mid, row + 6, lastCol);
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const LLCT_COLS: Llct[] = ["Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"];
const QLNN_COLS: Qlnn[] = ["Cán sự", "Chuyên viên", "Chuyên viên chính"];

/** Sheet 1: the district list of cadres and civil servants (Quảng Lâm is on its own sheet). */
function sheetCbcc(wb: ExcelJS.Workbook, units: UnitPeople[]): void {
  const ws = wb.addWorksheet("DS CBCC xã", { views: [{ state: "frozen", ySplit: 9, xSplit: 2 }] });
  const LAST = 18;
  titleBlock(ws, LAST, ["UBND HUYỆN ĐẦM HÀ", "PHÒNG NỘI VỤ"], "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC CẤP XÃ", "(Tính đến ngày 31 tháng 12 năm 2017)");
  const H: Style = { bold: true, h: "center", wrap: true, border: true, size: 11 };
  const vertical: [number, string][] = [[1, "STT"], [2, "Họ và tên"], [5, "Dân tộc"], [6, "Ngày vào Đảng"], [7, "Chức vụ, chức danh"], [8, "Trình độ văn hóa"], [9, "Trình độ chuyên môn"], [17, "Thời gian giữ chức vụ hiện tại"], [18, "Ghi chú"]];
  for (const [c, t] of vertical) {
    put(ws, 7, c, t, H);
    put(ws, 8, c, undefined, H);
    merge(ws, 7, c, 8, c);
  }
  const groups: [number, number, string, string[]][] = [[3, 4, "Ngày, tháng, năm sinh", ["Nam", "Nữ"]], [10, 13, "Lý luận chính trị", LLCT_COLS], [14, 16, "Quản lý nhà nước", QLNN_COLS]];
  for (const [from, to, t, leaves] of groups) {
    put(ws, 7, from, t, H);
    for (let c = from + 1; c <= to; c++) put(ws, 7, c, undefined, H);
    merge(ws, 7, from, 7, to);
    leaves.forEach((l, i) => put(ws, 8, from + i, l, H));
  }
  for (let c = 1; c <= LAST; c++) put(ws, 9, c, c, { italic: true, h: "center", border: true, size: 10 });
  ws.getRow(7).height = 33;
  ws.getRow(8).height = 45;
  const widths = [5, 24, 11, 11, 8, 11, 30, 8, 24, 5, 5, 5, 5, 5, 5, 5, 11, 22];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const { B, C } = BODY;
  let r = 10;
  let k = 0;
  let total = 0;
  for (const up of units) {
    if (isQuangLam(up.unit)) continue;
    put(ws, r, 1, ROMAN[k++], { ...C, bold: true });
    put(ws, r, 2, unitLabel(up.unit).toUpperCase(), { ...B, bold: true });
    for (let c = 3; c <= LAST; c++) put(ws, r, c, undefined, B);
    merge(ws, r, 2, r, LAST);
    r++;
    let no = 0;
    for (const [label, list] of [["Cán bộ chuyên trách", up.cadres], ["Công chức", up.civilServants]] as [string, Person[]][]) {
      put(ws, r, 1, undefined, B);
      put(ws, r, 2, label, { ...B, bold: true, italic: true });
      for (let c = 3; c <= LAST; c++) put(ws, r, c, undefined, B);
      merge(ws, r, 2, r, LAST);
      r++;
      for (const p of list) {
        no++;
        put(ws, r, 1, no, C);
        put(ws, r, 2, p.name, B);
        const bv = birthValue(p);
        const isDate = bv instanceof Date;
        put(ws, r, 3, p.sex === "Nam" ? bv : undefined, { ...C, ...(isDate ? { numFmt: "dd/mm/yyyy" } : {}) });
        put(ws, r, 4, p.sex === "Nữ" ? bv : undefined, { ...C, ...(isDate ? { numFmt: "dd/mm/yyyy" } : {}) });
        put(ws, r, 5, p.ethnicity, C);
        put(ws, r, 6, p.party ? utc(p.party) : undefined, { ...C, numFmt: "dd/mm/yyyy" });
        put(ws, r, 7, p.position, { ...B, wrap: true });
        put(ws, r, 8, p.edu, C);
        put(ws, r, 9, p.prof, { ...B, wrap: true });
        LLCT_COLS.forEach((l, i) => put(ws, r, 10 + i, p.llct === l ? "x" : undefined, C));
        QLNN_COLS.forEach((l, i) => put(ws, r, 14 + i, p.qlnn === l ? "x" : undefined, C));
        put(ws, r, 17, p.since, C);
        put(ws, r, 18, p.note, { ...B, wrap: true, size: 10 });
        r++;
      }
    }
    totalRow(ws, r, LAST, `Cộng: ${no} người`, B);
    total += no;
    r++;
  }
  totalRow(ws, r, LAST, `TỔNG CỘNG: ${total} người`, B);
  districtFooter(ws, r + 2, LAST);
  printSetup(ws, "7:9");
}

/** Sheet 2: commune-level non-specialized workers, one row per person with a unit column. */
function sheetKctXa(wb: ExcelJS.Workbook, units: UnitPeople[]): void {
  const ws = wb.addWorksheet("DS KCT xã", { views: [{ state: "frozen", ySplit: 7 }] });
  const LAST = 11;
  titleBlock(ws, LAST, ["UBND HUYỆN ĐẦM HÀ", "PHÒNG NỘI VỤ"], "DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ", "(Tính đến ngày 31 tháng 12 năm 2017)");
  const heads = ["TT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Đơn vị", "Chức danh", "Trình độ văn hóa", "Chuyên môn", "Lý luận chính trị", "Ghi chú"];
  oneRowHeader(ws, heads);
  ws.getRow(6).height = 33;
  [5, 24, 11, 8, 9, 15, 30, 9, 24, 11, 26].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const { B, C } = BODY;
  let r = 8;
  let no = 0;
  for (const up of units) {
    if (isQuangLam(up.unit)) continue;
    const u = up.unit;
    // Offices write the unit as they say it: "TT Đầm Hà", "Xã Đầm Hà" (two units share the name), else the bare name.
    const unitText = u.kind === "thị trấn" ? "TT Đầm Hà" : u.name === "Đầm Hà" ? "Xã Đầm Hà" : u.name;
    for (const p of up.kct) {
      no++;
      put(ws, r, 1, no, C);
      put(ws, r, 2, p.name, B);
      const bv = birthValue(p);
      put(ws, r, 3, bv, { ...C, ...(bv instanceof Date ? { numFmt: "dd/mm/yyyy" } : {}) });
      put(ws, r, 4, p.sex, C);
      put(ws, r, 5, p.ethnicity, C);
      put(ws, r, 6, unitText, B);
      put(ws, r, 7, p.position, { ...B, wrap: true });
      put(ws, r, 8, p.edu, C);
      put(ws, r, 9, p.prof, B);
      put(ws, r, 10, p.llct, C);
      put(ws, r, 11, p.note, { ...B, wrap: true, size: 10 });
      r++;
    }
  }
  totalRow(ws, r, LAST, `Tổng cộng: ${no} người`, B);
  districtFooter(ws, r + 2, LAST);
  printSetup(ws, "6:7");
}

/** Sheet 3: village workers, a section per unit and per village. */
function sheetKctThon(wb: ExcelJS.Workbook, units: UnitPeople[]): void {
  const ws = wb.addWorksheet("DS KCT thôn", { views: [{ state: "frozen", ySplit: 7 }] });
  const LAST = 10;
  titleBlock(ws, LAST, ["UBND HUYỆN ĐẦM HÀ", "PHÒNG NỘI VỤ"], "DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN, KHU PHỐ", "(Tính đến ngày 31 tháng 12 năm 2017)");
  const heads = ["TT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Đảng viên", "Chức danh", "Văn hóa", "Chuyên môn", "Ghi chú"];
  oneRowHeader(ws, heads);
  [5, 24, 11, 8, 9, 8, 34, 8, 20, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const { B, C } = BODY;
  let r = 8;
  let k = 0;
  for (const up of units) {
    if (isQuangLam(up.unit)) continue;
    put(ws, r, 1, ROMAN[k++], { ...C, bold: true });
    put(ws, r, 2, unitLabel(up.unit).toUpperCase(), { ...B, bold: true });
    for (let c = 3; c <= LAST; c++) put(ws, r, c, undefined, B);
    merge(ws, r, 2, r, LAST);
    r++;
    let no = 0;
    let village = "";
    for (const p of up.villagers) {
      if (p.village !== village) {
        village = p.village!;
        put(ws, r, 1, undefined, B);
        put(ws, r, 2, village, { ...B, bold: true, italic: true });
        for (let c = 3; c <= LAST; c++) put(ws, r, c, undefined, B);
        r++;
      }
      no++;
      put(ws, r, 1, no, C);
      put(ws, r, 2, p.nameMissing ? undefined : p.name, B);
      const bv = birthValue(p);
      put(ws, r, 3, bv, { ...C, ...(bv instanceof Date ? { numFmt: "dd/mm/yyyy" } : {}) });
      put(ws, r, 4, p.sex, C);
      put(ws, r, 5, p.ethnicity, C);
      put(ws, r, 6, p.party ? "x" : undefined, C);
      put(ws, r, 7, p.position, B);
      put(ws, r, 8, p.edu, C);
      put(ws, r, 9, p.prof, B);
      put(ws, r, 10, undefined, B);
      r++;
    }
    totalRow(ws, r, LAST, `Cộng: ${no} người`, B);
    r++;
  }
  footer(ws, r + 1, LAST, "Đầm Hà, ngày 05 tháng 01 năm 2018", "NGƯỜI LẬP BIỂU", "TRƯỞNG PHÒNG NỘI VỤ", "Đặng Thị Thu Hường", "Nguyễn Văn Thành");
  printSetup(ws, "6:7");
}

/** Sheet 4: xã Quảng Lâm's list as the commune sent it, in TCVN3 (.VnTime; titles in .VnTimeH). */
function sheetQuangLamTcvn3(wb: ExcelJS.Workbook, up: UnitPeople): void {
  const ws = wb.addWorksheet("Quang Lam");
  const VN = ".VnTime";
  const VNH = ".VnTimeH";
  const t = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : encodeTcvn3(s));
  /** An "H" font draws the lowercase codes as capitals. */
  const th = (s: string): string => encodeTcvn3(s.toLowerCase());
  const LAST = 12;
  const S = (o: Style = {}): Style => ({ font: VN, size: 13, ...o });
  put(ws, 1, 1, th("UBND HUYỆN ĐẦM HÀ"), S({ font: VNH, h: "center" }));
  merge(ws, 1, 1, 1, 4);
  put(ws, 2, 1, th("UBND XÃ QUẢNG LÂM"), S({ font: VNH, h: "center", bold: true }));
  merge(ws, 2, 1, 2, 4);
  put(ws, 1, 6, th("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), S({ font: VNH, h: "center", bold: true }));
  merge(ws, 1, 6, 1, LAST);
  put(ws, 2, 6, t("Độc lập - Tự do - Hạnh phúc"), S({ h: "center", bold: true }));
  merge(ws, 2, 6, 2, LAST);
  put(ws, 4, 1, th("DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH XÃ QUẢNG LÂM"), S({ font: VNH, h: "center", bold: true, size: 14 }));
  merge(ws, 4, 1, 4, LAST);
  put(ws, 5, 1, t("(Tính đến ngày 31/12/2017)"), S({ h: "center", italic: true }));
  merge(ws, 5, 1, 5, LAST);
  const H = (o: Style = {}): Style => S({ bold: true, h: "center", wrap: true, border: true, ...o });
  const vertical: [number, string, boolean][] = [[1, "TT", true], [2, "HỌ VÀ TÊN", true], [3, "Ngày sinh", false], [4, "Giới tính", false], [5, "Dân tộc", false], [6, "Chức danh", false], [7, "Thôn", false], [12, "Ghi chú", false]];
  for (const [c, text, upper] of vertical) {
    put(ws, 6, c, upper ? th(text) : t(text), H(upper ? { font: VNH } : {}));
    put(ws, 7, c, undefined, H());
    merge(ws, 6, c, 7, c);
  }
  put(ws, 6, 8, th("TRÌNH ĐỘ"), H({ font: VNH }));
  for (let c = 9; c <= 11; c++) put(ws, 6, c, undefined, H());
  merge(ws, 6, 8, 6, 11);
  ["Văn hóa", "Chuyên môn", "Lý luận chính trị", "QLNN"].forEach((l, i) => put(ws, 7, 8 + i, t(l), H()));
  for (let c = 1; c <= LAST; c++) put(ws, 8, c, c, S({ italic: true, h: "center", border: true, size: 11 }));
  [5, 24, 12, 8, 9, 30, 10, 8, 22, 11, 11, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const B = S({ border: true });
  const C = S({ border: true, h: "center" });
  let r = 9;
  let no = 0;
  const sections: [string, Person[]][] = [
    ["A. CÁN BỘ CHUYÊN TRÁCH", up.cadres],
    ["B. CÔNG CHỨC", up.civilServants],
    ["C. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ", up.kct],
    ["D. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN", up.villagers],
  ];
  for (const [label, list] of sections) {
    put(ws, r, 1, th(label), S({ font: VNH, bold: true, border: true }));
    for (let c = 2; c <= LAST; c++) put(ws, r, c, undefined, B);
    merge(ws, r, 1, r, LAST);
    r++;
    for (const p of list) {
      no++;
      put(ws, r, 1, no, C);
      put(ws, r, 2, t(p.name), B);
      // The commune typed every date as text.
      put(ws, r, 3, p.birthForm === "year" ? String(p.birth.y) : dmy(p.birth), C);
      put(ws, r, 4, t(p.sex), C);
      put(ws, r, 5, t(p.ethnicity), C);
      put(ws, r, 6, t(p.position), S({ border: true, wrap: true }));
      put(ws, r, 7, t(p.village), C);
      put(ws, r, 8, p.edu, C);
      put(ws, r, 9, t(p.prof), B);
      const cbcc = p.category === "cadre" || p.category === "civilServant";
      put(ws, r, 10, t(p.llct === "" && cbcc ? "Chưa" : p.llct), C);
      put(ws, r, 11, t(p.qlnn === "" && cbcc ? "Chưa" : p.qlnn), C);
      put(ws, r, 12, t(p.note), B);
      r++;
    }
  }
  put(ws, r, 1, t(`Tổng số: ${no} người`), S({ bold: true, border: true }));
  for (let c = 2; c <= LAST; c++) put(ws, r, c, undefined, B);
  merge(ws, r, 1, r, 3);
  r += 2;
  put(ws, r, 7, t("Quảng Lâm, ngày 28 tháng 12 năm 2017"), S({ italic: true, h: "center" }));
  merge(ws, r, 7, r, LAST);
  put(ws, r + 1, 2, th("NGƯỜI LẬP BIỂU"), S({ font: VNH, bold: true, h: "center" }));
  put(ws, r + 1, 7, th("TM. ỦY BAN NHÂN DÂN"), S({ font: VNH, bold: true, h: "center" }));
  merge(ws, r + 1, 7, r + 1, LAST);
  put(ws, r + 2, 7, th("CHỦ TỊCH"), S({ font: VNH, bold: true, h: "center" }));
  merge(ws, r + 2, 7, r + 2, LAST);
  const chair = up.cadres.find((p) => p.role === "bt")!;
  put(ws, r + 6, 2, t(up.civilServants.find((p) => p.role === "vptk")!.name), S({ bold: true, h: "center" }));
  put(ws, r + 6, 7, t(chair.name), S({ bold: true, h: "center" }));
  merge(ws, r + 6, 7, r + 6, LAST);
  printSetup(ws, "6:8");
}

/** Sheet 5: the quota sheet. */
function sheetQuota2017(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Định biên");
  const LAST = 11;
  titleBlock(ws, LAST, ["UBND HUYỆN ĐẦM HÀ", "PHÒNG NỘI VỤ"], "BIÊN CHẾ CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ NĂM 2017", "(Theo quyết định giao của UBND tỉnh Quảng Ninh và phân bổ của UBND huyện Đầm Hà)");
  const H: Style = { bold: true, h: "center", wrap: true, border: true, size: 11 };
  const vertical: [number, string][] = [[1, "STT"], [2, "Mã đơn vị"], [3, "Tên đơn vị"], [4, "Phân loại ĐVHC"], [5, "Miền núi, vùng DTTS"], [6, "Số thôn, khu phố"], [11, "Người HĐKCT ở thôn, khu phố (định mức)"]];
  for (const [c, text] of vertical) {
    put(ws, 7, c, text, H);
    put(ws, 8, c, undefined, H);
    merge(ws, 7, c, 8, c);
  }
  for (const [from, text] of [[7, "Biên chế CBCC"], [9, "Người HĐKCT cấp xã"]] as [number, string][]) {
    put(ws, 7, from, text, H);
    put(ws, 7, from + 1, undefined, H);
    merge(ws, 7, from, 7, from + 1);
    put(ws, 8, from, "Tỉnh giao", H);
    put(ws, 8, from + 1, "Huyện giao", H);
  }
  for (let c = 1; c <= LAST; c++) put(ws, 9, c, c, { italic: true, h: "center", border: true, size: 10 });
  ws.getRow(7).height = 33;
  ws.getRow(8).height = 45;
  [5, 10, 20, 10, 11, 10, 10, 10, 10, 10, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const { B, C } = BODY;
  let r = 10;
  UNITS_2017.forEach((u, i) => {
    put(ws, r, 1, i + 1, C);
    put(ws, r, 2, u.code, C);
    put(ws, r, 3, unitLabel(u), B);
    put(ws, r, 4, u.cls, C);
    put(ws, r, 5, u.mountain ? "x" : undefined, C);
    put(ws, r, 6, u.villages.length, C);
    put(ws, r, 7, u.quota.cbccProvince, C);
    put(ws, r, 8, u.quota.cbccDistrict, C);
    put(ws, r, 9, u.quota.kctProvince, C);
    put(ws, r, 10, u.quota.kctDistrict, C);
    put(ws, r, 11, u.villages.length * 3, C);
    r++;
  });
  put(ws, r, 1, "Tổng cộng", { ...B, bold: true, h: "center" });
  put(ws, r, 2, undefined, B);
  put(ws, r, 3, undefined, B);
  merge(ws, r, 1, r, 3);
  put(ws, r, 4, undefined, B);
  put(ws, r, 5, undefined, B);
  const sum = (c: number, f: (u: Unit2017) => number): void => {
    const col = String.fromCharCode(64 + c);
    put(ws, r, c, { formula: `SUM(${col}10:${col}${r - 1})`, result: UNITS_2017.reduce((n, u) => n + f(u), 0) }, { ...C, bold: true });
  };
  sum(6, (u) => u.villages.length);
  sum(7, (u) => u.quota.cbccProvince);
  sum(8, (u) => u.quota.cbccDistrict);
  sum(9, (u) => u.quota.kctProvince);
  sum(10, (u) => u.quota.kctDistrict);
  sum(11, (u) => u.villages.length * 3);
  districtFooter(ws, r + 2, LAST);
  printSetup(ws, "7:9");
}

/** The 2017 people after every adjustment (exported for checks). */
export function people2017(): UnitPeople[] {
  const units = generate2017();
  shapeQuality(units);
  shapeDetails(units);
  return units;
}

/** Build `examples/dam-ha-2017.xlsx`. */
export async function buildDamHa2017(): Promise<Uint8Array> {
  const units = people2017();
  const wb = new ExcelJS.Workbook();
  sheetCbcc(wb, units);
  sheetKctXa(wb, units);
  sheetKctThon(wb, units);
  sheetQuangLamTcvn3(wb, units.find((u) => isQuangLam(u.unit))!);
  sheetQuota2017(wb);
  return finish(wb, FIXED_TIME);
}

// ---------------------------------------------------------------------------------------------
// A merged commune of 2026 (two-level local government)

const AS_OF_2026: Ymd = { y: 2026, m: 3, d: 31 };

interface Row2026 {
  p: Person;
  section: 0 | 1 | 2 | 3;
}

/** Build `examples/xa-dam-ha-2026.xlsx`. */
export async function buildXaDamHa2026(): Promise<Uint8Array> {
  const rng = new Rng(2026);
  const people = new People(rng, AS_OF_2026);
  const ethnic = (): string => rng.pick(["Kinh", "Kinh", "Kinh", "Kinh", "Tày", "Dao", "Sán Dìu", "Sán Chỉ"]);
  const rows: Row2026[] = [];
  const role = (position: string, category: Category, sexMale: number, age: [number, number]): Role => R(position, category, sexMale, age);
  const add = (section: Row2026["section"], r: Role, o: { village?: string; prof?: string[]; llct?: Llct[]; qlnn?: Qlnn[]; sex?: Sex } = {}): Person => {
    const p = people.make(r, { ethnicity: ethnic(), roleKey: r.position, ...(o.village ? { village: o.village } : {}), ...(o.sex ? { sex: o.sex } : {}) });
    // Retirement ages of 2026: men 61y6m, women 57.
    const maxAge = p.sex === "Nam" ? 61 : 56;
    if (AS_OF_2026.y - p.birth.y > maxAge) p.birth.y = AS_OF_2026.y - maxAge;
    p.birthForm = rng.chance(0.7) ? "date" : "text";
    p.edu = "12/12";
    p.prof = rng.pick(o.prof ?? ["Đại học Luật", "Đại học Kinh tế", "Đại học Hành chính", "Thạc sĩ Quản lý công"]);
    p.llct = rng.pick(o.llct ?? ["Trung cấp", "Cao cấp"]);
    p.qlnn = rng.pick(o.qlnn ?? ["Chuyên viên", "Chuyên viên chính"]);
    p.idNumber = `022${p.sex === "Nam" ? (p.birth.y >= 2000 ? 2 : 0) : p.birth.y >= 2000 ? 3 : 1}${String(p.birth.y).slice(2)}${String(rng.int(0, 999999)).padStart(6, "0")}`;
    rows.push({ p, section });
    return p;
  };
  // I. Cán bộ (Đảng ủy, HĐND, UBND, Mặt trận; the mass organisations now sit under the Front).
  for (const [pos, m, age] of [
    ["Bí thư Đảng ủy", 0.9, [45, 58]],
    ["Phó Bí thư Thường trực Đảng ủy kiêm Chủ tịch HĐND", 0.8, [42, 56]],
    ["Phó Bí thư Đảng ủy kiêm Chủ tịch UBND", 0.85, [40, 55]],
    ["Phó Chủ tịch HĐND", 0.6, [35, 55]],
    ["Trưởng Ban Kinh tế - Ngân sách HĐND", 0.6, [35, 55]],
    ["Trưởng Ban Văn hóa - Xã hội HĐND", 0.4, [35, 55]],
    ["Phó Chủ tịch UBND", 0.8, [36, 52]],
    ["Phó Chủ tịch UBND", 0.6, [36, 52]],
    ["Chủ tịch UBMTTQ", 0.7, [42, 57]],
    ["Bí thư Đoàn TNCS Hồ Chí Minh kiêm Phó Chủ tịch UBMTTQ", 0.5, [27, 33]],
    ["Chủ tịch Hội Liên hiệp Phụ nữ kiêm Phó Chủ tịch UBMTTQ", 0, [35, 52]],
    ["Chủ tịch Hội Nông dân kiêm Phó Chủ tịch UBMTTQ", 0.8, [40, 56]],
    ["Chủ tịch Hội Cựu chiến binh kiêm Phó Chủ tịch UBMTTQ", 1, [52, 60]],
  ] as [string, number, [number, number]][]) add(0, role(pos, "cadre", m, age));
  // II. Công chức: employment positions of the commune's offices (CV 7415/BNV 2025 guidance).
  const cs = (pos: string, m: number, age: [number, number], prof: string[]): Person => add(1, role(pos, "civilServant", m, age), { prof, llct: ["Trung cấp", "Sơ cấp", "Cao cấp"], qlnn: ["Chuyên viên", "Chuyên viên", "Chuyên viên chính"] });
  cs("Chánh Văn phòng HĐND và UBND", 0.6, [38, 52], ["Đại học Hành chính", "Thạc sĩ Quản lý công"]);
  cs("Phó Chánh Văn phòng HĐND và UBND", 0.5, [32, 48], ["Đại học Luật", "Đại học Hành chính"]);
  for (const f of ["tổng hợp", "văn thư, lưu trữ", "kế toán", "công tác HĐND"]) cs(`Chuyên viên Văn phòng HĐND và UBND (${f})`, 0.4, [26, 45], f === "kế toán" ? ["Đại học Kế toán"] : ["Đại học Hành chính", "Đại học Quản trị văn phòng"]);
  cs("Trưởng phòng Kinh tế", 0.8, [38, 52], ["Đại học Kinh tế", "Thạc sĩ Kinh tế"]);
  cs("Phó Trưởng phòng Kinh tế", 0.7, [32, 48], ["Kỹ sư Quản lý đất đai", "Đại học Kinh tế"]);
  cs("Phó Trưởng phòng Kinh tế", 0.7, [32, 48], ["Kỹ sư Xây dựng", "Đại học Tài chính"]);
  for (const [f, prof] of [["địa chính", "Kỹ sư Quản lý đất đai"], ["xây dựng, giao thông", "Kỹ sư Xây dựng"], ["nông nghiệp, môi trường", "Kỹ sư Nông nghiệp"], ["tài chính, ngân sách", "Đại học Tài chính"], ["kế hoạch, đầu tư", "Đại học Kinh tế"]] as [string, string][]) cs(`Chuyên viên Phòng Kinh tế (${f})`, 0.6, [26, 45], [prof]);
  cs("Trưởng phòng Văn hóa - Xã hội", 0.5, [38, 52], ["Đại học Văn hóa", "Đại học Công tác xã hội"]);
  cs("Phó Trưởng phòng Văn hóa - Xã hội", 0.4, [32, 48], ["Đại học Sư phạm", "Đại học Văn hóa"]);
  for (const [f, prof] of [["văn hóa, thông tin", "Đại học Văn hóa"], ["lao động, người có công", "Đại học Công tác xã hội"], ["giáo dục, y tế", "Đại học Sư phạm"], ["nội vụ", "Đại học Hành chính"]] as [string, string][]) cs(`Chuyên viên Phòng Văn hóa - Xã hội (${f})`, 0.4, [26, 45], [prof]);
  cs("Phó Giám đốc Trung tâm Phục vụ hành chính công", 0.5, [32, 48], ["Đại học Hành chính"]);
  cs("Chuyên viên Trung tâm Phục vụ hành chính công (tư pháp, hộ tịch)", 0.4, [26, 45], ["Đại học Luật"]);
  cs("Chuyên viên Trung tâm Phục vụ hành chính công (một cửa)", 0.3, [26, 45], ["Đại học Hành chính"]);
  cs("Chỉ huy trưởng Ban Chỉ huy Quân sự", 1, [32, 48], ["Trung cấp Quân sự cơ sở", "Đại học Quân sự cơ sở"]);
  // III. The last commune-level non-specialized workers (kept until before 31/05/2026).
  const kct = (pos: string, m: number, age: [number, number], prof: string): Person => {
    const p = add(2, role(pos, "nonSpecializedCommune", m, age), { prof: [prof], llct: ["Sơ cấp", ""], qlnn: [""] });
    p.note = "Bố trí đến trước 31/5/2026";
    return p;
  };
  kct("Văn thư - lưu trữ", 0.2, [30, 45], "Trung cấp Văn thư lưu trữ");
  kct("Phó Chỉ huy trưởng Quân sự", 1, [28, 45], "Trung cấp Quân sự cơ sở");
  // IV. Village workers.
  const villages = [...v("Thôn", ["Trại Cao", "Trại Dinh", "Trại Giữa", "Yên Hàn", "Đầm Buôn", "Trại Khe", "Xóm Giáo", "Yên Định", "Sơn Hải", "Bình Minh", "Bình Hải", "Tân Mai", "Tân Thành"]), ...v("Khu phố", ["1", "2", "3", "4", "5", "6", "7", "8"])];
  for (const vil of villages) {
    const head = vil.startsWith("Khu") ? "Bí thư Chi bộ kiêm Trưởng khu phố" : "Bí thư Chi bộ kiêm Trưởng thôn";
    add(3, role(head, "nonSpecializedVillage", 0.8, [35, 62]), { village: vil, prof: ["", "", "Trung cấp Nông lâm"], llct: ["Sơ cấp", ""], qlnn: [""] });
    add(3, role("Trưởng ban công tác Mặt trận", "nonSpecializedVillage", 0.5, [35, 64]), { village: vil, prof: ["", ""], llct: ["", "Sơ cấp"], qlnn: [""] });
  }
  // Realistic problems: an ID number with a digit missing, a date typed with a two-digit year.
  const typo = rows.find((x) => x.section === 1 && x.p.position.startsWith("Chuyên viên Phòng Kinh tế (địa chính"))!.p;
  typo.idNumber = typo.idNumber!.slice(0, 11);
  const yy = rows.find((x) => x.section === 3)!.p;
  yy.birthForm = "yy";

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DS CBCC", { views: [{ state: "frozen", ySplit: 8, xSplit: 2 }] });
  const LAST = 14;
  titleBlock(ws, LAST, ["UBND XÃ ĐẦM HÀ", "VĂN PHÒNG HĐND VÀ UBND"], "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC", "(Tính đến ngày 31 tháng 3 năm 2026)");
  const H: Style = { bold: true, h: "center", wrap: true, border: true, size: 11 };
  const vertical: [number, string][] = [[1, "STT"], [2, "Họ và tên"], [3, "Ngày sinh"], [4, "Giới tính"], [5, "Dân tộc"], [6, "Số CCCD"], [7, "Ngày vào Đảng"], [8, "Chức vụ, vị trí việc làm"], [9, "Thôn, khu phố"], [14, "Ghi chú"]];
  for (const [c, text] of vertical) {
    put(ws, 6, c, text, H);
    put(ws, 7, c, undefined, H);
    merge(ws, 6, c, 7, c);
  }
  put(ws, 6, 10, "Trình độ", H);
  for (let c = 11; c <= 13; c++) put(ws, 6, c, undefined, H);
  merge(ws, 6, 10, 6, 13);
  ["Văn hóa", "Chuyên môn", "Lý luận chính trị", "Quản lý nhà nước"].forEach((l, i) => put(ws, 7, 10 + i, l, H));
  for (let c = 1; c <= LAST; c++) put(ws, 8, c, c, { italic: true, h: "center", border: true, size: 10 });
  ws.getRow(7).height = 33;
  [5, 24, 11, 7, 8, 15, 11, 40, 13, 7, 22, 10, 12, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const { B, C } = BODY;
  let r = 9;
  const labels = ["CÁN BỘ", "CÔNG CHỨC", "NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ", "NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN, KHU PHỐ"];
  let no = 0;
  labels.forEach((label, s) => {
    put(ws, r, 1, ROMAN[s], { ...C, bold: true });
    put(ws, r, 2, label, { ...B, bold: true });
    for (let c = 3; c <= LAST; c++) put(ws, r, c, undefined, B);
    merge(ws, r, 2, r, LAST);
    r++;
    for (const { p } of rows.filter((x) => x.section === s)) {
      no++;
      put(ws, r, 1, no, C);
      put(ws, r, 2, p.name, B);
      const bv = birthValue(p);
      put(ws, r, 3, bv, { ...C, ...(bv instanceof Date ? { numFmt: "dd/mm/yyyy" } : {}) });
      put(ws, r, 4, p.sex, C);
      put(ws, r, 5, p.ethnicity, C);
      put(ws, r, 6, p.idNumber, C);
      const party = p.category === "nonSpecializedVillage" && !p.position.startsWith("Bí thư") ? rng.chance(0.5) : true;
      put(ws, r, 7, party ? utc(randomDay(rng, Math.min(2024, p.birth.y + rng.int(22, 30)))) : undefined, { ...C, numFmt: "dd/mm/yyyy" });
      put(ws, r, 8, p.position, { ...B, wrap: true });
      put(ws, r, 9, p.village, B);
      put(ws, r, 10, p.edu, C);
      put(ws, r, 11, p.prof, B);
      put(ws, r, 12, p.llct, C);
      put(ws, r, 13, p.qlnn, C);
      put(ws, r, 14, p.note, { ...B, wrap: true, size: 10 });
      r++;
    }
  });
  totalRow(ws, r, LAST, `Tổng cộng: ${no} người`, B);
  footer(ws, r + 2, LAST, "Đầm Hà, ngày 31 tháng 3 năm 2026", "NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN", rows.find((x) => x.section === 1)!.p.name, rows[2].p.name, "CHỦ TỊCH");
  printSetup(ws, "6:8");

  const q = wb.addWorksheet("Định biên");
  const QL = 9;
  titleBlock(q, QL, ["UBND XÃ ĐẦM HÀ", "VĂN PHÒNG HĐND VÀ UBND"], "BIÊN CHẾ VÀ SỐ LƯỢNG NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN NĂM 2026", "(Theo quyết định giao biên chế của UBND tỉnh Quảng Ninh)");
  const qh = ["STT", "Tên đơn vị", "Phân loại ĐVHC", "Số thôn, khu phố", "Dân số (người)", "Diện tích (km²)", "Biên chế cán bộ, công chức tỉnh giao", "Người HĐKCT ở thôn, khu phố (định mức)", "Ghi chú"];
  qh.forEach((h, i) => put(q, 6, i + 1, h, H));
  qh.forEach((_h, i) => put(q, 7, i + 1, i + 1, { italic: true, h: "center", border: true, size: 10 }));
  q.getRow(6).height = 48;
  [5, 18, 10, 10, 11, 10, 14, 16, 30].forEach((w, i) => (q.getColumn(i + 1).width = w));
  const cadresAndCs = rows.filter((x) => x.section <= 1).length;
  [1, "Xã Đầm Hà", "I", villages.length, 24870, 84.35, cadresAndCs + 3, villages.length * 3, "Xã mới sau sắp xếp, hoạt động từ 01/7/2025"].forEach((x, i) => put(q, 8, i + 1, x, { ...C, ...(i === 1 || i === 8 ? { h: "left" } : {}), ...(i === 4 ? { numFmt: "#,##0" } : {}) }));
  printSetup(q, "6:7");
  return finish(wb, new Date(Date.UTC(2026, 3, 2, 2, 0, 0)));
}

// ---------------------------------------------------------------------------------------------

/** The example files, relative to the repository root. */
export const EXAMPLE_FILES = {
  "examples/dam-ha-2017.xlsx": buildDamHa2017,
  "examples/xa-dam-ha-2026.xlsx": buildXaDamHa2026,
} as const;

async function main(): Promise<void> {
  const root = join(__dirname, "..");
  for (const [path, build] of Object.entries(EXAMPLE_FILES)) {
    const bytes = await build();
    const out = join(root, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    process.stdout.write(`${path}: ${bytes.length} bytes\n`);
  }
}

if (require.main === module) void main();
