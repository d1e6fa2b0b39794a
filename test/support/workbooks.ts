/**
 * Realistic roster workbooks for tests and benchmarks (test-only code).
 *
 * Every builder makes real .xlsx bytes in memory (ExcelJS, or a direct XML writer on fflate for
 * the benchmark sizes) and is deterministic: the same options and seed give the same bytes'
 * content. The layouts follow shared/reference/roster-formats.md: a title block, a header band
 * with merged group cells, a column-index row, section rows, person rows, total rows and a
 * signature footer.
 *
 * Each layout has two entry points:
 * - `xxxFixture(options)` → {@link Fixture}: the bytes plus the people written, a map of where
 *   every block sits (title/header/index/section/person/total/footer rows, columns) and a list of
 *   the deliberate quirks with their cells;
 * - `xxxWorkbook(options)` → `Promise<Uint8Array>`: only the bytes.
 *
 * Bad inputs (`truncatedZip()`, `csvNamedXlsx()`, …) return the bytes of files that are not
 * readable workbooks, for the sniffing and error-message tests.
 */
import ExcelJS from "exceljs";
import { Zip, ZipDeflate, strToU8, unzipSync, zipSync } from "fflate";
import { columnLetter } from "../../src/core/address";
import type { CellRange } from "../../src/core/grid";
import { encodeTcvn3, encodeVni } from "../../src/core/text/legacy";

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1][0];
  }
}

// ---------------------------------------------------------------------------------------------
// People

/** The four categories of commune personnel (before the 2025 reform). */
export type PersonCategory = "Cán bộ" | "Công chức" | "KCT cấp xã" | "KCT thôn";

/** One person as the fixtures write them (canonical Unicode NFC values). */
export interface FixturePerson {
  /** NFC full name, e.g. "Nguyễn Thị Hường". */
  fullName: string;
  /** dd/mm/yyyy, zero-padded. */
  birthDate: string;
  gender: "Nam" | "Nữ";
  /** Title without the village, e.g. "Phó Chủ tịch UBND", "Trưởng thôn". See {@link displayPosition}. */
  position: string;
  category: PersonCategory;
  /** Unit with its kind, e.g. "Xã Quảng Lợi", "Thị trấn Đầm Hà". */
  unit: string;
  /** For KCT thôn: "Thôn 1", "Thôn Bắc Sơn", "Khu phố 2". */
  village?: string;
  /** "ĐH Luật", "Đại học Kinh tế", "TC Kế toán", "Cao đẳng", "Trung cấp", "" (none)… */
  professional: string;
  /** "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân", "" (none). */
  political: string;
  /** "CV", "Chuyên viên", "Cán sự", "CVC", "" (none). */
  stateMgmt: string;
  /** "12/12", "10/10", "9/12", "7/10". */
  generalEdu: string;
  /** "Kinh", "Tày", "Dao", "Sán Chỉ", "H'Mông", "Sán Dìu", "Nùng". */
  ethnicity: string;
  /** "Không", "Phật giáo", "Công giáo". */
  religion: string;
  partyMember: boolean;
  /** 12-digit CCCD ("022…", Quảng Ninh), absent for some people. */
  idNumber?: string;
  /** A remark ("Kiêm nhiệm", "Đang đi học"…), absent for most. */
  status?: string;
}

/** A commune-level unit known to the generator. Codes are illustrative, not official. */
export interface FixtureCommune {
  /** Name without the kind, e.g. "Quảng Lợi". */
  name: string;
  kind: "Xã" | "Thị trấn" | "Phường";
  code: string;
  mountainous: boolean;
  /** Number of villages (thôn / khu phố). */
  villageCount: number;
  /** Named villages; further ones are "Thôn N" / "Khu phố N". */
  villageNames: string[];
}

/** Communes of the (former) Đầm Hà district, Quảng Ninh; "Thị trấn Đầm Hà" and "Xã Đầm Hà" are two units. */
export const COMMUNES: readonly FixtureCommune[] = [
  { name: "Quảng Lợi", kind: "Xã", code: "07093", mountainous: true, villageCount: 6, villageNames: ["Thôn 1", "Thôn 2", "Thôn Bắc Sơn", "Thôn Tân Hợp", "Thôn Đồng Tâm", "Thôn 3"] },
  { name: "Đầm Hà", kind: "Thị trấn", code: "07069", mountainous: false, villageCount: 6, villageNames: ["Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Khu phố 5", "Khu phố 6"] },
  { name: "Đầm Hà", kind: "Xã", code: "07084", mountainous: false, villageCount: 5, villageNames: ["Thôn Trại Thông", "Thôn Đồng Hải", "Thôn Đông Thịnh", "Thôn Bình Minh", "Thôn Yên Hải"] },
  { name: "Quảng Lâm", kind: "Xã", code: "07072", mountainous: true, villageCount: 7, villageNames: ["Thôn Mó Nhú", "Thôn Tài Lý Sáy", "Thôn Bình Hồ", "Thôn Cấu Phìn", "Thôn Tân Tiến", "Thôn Làng Ruộng", "Thôn Ngàn Pộc"] },
  { name: "Tân Bình", kind: "Xã", code: "07081", mountainous: false, villageCount: 5, villageNames: ["Thôn 1", "Thôn 2", "Thôn Tân Hợp", "Thôn Bắc Sơn", "Thôn 3"] },
  { name: "Quảng Tân", kind: "Xã", code: "07087", mountainous: false, villageCount: 5, villageNames: ["Thôn Tân Tiến", "Thôn Trại Báu", "Thôn Quảng Hà", "Thôn Thống Nhất", "Thôn Đồng Tâm"] },
  { name: "Dực Yên", kind: "Xã", code: "07078", mountainous: false, villageCount: 5, villageNames: ["Thôn Đồng Tâm", "Thôn Đồng Tiến", "Thôn Đồng Mạ", "Thôn Tân Hợp", "Thôn Bắc Sơn"] },
  { name: "Đại Bình", kind: "Xã", code: "07090", mountainous: false, villageCount: 5, villageNames: ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", "Thôn Bắc Sơn"] },
  { name: "Tân Lập", kind: "Xã", code: "07096", mountainous: false, villageCount: 4, villageNames: ["Thôn Tân Hợp", "Thôn Tân Bình", "Thôn Đồng Tâm", "Thôn 1"] },
  { name: "Quảng An", kind: "Xã", code: "07075", mountainous: true, villageCount: 6, villageNames: ["Thôn Làng Y", "Thôn Xí Nghiệp", "Thôn Tân Đức", "Thôn Nà Cáng", "Thôn Bắc Văn", "Thôn Mã Thầu"] },
];

const PLACE_A = ["Tân", "Quảng", "Đại", "Dực", "Hải", "Đồng", "Thanh", "Hòa", "Phú", "Bình", "Yên", "Vĩnh", "Minh", "Hưng", "Long", "Xuân", "Trung", "Nam", "Bắc", "Đông"];
const PLACE_B = ["Lợi", "Lâm", "Bình", "An", "Hà", "Sơn", "Thịnh", "Tiến", "Hợp", "Lập", "Phong", "Thành", "Hòa", "Yên", "Phúc", "Lộc", "Xuân", "Tân", "Trung", "Hưng", "Mỹ", "Cường"];
const PLACE_C = ["", " Thượng", " Hạ", " Đông", " Tây", " Nam", " Bắc", " Trung"];

/** The full unit name, e.g. "Xã Quảng Lợi". */
export function unitName(c: FixtureCommune): string {
  return `${c.kind} ${c.name}`;
}

/** The commune for a unit name (known or generated); generated units are "Xã …" with 5 villages. */
export function communeOf(unit: string): FixtureCommune {
  const known = COMMUNES.find((c) => unitName(c) === unit);
  if (known) return known;
  const m = /^(Xã|Thị trấn|Phường)\s+(.+)$/.exec(unit);
  const kind = (m?.[1] ?? "Xã") as FixtureCommune["kind"];
  const name = m?.[2] ?? unit;
  let h = 0;
  for (let i = 0; i < unit.length; i++) h = (h * 31 + unit.charCodeAt(i)) >>> 0;
  return { name, kind, code: String(10000 + (h % 89999)).padStart(5, "0"), mountainous: h % 4 === 0, villageCount: 4 + (h % 6), villageNames: [] };
}

/** `count` unit names: the Đầm Hà list first, then generated names ("Xã Tân Lợi", "Xã Quảng Lâm Thượng"…). */
export function makeUnits(count: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of COMMUNES) {
    if (out.length >= count) return out;
    out.push(unitName(c));
    seen.add(unitName(c));
  }
  for (let i = 0; out.length < count; i++) {
    const a = PLACE_A[i % PLACE_A.length];
    const b = PLACE_B[Math.floor(i / PLACE_A.length) % PLACE_B.length];
    const cIdx = Math.floor(i / (PLACE_A.length * PLACE_B.length));
    const c = cIdx < PLACE_C.length ? PLACE_C[cIdx] : ` ${cIdx}`;
    if (a === b) continue;
    const name = `Xã ${a} ${b}${c}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/** Village name number `j` (0-based) of a commune. */
export function villageName(c: FixtureCommune, j: number): string {
  if (j < c.villageNames.length) return c.villageNames[j];
  if (c.kind === "Thị trấn") return `Khu phố ${j + 1}`;
  if (c.kind === "Phường") return `Tổ dân phố ${j + 1}`;
  return `Thôn ${j + 1}`;
}

/** Cán bộ chuyên trách titles, most senior first. */
export const CAN_BO_TITLES = [
  "Bí thư Đảng ủy",
  "Phó Bí thư Đảng ủy",
  "Chủ tịch HĐND",
  "Chủ tịch UBND",
  "Phó Chủ tịch HĐND",
  "Phó Chủ tịch UBND",
  "Chủ tịch UBMTTQ",
  "Bí thư Đoàn TNCS Hồ Chí Minh",
  "Chủ tịch Hội Liên hiệp Phụ nữ",
  "Chủ tịch Hội Nông dân",
  "Chủ tịch Hội Cựu chiến binh",
  "Phó Chủ tịch UBND",
] as const;

/** Công chức titles (NĐ 33/2023 style names as offices shorten them). */
export const CONG_CHUC_TITLES = [
  "Chỉ huy trưởng Quân sự",
  "Văn phòng - thống kê",
  "Địa chính - xây dựng",
  "Tài chính - kế toán",
  "Tư pháp - hộ tịch",
  "Văn hóa - xã hội",
  "Văn phòng - thống kê",
  "Tư pháp - hộ tịch",
  "Văn hóa - xã hội",
] as const;

/** The pre-2020 title that the `oldTitles` option adds. */
export const OLD_CONG_CHUC_TITLE = "Trưởng Công an xã";

/** Người hoạt động không chuyên trách ở cấp xã. */
export const KCT_XA_TITLES = [
  "Phó Chỉ huy trưởng Quân sự",
  "Văn thư - lưu trữ",
  "Phó Chủ tịch UBMTTQ",
  "Phó Bí thư Đoàn TNCS Hồ Chí Minh",
  "Phó Chủ tịch Hội Liên hiệp Phụ nữ",
  "Phó Chủ tịch Hội Nông dân",
  "Phó Chủ tịch Hội Cựu chiến binh",
  "Chủ tịch Hội Người cao tuổi",
  "Chủ tịch Hội Chữ thập đỏ",
  "Thủ quỹ",
] as const;

const FEMALE_ONLY = new Set(["Chủ tịch Hội Liên hiệp Phụ nữ", "Phó Chủ tịch Hội Liên hiệp Phụ nữ"]);
const MALE_ONLY = new Set(["Chỉ huy trưởng Quân sự", "Phó Chỉ huy trưởng Quân sự", "Chủ tịch Hội Cựu chiến binh", "Phó Chủ tịch Hội Cựu chiến binh", OLD_CONG_CHUC_TITLE]);

const SURNAMES_KINH: readonly (readonly [string, number])[] = [
  ["Nguyễn", 30], ["Trần", 10], ["Lê", 8], ["Phạm", 7], ["Hoàng", 6], ["Vũ", 5], ["Đặng", 4], ["Bùi", 4], ["Đỗ", 4], ["Hồ", 2], ["Ngô", 3], ["Dương", 3], ["Lý", 3],
];
const SURNAMES_DAO = ["Triệu", "Bàn", "Lý", "Đặng", "Chìu", "Phùn", "Tằng", "Voòng"];
const SURNAMES_TAY = ["Hoàng", "Nông", "Lục", "Vi", "Hà", "Lương", "Nguyễn"];
const SURNAMES_MONG = ["Giàng", "Vàng", "Sùng", "Lý", "Thào"];
const MIDDLE_MALE = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Xuân", "Công", "Đình"];
const MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Minh", "Thu", "Hồng", "Kim"];
const MIDDLE2_FEMALE = ["Thu", "Thanh", "Ngọc", "Hồng", "Minh", "Kim"];
/** Given names; none starts with a toned capital (TCVN3 cannot write those in a normal font). */
const GIVEN_MALE = ["Hùng", "Đức", "Khoa", "Dũng", "Tuấn", "Hải", "Sơn", "Thắng", "Trung", "Cường", "Bình", "Quang", "Long", "Nam", "Phong", "Thành", "Hiếu", "Kiên", "Tùng", "Việt", "Hòa", "Thủy", "Toàn", "Chiến", "Lâm"];
const GIVEN_FEMALE = ["Hường", "Lan", "Thủy", "Hòa", "Hương", "Mai", "Hà", "Linh", "Nga", "Phương", "Yến", "Hạnh", "Nhung", "Huyền", "Trang", "Thảo", "Loan", "Thu", "Hiền", "Dung", "Vân"];
const GIVEN_MONG_MALE = ["Dờ", "Páo", "Chứ", "Sử", "Pó"];
const GIVEN_MONG_FEMALE = ["Mỷ", "Dua", "Sy", "Mai", "Chu"];

const ETHNIC_PLAIN: readonly (readonly [string, number])[] = [["Kinh", 80], ["Tày", 6], ["Dao", 6], ["Sán Chỉ", 4], ["H'Mông", 2], ["Sán Dìu", 2]];
const ETHNIC_MOUNTAIN: readonly (readonly [string, number])[] = [["Kinh", 35], ["Dao", 30], ["Sán Chỉ", 15], ["Tày", 10], ["H'Mông", 5], ["Nùng", 5]];

interface QualPool {
  professional: readonly string[];
  political: readonly string[];
  stateMgmt: readonly string[];
  generalEdu: readonly string[];
  years: readonly [number, number];
  party: number;
}
const QUALS: Record<PersonCategory, QualPool> = {
  "Cán bộ": {
    professional: ["ĐH Luật", "Đại học Kinh tế", "Đại học Hành chính", "ĐH Quản lý đất đai", "Cử nhân Kinh tế", "Kỹ sư Nông nghiệp", "Thạc sĩ Quản lý kinh tế", "Cao đẳng", "TC Kế toán", "ĐH Luật"],
    political: ["Trung cấp", "Cao cấp", "Cử nhân", "Trung cấp", "Trung cấp"],
    stateMgmt: ["CV", "Chuyên viên", "Cán sự", "", "CV", "CVC"],
    generalEdu: ["12/12", "12/12", "10/10", "12/12"],
    years: [1966, 1990],
    party: 1,
  },
  "Công chức": {
    professional: ["ĐH Luật", "Đại học Kế toán", "ĐH Tài chính - Ngân hàng", "Đại học Quản lý đất đai", "Cao đẳng Văn thư", "TC Kế toán", "Đại học Văn hóa"],
    political: ["Sơ cấp", "Trung cấp", "", "Trung cấp"],
    stateMgmt: ["CV", "Cán sự", "Chuyên viên", ""],
    generalEdu: ["12/12"],
    years: [1972, 1998],
    party: 0.7,
  },
  "KCT cấp xã": {
    professional: ["Trung cấp", "TC Kế toán", "Cao đẳng", "Sơ cấp", "", "ĐH Luật"],
    political: ["Sơ cấp", "Trung cấp", ""],
    stateMgmt: ["", "", "Cán sự"],
    generalEdu: ["12/12", "12/12", "9/12", "10/10"],
    years: [1965, 1998],
    party: 0.5,
  },
  "KCT thôn": {
    professional: ["", "", "Sơ cấp", "Trung cấp", "TC Nông nghiệp"],
    political: ["Sơ cấp", "", ""],
    stateMgmt: [""],
    generalEdu: ["12/12", "9/12", "7/10", "10/10", "9/12"],
    years: [1958, 1995],
    party: 0.4,
  },
};

const STATUSES = ["Kiêm nhiệm", "Đang đi học", "Biệt phái", "Nghỉ chế độ thai sản"];

/** Options for {@link makePeople}. */
export interface MakePeopleOptions {
  /** Units to spread the people over, in order (default: from {@link makeUnits}). */
  units?: string[];
  /** Add the pre-2020 công chức title "Trưởng Công an xã". */
  oldTitles?: boolean;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function personName(rng: Rng, gender: "Nam" | "Nữ", ethnicity: string): string {
  const male = gender === "Nam";
  if (ethnicity === "H'Mông") {
    return `${rng.pick(SURNAMES_MONG)} ${male ? rng.pick(["A", "Seo", "A"]) : "Thị"} ${rng.pick(male ? GIVEN_MONG_MALE : GIVEN_MONG_FEMALE)}`;
  }
  const ho = ethnicity === "Dao" || ethnicity === "Sán Chỉ" ? rng.pick(SURNAMES_DAO) : ethnicity === "Tày" || ethnicity === "Nùng" ? rng.pick(SURNAMES_TAY) : rng.weighted(SURNAMES_KINH);
  const dem = rng.pick(male ? MIDDLE_MALE : MIDDLE_FEMALE);
  const ten = rng.pick(male ? GIVEN_MALE : GIVEN_FEMALE);
  if (!male && dem === "Thị" && rng.chance(0.15)) return `${ho} ${dem} ${rng.pick(MIDDLE2_FEMALE)} ${ten}`;
  return `${ho} ${dem} ${ten}`;
}

/** Positions of one unit with `k` people: cán bộ, công chức, KCT cấp xã, then KCT per village. */
function unitPositions(k: number, commune: FixtureCommune, oldTitles: boolean): { position: string; category: PersonCategory; village?: string }[] {
  const out: { position: string; category: PersonCategory; village?: string }[] = [];
  const cb = Math.min(CAN_BO_TITLES.length, Math.round(k * 0.35));
  const ccTitles: string[] = oldTitles ? [OLD_CONG_CHUC_TITLE, ...CONG_CHUC_TITLES] : [...CONG_CHUC_TITLES];
  const cc = Math.min(ccTitles.length, Math.round(k * 0.25));
  const kx = Math.min(KCT_XA_TITLES.length, Math.round(k * 0.15));
  for (let i = 0; i < cb; i++) out.push({ position: CAN_BO_TITLES[i], category: "Cán bộ" });
  for (let i = 0; i < cc; i++) out.push({ position: ccTitles[i], category: "Công chức" });
  for (let i = 0; i < kx; i++) out.push({ position: KCT_XA_TITLES[i], category: "KCT cấp xã" });
  const town = commune.kind !== "Xã";
  const head = commune.kind === "Thị trấn" ? "Trưởng khu phố" : commune.kind === "Phường" ? "Tổ trưởng tổ dân phố" : "Trưởng thôn";
  for (let j = 0; out.length < k; j++) {
    const village = villageName(commune, j);
    const titles = !town && j % 4 === 1 ? ["Bí thư Chi bộ kiêm Trưởng thôn", "Trưởng ban công tác Mặt trận"] : ["Bí thư Chi bộ", head, "Trưởng ban công tác Mặt trận"];
    for (const t of titles) if (out.length < k) out.push({ position: t, category: "KCT thôn", village });
  }
  return out.slice(0, k);
}

/**
 * `n` people, deterministic for a seed, spread over units (contiguous blocks, in position order
 * within each unit: Đảng ủy → HĐND → UBND → MTTQ and đoàn thể → công chức → KCT → thôn).
 * @example makePeople(24, 1) // 24 people in "Xã Quảng Lợi" and "Thị trấn Đầm Hà"
 */
export function makePeople(n: number, seed = 1, options: MakePeopleOptions = {}): FixturePerson[] {
  const rng = new Rng(seed);
  const unitCount = Math.max(1, n <= 60 ? Math.ceil(n / 12) : Math.min(3321, Math.ceil(n / 40)));
  const units = options.units && options.units.length > 0 ? options.units : makeUnits(unitCount);
  const people: FixturePerson[] = [];
  for (let u = 0; u < units.length; u++) {
    const from = Math.floor((u * n) / units.length);
    const to = Math.floor(((u + 1) * n) / units.length);
    if (to <= from) continue;
    const commune = communeOf(units[u]);
    for (const slot of unitPositions(to - from, commune, options.oldTitles ?? false)) {
      const q = QUALS[slot.category];
      const gender: "Nam" | "Nữ" = FEMALE_ONLY.has(slot.position) ? "Nữ" : MALE_ONLY.has(slot.position) ? "Nam" : rng.chance(0.35) ? "Nữ" : "Nam";
      const ethnicity = rng.weighted(commune.mountainous ? ETHNIC_MOUNTAIN : ETHNIC_PLAIN);
      let [y0, y1] = q.years;
      if (slot.position.includes("Đoàn")) [y0, y1] = [1990, 1998];
      if (slot.position === "Chủ tịch Hội Người cao tuổi") [y0, y1] = [1950, 1962];
      const year = rng.int(y0, y1);
      const birthDate = `${pad2(rng.int(1, 28))}/${pad2(rng.int(1, 12))}/${year}`;
      const person: FixturePerson = {
        fullName: personName(rng, gender, ethnicity),
        birthDate,
        gender,
        position: slot.position,
        category: slot.category,
        unit: units[u],
        professional: rng.pick(q.professional),
        political: rng.pick(q.political),
        stateMgmt: rng.pick(q.stateMgmt),
        generalEdu: rng.pick(q.generalEdu),
        ethnicity,
        religion: rng.weighted([["Không", 95], ["Phật giáo", 3], ["Công giáo", 2]] as const),
        partyMember: slot.position.startsWith("Bí thư") || rng.chance(q.party),
      };
      if (slot.village) person.village = slot.village;
      if (rng.chance(0.9)) {
        const centuryGender = (year >= 2000 ? 2 : 0) + (gender === "Nữ" ? 1 : 0);
        person.idNumber = `022${centuryGender}${String(year % 100).padStart(2, "0")}${String(rng.int(0, 999999)).padStart(6, "0")}`;
      }
      if (rng.chance(0.06)) {
        const s = rng.pick(STATUSES);
        if (s !== "Nghỉ chế độ thai sản" || gender === "Nữ") person.status = s;
      }
      people.push(person);
    }
  }
  return people;
}

/**
 * The title as a roster cell shows it, with the village for KCT thôn:
 * "Trưởng thôn" + "Thôn 1" → "Trưởng thôn 1"; "Bí thư Chi bộ" + "Thôn Bắc Sơn" → "Bí thư Chi bộ thôn Bắc Sơn".
 */
export function displayPosition(p: FixturePerson): string {
  if (!p.village) return p.position;
  const v = p.village;
  const lowerPos = p.position.toLowerCase();
  for (const kind of ["thôn", "khu phố", "tổ dân phố"]) {
    if (v.toLowerCase().startsWith(kind + " ") && lowerPos.endsWith(kind)) return `${p.position} ${v.slice(kind.length + 1)}`;
  }
  return `${p.position} ${v.charAt(0).toLowerCase()}${v.slice(1)}`;
}

/** Day, month and year of a dd/mm/yyyy birth date. */
export function dateParts(ddmmyyyy: string): { d: number; m: number; y: number } {
  const [d, m, y] = ddmmyyyy.split("/").map(Number);
  return { d, m, y };
}

/** The birth date as a UTC midnight Date (what the builders write into date cells). */
export function birthDateValue(p: FixturePerson): Date {
  const { d, m, y } = dateParts(p.birthDate);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The Excel serial of a UTC date, in the 1900 or the 1904 system. */
export function excelSerial(date: Date, date1904 = false): number {
  return date.getTime() / 86400000 + 25569 - (date1904 ? 1462 : 0);
}

/** Age in whole years at `asOf` (dd/mm/yyyy). */
export function ageAt(p: FixturePerson, asOf = "31/12/2024"): number {
  const b = dateParts(p.birthDate);
  const a = dateParts(asOf);
  return a.y - b.y - (a.m < b.m || (a.m === b.m && a.d < b.d) ? 1 : 0);
}

/** Unicode → ASCII without diacritics ("Quảng Lợi" → "Quang Loi"). */
export function asciiFold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

// ---------------------------------------------------------------------------------------------
// Fixture descriptions

/** Where the blocks of one sheet are (1-based rows and columns). */
export interface FixtureSheet {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  titleRows: number[];
  headerRows: number[];
  indexRow?: number;
  sectionRows: { row: number; label: string }[];
  /** One entry per person row: the row and the index of the person in {@link Fixture.people}. */
  personRows: { row: number; person: number }[];
  totalRows: number[];
  footerRows: number[];
  /** Empty rows inside the table body (not the spacing around title and footer). */
  blankRows: number[];
  /** Canonical field (or header path "Group/Leaf") → column. */
  columns: Record<string, number>;
}

/** A deliberate oddity in a fixture, with its cell. */
export interface FixtureQuirk {
  kind: string;
  sheet: string;
  row: number;
  col: number;
  /** The value as written in the cell. */
  raw?: unknown;
  /** The person concerned (index into {@link Fixture.people}). */
  person?: number;
  note?: string;
}

/** Staffing quota of one unit (the "Định biên" sheet). */
export interface FixtureQuota {
  code: string;
  unit: string;
  /** Phân loại ĐVHC. */
  unitClass: "I" | "II" | "III";
  mountainous: boolean;
  villages: number;
  cbccProvince: number;
  cbccDistrict: number;
  kctProvince: number;
  kctDistrict: number;
  villageKctNorm: number;
}

/** A built workbook and everything a test needs to know about it. */
export interface Fixture {
  bytes: Uint8Array;
  people: FixturePerson[];
  sheets: FixtureSheet[];
  quirks: FixtureQuirk[];
  date1904: boolean;
  quotas?: FixtureQuota[];
}

function newSheet(name: string, state?: FixtureSheet["state"]): FixtureSheet {
  const s: FixtureSheet = { name, titleRows: [], headerRows: [], sectionRows: [], personRows: [], totalRows: [], footerRows: [], blankRows: [], columns: {} };
  if (state && state !== "visible") s.state = state;
  return s;
}

// ---------------------------------------------------------------------------------------------
// A tiny sheet model with two writers (ExcelJS, and direct XML for benchmark sizes)

export interface FontSpec {
  name?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}
interface StyleSpec {
  font?: FontSpec;
  numFmt?: string;
  h?: "left" | "center" | "right";
  wrap?: boolean;
}
interface RichRun {
  text: string;
  font?: FontSpec;
}
type Scalar = string | number | boolean | Date;
type CellInput = Scalar | { formula: string; result?: Scalar | { error: string } } | { richText: RichRun[] } | { error: string };

interface SheetDef {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  widths?: number[];
  hiddenColumns?: number[];
}

/** What the layout emitters write to. Rows must be written in increasing order for the XML writer. */
interface Sink {
  cell(r: number, c: number, v: CellInput | null | undefined, s?: StyleSpec): void;
  merge(top: number, left: number, bottom: number, right: number): void;
  hideRow(r: number): void;
}

interface Book {
  sheet(def: SheetDef): Sink;
  finish(): Promise<Uint8Array>;
}

class ExcelJsBook implements Book {
  private readonly wb = new ExcelJS.Workbook();
  private readonly pending: { ws: ExcelJS.Worksheet; merges: CellRange[] }[] = [];
  constructor(date1904: boolean) {
    this.wb.creator = "Phòng Nội vụ";
    this.wb.created = new Date(Date.UTC(2024, 10, 15, 8, 0, 0));
    this.wb.modified = this.wb.created;
    if (date1904) this.wb.properties.date1904 = true;
  }
  sheet(def: SheetDef): Sink {
    const ws = this.wb.addWorksheet(def.name);
    if (def.state && def.state !== "visible") ws.state = def.state;
    def.widths?.forEach((w, i) => {
      if (w > 0) ws.getColumn(i + 1).width = w;
    });
    for (const c of def.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
    const entry = { ws, merges: [] as CellRange[] };
    this.pending.push(entry);
    return {
      cell: (r, c, v, s) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r, c);
        cell.value = toExcelJsValue(v);
        if (s?.font) cell.font = { ...s.font };
        if (s?.numFmt) cell.numFmt = s.numFmt;
        if (s?.h || s?.wrap) cell.alignment = { horizontal: s.h, vertical: "middle", wrapText: s.wrap };
      },
      merge: (top, left, bottom, right) => entry.merges.push({ top, left, bottom, right }),
      hideRow: (r) => {
        ws.getRow(r).hidden = true;
      },
    };
  }
  async finish(): Promise<Uint8Array> {
    for (const { ws, merges } of this.pending) for (const m of merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    const buf = await this.wb.xlsx.writeBuffer();
    return stableZip(new Uint8Array(buf as unknown as ArrayBuffer));
  }
}

/** Fixed timestamp for zip entries, so that the same options give the same bytes. */
const ZIP_MTIME = new Date(Date.UTC(2024, 10, 15, 8, 0, 0));

/** Re-zip ExcelJS output with fixed entry times (same entries, same order, same content). */
function stableZip(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const out: Record<string, [Uint8Array, { level: 6 }]> = {};
  for (const [name, data] of Object.entries(files)) out[name] = [data, { level: 6 }];
  return zipSync(out, { mtime: ZIP_MTIME });
}

function toExcelJsValue(v: CellInput): ExcelJS.CellValue {
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("richText" in v) return { richText: v.richText.map((r) => (r.font ? { text: r.text, font: { ...r.font } } : { text: r.text })) };
  return v as unknown as ExcelJS.CellValue;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Escape element text the way Excel does (XML entities, control characters and literal `_xHHHH_`). */
export function xmlText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}
/** Escape an attribute value. */
export function xmlAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

function fontXml(f: FontSpec | undefined, tag: "name" | "rFont"): string {
  const font = f ?? {};
  return `${font.bold ? "<b/>" : ""}${font.italic ? "<i/>" : ""}<sz val="${font.size ?? 11}"/><${tag} val="${xmlAttr(font.name ?? "Calibri")}"/>`;
}

/** A streaming .xlsx writer: sheet XML goes straight into the deflater, row by row. */
class RawBook implements Book {
  private readonly out: Uint8Array[] = [];
  private readonly zip = new Zip((err, data) => {
    if (err) throw err;
    this.out.push(data);
  });
  private readonly sheets: { name: string; state?: string }[] = [];
  private readonly sst = new Map<string, number>();
  private readonly sstXml: string[] = [];
  private sstCount = 0;
  private readonly fonts = new Map<string, number>([[fontXml(undefined, "name"), 0]]);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Map<string, number>([["0|0|", 0]]);
  private closeCurrent?: () => void;
  constructor(private readonly date1904: boolean, private readonly level: 0 | 1 | 6 | 9 = 6) {}

  private file(path: string, text: string): void {
    const f = new ZipDeflate(path, { level: this.level });
    f.mtime = ZIP_MTIME; // read from the file object, not from the deflate options
    this.zip.add(f);
    f.push(strToU8(text), true);
  }
  private readonly styleCache = new Map<string, number>();
  private readonly styleObjects = [new WeakMap<StyleSpec, number>(), new WeakMap<StyleSpec, number>()];
  private styleIndex(s: StyleSpec | undefined, isDate: boolean): number {
    if (!s && !isDate) return 0;
    const objects = this.styleObjects[isDate ? 1 : 0];
    if (s) {
      const known = objects.get(s);
      if (known !== undefined) return known;
    }
    const f = s?.font;
    const quick = `${f?.name}|${f?.bold}|${f?.italic}|${f?.size}|${s?.numFmt}|${s?.h}|${s?.wrap}|${isDate}`;
    const cached = this.styleCache.get(quick);
    if (cached !== undefined) {
      if (s) objects.set(s, cached);
      return cached;
    }
    const fontKey = fontXml(f, "name");
    let fontId = this.fonts.get(fontKey);
    if (fontId === undefined) this.fonts.set(fontKey, (fontId = this.fonts.size));
    const code = s?.numFmt;
    let fmtId = 0;
    if (code === undefined) fmtId = isDate ? 14 : 0; // a date typed into a General cell gets the built-in short date
    else if (code === "General") fmtId = 0;
    else if (code === "@") fmtId = 49;
    else {
      let id = this.numFmts.get(code);
      if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
      fmtId = id;
    }
    const align = s?.h || s?.wrap ? `${s.h ?? ""}${s.wrap ? "w" : ""}` : "";
    const key = `${fmtId}|${fontId}|${align}`;
    let xf = this.xfs.get(key);
    if (xf === undefined) this.xfs.set(key, (xf = this.xfs.size));
    this.styleCache.set(quick, xf);
    if (s) objects.set(s, xf);
    return xf;
  }
  private sharedString(v: string): number {
    this.sstCount++;
    let i = this.sst.get(v);
    if (i === undefined) {
      this.sst.set(v, (i = this.sst.size));
      this.sstXml.push(`<t${/^\s|\s$/.test(v) ? ' xml:space="preserve"' : ""}>${xmlText(v)}</t>`);
    }
    return i;
  }
  private sharedRich(runs: string): number {
    this.sstCount++;
    const key = "\u0000rich" + runs;
    let i = this.sst.get(key);
    if (i === undefined) {
      this.sst.set(key, (i = this.sst.size));
      this.sstXml.push(runs);
    }
    return i;
  }
  private cellXml(r: number, c: number, v: CellInput, s?: StyleSpec): string {
    const ref = `${columnLetter(c)}${r}`;
    const isDate = v instanceof Date;
    const st = this.styleIndex(s, isDate);
    const sa = st ? ` s="${st}"` : "";
    if (typeof v === "string") return `<c r="${ref}"${sa} t="s"><v>${this.sharedString(v)}</v></c>`;
    if (typeof v === "number") return `<c r="${ref}"${sa}><v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
    if (v instanceof Date) return `<c r="${ref}"${sa}><v>${excelSerial(v, this.date1904)}</v></c>`;
    if ("richText" in v) {
      const runs = v.richText.map((run) => `<r>${run.font ? `<rPr>${fontXml(run.font, "rFont")}</rPr>` : ""}<t xml:space="preserve">${xmlText(run.text)}</t></r>`).join("");
      return `<c r="${ref}"${sa} t="s"><v>${this.sharedRich(runs)}</v></c>`;
    }
    if ("formula" in v) {
      const f = `<f>${xmlText(v.formula)}</f>`;
      const res = v.result;
      if (res === undefined) return `<c r="${ref}"${sa}>${f}</c>`;
      if (typeof res === "string") return `<c r="${ref}"${sa} t="str">${f}<v>${xmlText(res)}</v></c>`;
      if (typeof res === "boolean") return `<c r="${ref}"${sa} t="b">${f}<v>${res ? 1 : 0}</v></c>`;
      if (res instanceof Date) return `<c r="${ref}"${sa}>${f}<v>${excelSerial(res, this.date1904)}</v></c>`;
      if (typeof res === "object") return `<c r="${ref}"${sa} t="e">${f}<v>${xmlText(res.error)}</v></c>`;
      return `<c r="${ref}"${sa}>${f}<v>${res}</v></c>`;
    }
    return `<c r="${ref}"${sa} t="e"><v>${xmlText(v.error)}</v></c>`;
  }

  sheet(def: SheetDef): Sink {
    this.closeCurrent?.();
    const index = this.sheets.length + 1;
    this.sheets.push({ name: def.name, state: def.state });
    const stream = new ZipDeflate(`xl/worksheets/sheet${index}.xml`, { level: this.level });
    stream.mtime = ZIP_MTIME;
    this.zip.add(stream);
    let buffer = "";
    const write = (s: string, final = false) => {
      buffer += s;
      if (buffer.length > 1 << 20 || final) {
        stream.push(strToU8(buffer), final);
        buffer = "";
      }
    };
    const hiddenCols = new Set(def.hiddenColumns ?? []);
    const widths = def.widths ?? [];
    let cols = "";
    const colCount = Math.max(widths.length, ...[...hiddenCols, 0]);
    for (let c = 1; c <= colCount; c++) {
      const w = widths[c - 1];
      if (!w && !hiddenCols.has(c)) continue;
      cols += `<col min="${c}" max="${c}" width="${w || 9}" customWidth="1"${hiddenCols.has(c) ? ' hidden="1"' : ""}/>`;
    }
    write(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`);
    const merges: CellRange[] = [];
    let rowNo = 0;
    let rowCells: { c: number; xml: string }[] = [];
    let rowHidden = false;
    const flush = () => {
      if (rowNo > 0 && (rowCells.length > 0 || rowHidden)) {
        rowCells.sort((a, b) => a.c - b.c);
        write(`<row r="${rowNo}"${rowHidden ? ' hidden="1"' : ""}>${rowCells.map((x) => x.xml).join("")}</row>`);
      }
      rowCells = [];
      rowHidden = false;
    };
    const goto = (r: number) => {
      if (r === rowNo) return;
      if (r < rowNo) throw new Error(`RawBook: row ${r} written after row ${rowNo}`);
      flush();
      rowNo = r;
    };
    this.closeCurrent = () => {
      flush();
      let tail = "</sheetData>";
      if (merges.length) tail += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}"/>`).join("")}</mergeCells>`;
      tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
      write(tail, true);
      this.closeCurrent = undefined;
    };
    return {
      cell: (r, c, v, s) => {
        if (v === null || v === undefined) return;
        goto(r);
        rowCells.push({ c, xml: this.cellXml(r, c, v, s) });
      },
      merge: (top, left, bottom, right) => merges.push({ top, left, bottom, right }),
      hideRow: (r) => {
        goto(r);
        rowHidden = true;
      },
    };
  }

  async finish(): Promise<Uint8Array> {
    this.closeCurrent?.();
    const n = this.sheets.length;
    this.file(
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${this.sheets
        .map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    );
    this.file("_rels/.rels", `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    this.file(
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr${this.date1904 ? ' date1904="1"' : ""}/><bookViews><workbookView/></bookViews><sheets>${this.sheets
        .map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.state && s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    );
    this.file(
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${this.sheets
        .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join("")}<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`).join("");
    const fonts = [...this.fonts.keys()].map((f) => `<font>${f}</font>`).join("");
    const xfs = [...this.xfs.keys()]
      .map((k) => {
        const [fmt, font, align] = k.split("|");
        const h = align.replace(/w$/, "");
        const alignXml = align ? `<alignment${h ? ` horizontal="${h}"` : ""} vertical="center"${align.endsWith("w") ? ' wrapText="1"' : ""}/>` : "";
        return `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${fmt !== "0" ? ' applyNumberFormat="1"' : ""}${font !== "0" ? ' applyFont="1"' : ""}${alignXml ? ` applyAlignment="1">${alignXml}</xf>` : "/>"}`;
      })
      .join("");
    this.file(
      "xl/styles.xml",
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : ""}<fonts count="${this.fonts.size}">${fonts}</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${this.xfs.size}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    );
    this.file("xl/sharedStrings.xml", `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.sstCount}" uniqueCount="${this.sst.size}">${this.sstXml.map((x) => `<si>${x}</si>`).join("")}</sst>`);
    this.zip.end();
    let total = 0;
    for (const c of this.out) total += c.length;
    const bytes = new Uint8Array(total);
    let off = 0;
    for (const c of this.out) {
      bytes.set(c, off);
      off += c.length;
    }
    return bytes;
  }
}

// ---------------------------------------------------------------------------------------------
// Shared bits of the layouts

const TNR = "Times New Roman";
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

/** Roman numeral for 1…3999 (section rows). */
export function roman(n: number): string {
  if (n <= ROMAN.length) return ROMAN[n - 1];
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function groupByUnit(people: FixturePerson[]): { unit: string; indexes: number[] }[] {
  const groups: { unit: string; indexes: number[] }[] = [];
  const byUnit = new Map<string, { unit: string; indexes: number[] }>();
  people.forEach((p, i) => {
    let g = byUnit.get(p.unit);
    if (!g) {
      byUnit.set(p.unit, (g = { unit: p.unit, indexes: [] }));
      groups.push(g);
    }
    g.indexes.push(i);
  });
  return groups;
}

/** Common options of the roster builders. */
export interface RosterOptions {
  /** People to write (default: `makePeople(count, seed)`). */
  people?: FixturePerson[];
  /** Number of people when `people` is not given. */
  count?: number;
  seed?: number;
  /** Append a "Định biên" sheet ({@link quotaFixture}) for the units of the roster. */
  withQuota?: boolean;
}

function peopleFor(o: RosterOptions, defaultCount: number, units?: string[]): FixturePerson[] {
  return o.people ?? makePeople(o.count ?? defaultCount, o.seed ?? 1, units ? { units } : {});
}

function uniqueUnits(people: FixturePerson[]): string[] {
  return [...new Set(people.map((p) => p.unit))];
}

// ---------------------------------------------------------------------------------------------
// a. District list: one sheet "DS CBCC", commune section rows

/** Options for {@link districtListFixture}. */
export interface DistrictListOptions extends RosterOptions {
  /** Which birth dates are text: "some" (every 5th person, default), "none" or "all". */
  textDates?: "none" | "some" | "all";
  /** The year in the title (default 2024). */
  year?: number;
  /** Append a hidden "DM" sheet (validation lists) and a very hidden "Cấu hình" sheet. */
  hiddenSheets?: boolean;
}

const DISTRICT_COLUMNS = { stt: 1, fullName: 2, "dob/Nam": 3, "dob/Nữ": 4, ethnicity: 5, position: 6, generalEdu: 7, professional: 8, political: 9, stateMgmt: 10, idNumber: 11, note: 12 };

function emitDistrictList(sink: Sink, sheet: FixtureSheet, people: FixturePerson[], o: DistrictListOptions, quirks: FixtureQuirk[]): void {
  const year = o.year ?? 2024;
  const F: FontSpec = { name: TNR, size: 12 };
  const B: FontSpec = { ...F, bold: true };
  const center = (font: FontSpec): StyleSpec => ({ font, h: "center", wrap: true });
  // Styles shared by every person row (one object each, so the XML writer interns them once).
  const cF = center(F);
  const cB = center(B);
  const left: StyleSpec = { font: F };
  const leftB: StyleSpec = { font: B };
  const leftWrap: StyleSpec = { font: F, wrap: true };
  const dateFmt: StyleSpec = { font: F, h: "center", numFmt: "dd/mm/yyyy" };
  const dateBuiltin: StyleSpec = { font: F, h: "center" };
  sheet.columns = { ...DISTRICT_COLUMNS };
  // Title block
  sink.cell(1, 1, "UBND HUYỆN ĐẦM HÀ", center(F));
  sink.merge(1, 1, 1, 4);
  sink.cell(1, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", center(B));
  sink.merge(1, 6, 1, 12);
  sink.cell(2, 1, "PHÒNG NỘI VỤ", center(B));
  sink.merge(2, 1, 2, 4);
  sink.cell(2, 6, "Độc lập - Tự do - Hạnh phúc", center(B));
  sink.merge(2, 6, 2, 12);
  sink.cell(4, 1, `DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM ${year}`, center({ ...B, size: 14 }));
  sink.merge(4, 1, 4, 12);
  sink.cell(5, 1, `(Kèm theo Báo cáo số 125/BC-PNV ngày 15/11/${year} của Phòng Nội vụ huyện Đầm Hà)`, center({ ...F, italic: true }));
  sink.merge(5, 1, 5, 12);
  sheet.titleRows = [1, 2, 4, 5];
  // Header band, rows 7–8
  const h = center(B);
  const single: [number, string][] = [[1, "STT"], [2, "Họ và tên"], [5, "Dân tộc"], [6, "Chức vụ"], [11, "Số CCCD"], [12, "Ghi chú"]];
  for (const [c, text] of single) {
    sink.cell(7, c, text, h);
    sink.merge(7, c, 8, c);
  }
  sink.cell(7, 3, "Ngày, tháng,\nnăm sinh", h);
  sink.merge(7, 3, 7, 4);
  sink.cell(7, 7, "Trình độ", h);
  sink.merge(7, 7, 7, 10);
  const leaves: [number, string][] = [[3, "Nam"], [4, "Nữ"], [7, "Văn hóa"], [8, "Chuyên môn"], [9, "LLCT"], [10, "QLNN"]];
  for (const [c, text] of leaves) sink.cell(8, c, text, h);
  sheet.headerRows = [7, 8];
  for (let c = 1; c <= 12; c++) sink.cell(9, c, `(${c})`, center({ ...F, italic: true, size: 10 }));
  sheet.indexRow = 9;
  // Body
  let r = 10;
  const totals: number[] = [];
  let personNo = 0;
  const groups = groupByUnit(people);
  groups.forEach((g, gi) => {
    sink.cell(r, 1, roman(gi + 1), cB);
    sink.cell(r, 2, g.unit, leftB);
    sink.merge(r, 2, r, 12);
    sheet.sectionRows.push({ row: r, label: g.unit });
    r++;
    const first = r;
    let male = 0;
    let female = 0;
    g.indexes.forEach((pi, k) => {
      const p = people[pi];
      sink.cell(r, 1, k + 1, cF);
      sink.cell(r, 2, p.fullName, left);
      const dateCol = p.gender === "Nam" ? 3 : 4;
      if (p.gender === "Nam") male++;
      else female++;
      const asText = o.textDates === "all" || ((o.textDates ?? "some") === "some" && personNo % 5 === 3);
      if (asText) {
        sink.cell(r, dateCol, p.birthDate, cF);
        quirks.push({ kind: "textDate", sheet: sheet.name, row: r, col: dateCol, raw: p.birthDate, person: pi });
      } else if (personNo % 7 === 6) {
        // A date cell left in the built-in short-date format (numFmtId 14), as Excel does on entry.
        sink.cell(r, dateCol, birthDateValue(p), dateBuiltin);
        quirks.push({ kind: "builtinDateFormat", sheet: sheet.name, row: r, col: dateCol, raw: birthDateValue(p), person: pi });
      } else sink.cell(r, dateCol, birthDateValue(p), dateFmt);
      sink.cell(r, 5, p.ethnicity, cF);
      sink.cell(r, 6, displayPosition(p), leftWrap);
      sink.cell(r, 7, p.generalEdu, cF);
      sink.cell(r, 8, p.professional || undefined, left);
      sink.cell(r, 9, p.political || undefined, cF);
      sink.cell(r, 10, p.stateMgmt || undefined, cF);
      sink.cell(r, 11, p.idNumber, cF);
      sink.cell(r, 12, p.status, left);
      sheet.personRows.push({ row: r, person: pi });
      personNo++;
      r++;
    });
    const last = r - 1;
    sink.cell(r, 1, `Cộng: ${g.indexes.length} người`, cB);
    sink.merge(r, 1, r, 2);
    sink.cell(r, 3, { formula: `COUNTA(C${first}:C${last})`, result: male }, cB);
    sink.cell(r, 4, { formula: `COUNTA(D${first}:D${last})`, result: female }, cB);
    sheet.totalRows.push(r);
    totals.push(r);
    r++;
  });
  const males = people.filter((p) => p.gender === "Nam").length;
  sink.cell(r, 1, "Tổng cộng", cB);
  sink.merge(r, 1, r, 2);
  sink.cell(r, 3, { formula: totals.map((t) => `C${t}`).join("+") || "0", result: males }, cB);
  sink.cell(r, 4, { formula: totals.map((t) => `D${t}`).join("+") || "0", result: people.length - males }, cB);
  sink.cell(r, 6, `${people.length} người`, leftB);
  sheet.totalRows.push(r);
  r += 2;
  // Footer
  sink.cell(r, 8, `Đầm Hà, ngày 15 tháng 11 năm ${year}`, center({ ...F, italic: true }));
  sink.merge(r, 8, r, 12);
  sink.cell(r + 1, 1, "NGƯỜI LẬP BIỂU", cB);
  sink.merge(r + 1, 1, r + 1, 4);
  sink.cell(r + 1, 8, "TRƯỞNG PHÒNG", cB);
  sink.merge(r + 1, 8, r + 1, 12);
  sink.cell(r + 2, 1, "(Ký, ghi rõ họ tên)", center({ ...F, italic: true }));
  sink.merge(r + 2, 1, r + 2, 4);
  sink.cell(r + 2, 8, "(Ký, ghi rõ họ tên)", center({ ...F, italic: true }));
  sink.merge(r + 2, 8, r + 2, 12);
  sink.cell(r + 6, 1, "Lê Thị Lan", cB);
  sink.merge(r + 6, 1, r + 6, 4);
  sink.cell(r + 6, 8, "Hoàng Văn Khoa", cB);
  sink.merge(r + 6, 8, r + 6, 12);
  sheet.footerRows = [r, r + 1, r + 2, r + 6];
}

const DISTRICT_WIDTHS = [5, 24, 12, 12, 8, 30, 8, 20, 10, 10, 15, 14];

async function withExtras(book: Book, fixture: Omit<Fixture, "bytes">, o: { withQuota?: boolean; hiddenSheets?: boolean; seed?: number }): Promise<Fixture> {
  if (o.withQuota) {
    const quotas = makeQuotas(uniqueUnits(fixture.people), o.seed ?? 1);
    const sheet = newSheet("Định biên");
    emitQuota(book.sheet({ name: sheet.name, widths: QUOTA_WIDTHS }), sheet, quotas, 0);
    fixture.sheets.push(sheet);
    fixture.quotas = quotas;
  }
  if (o.hiddenSheets) {
    const dm = newSheet("DM", "hidden");
    const sink = book.sheet({ name: dm.name, state: "hidden" });
    sink.cell(1, 1, "Dân tộc");
    sink.cell(1, 2, "Chức danh");
    sink.cell(1, 3, "Trình độ");
    const lists = [["Kinh", "Tày", "Dao", "Sán Chỉ", "H'Mông", "Sán Dìu", "Nùng"], [...CAN_BO_TITLES.slice(0, 11), ...CONG_CHUC_TITLES.slice(0, 6), ...KCT_XA_TITLES], ["Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ"]];
    const longest = Math.max(...lists.map((l) => l.length));
    for (let i = 0; i < longest; i++) lists.forEach((l, c) => sink.cell(i + 2, c + 1, l[i]));
    dm.headerRows = [1];
    dm.columns = { "Dân tộc": 1, "Chức danh": 2, "Trình độ": 3 };
    fixture.sheets.push(dm);
    const cfg = newSheet("Cấu hình", "veryHidden");
    const s2 = book.sheet({ name: cfg.name, state: "veryHidden" });
    s2.cell(1, 1, "Phiên bản");
    s2.cell(1, 2, "2.3");
    fixture.sheets.push(cfg);
  }
  return { ...fixture, bytes: await book.finish() };
}

/**
 * Layout a: one sheet "DS CBCC" for a whole district.
 * - rows 1, 2: "UBND HUYỆN ĐẦM HÀ" (A1:D1) / "PHÒNG NỘI VỤ" (A2:D2) left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (F1:L1) /
 *   "Độc lập - Tự do - Hạnh phúc" (F2:L2) right; row 3 empty; row 4 "DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ NĂM 2024" (A4:L4);
 *   row 5 "(Kèm theo Báo cáo số …)" (A5:L5); row 6 empty;
 * - rows 7–8 header: STT, Họ và tên, Dân tộc, Chức vụ, Số CCCD, Ghi chú merged vertically; "Ngày, tháng,\nnăm sinh" (C7:D7, with
 *   a line break) over Nam (C8) / Nữ (D8); "Trình độ" (G7:J7) over Văn hóa / Chuyên môn / LLCT / QLNN;
 * - row 9: "(1)" … "(12)";
 * - per commune: a section row ("I" in A, the unit name in B merged B:L), person rows (STT restarts at 1; the birth date in the
 *   Nam or the Nữ column as a date with "dd/mm/yyyy", every 5th person as text "15/08/1985", every 7th as a date in the built-in
 *   format 14), then "Cộng: N người" (A:B merged) with COUNTA formulas in C and D (cached results);
 * - "Tổng cộng" row with C/D = sum of the commune totals (cached), "N người" in F;
 * - footer two rows below: "Đầm Hà, ngày 15 tháng 11 năm 2024" (H:L), "NGƯỜI LẬP BIỂU" (A:D) / "TRƯỞNG PHÒNG" (H:L),
 *   "(Ký, ghi rõ họ tên)" twice, signer names four rows lower.
 * All text Times New Roman (Unicode). Default 30 people in 3 units.
 */
export async function districtListFixture(o: DistrictListOptions = {}): Promise<Fixture> {
  const people = peopleFor(o, 30);
  const book = new ExcelJsBook(false);
  const sheet = newSheet("DS CBCC");
  const quirks: FixtureQuirk[] = [];
  emitDistrictList(book.sheet({ name: sheet.name, widths: DISTRICT_WIDTHS }), sheet, people, o, quirks);
  return withExtras(book, { people, sheets: [sheet], quirks, date1904: false }, o);
}

/** Bytes of {@link districtListFixture}. */
export async function districtListWorkbook(o: DistrictListOptions = {}): Promise<Uint8Array> {
  return (await districtListFixture(o)).bytes;
}

// ---------------------------------------------------------------------------------------------
// h. Large roster (layout a) written directly as XML

/** Options for {@link largeRosterFixture}. */
export interface LargeRosterOptions {
  seed?: number;
  /** Deflate level (default 1, fast; 6 is what Excel uses). */
  level?: 0 | 1 | 6 | 9;
  textDates?: "none" | "some" | "all";
  /** Units to spread the people over (default: about 40 people per unit, see {@link makePeople}). */
  units?: string[];
}

/**
 * Layout a ({@link districtListFixture}) for benchmark sizes (1k…300k people), written straight to XML with fflate:
 * ExcelJS needs ~6 s and ~350 MB for 50k rows, this writer streams. About 40 people per unit up to 3,321 units.
 */
export async function largeRosterFixture(n: number, o: LargeRosterOptions = {}): Promise<Fixture> {
  const people = makePeople(n, o.seed ?? 1, o.units ? { units: o.units } : {});
  const book = new RawBook(false, o.level ?? 1);
  const sheet = newSheet("DS CBCC");
  const quirks: FixtureQuirk[] = [];
  emitDistrictList(book.sheet({ name: sheet.name, widths: DISTRICT_WIDTHS }), sheet, people, { textDates: o.textDates }, quirks);
  return { bytes: await book.finish(), people, sheets: [sheet], quirks, date1904: false };
}

/** Bytes of {@link largeRosterFixture}. */
export async function largeRosterWorkbook(n: number, o: LargeRosterOptions = {}): Promise<Uint8Array> {
  return (await largeRosterFixture(n, o)).bytes;
}

// ---------------------------------------------------------------------------------------------
// b. One sheet per commune, TCVN3

/** Options for {@link communeSheetsTcvn3Fixture}. */
export interface CommuneSheetsOptions extends RosterOptions {
  /** Number of communes (sheets) when `people` is not given (default 3). */
  communes?: number;
}

const tcvn = (s: string): string => encodeTcvn3(s);
/** Text for a TCVN3 "H" font: the lowercase codes, which the font draws as capitals. */
const tcvnH = (s: string): string => encodeTcvn3(s.toLowerCase());

function emitTcvn3Sheet(sink: Sink, sheet: FixtureSheet, people: FixturePerson[], indexes: number[], unit: string, sheetIndex: number, quirks: FixtureQuirk[]): void {
  const VN: FontSpec = { name: ".VnTime", size: 13 };
  const VNB: FontSpec = { ...VN, bold: true };
  const VNH: FontSpec = { name: ".VnTimeH", size: 13, bold: true };
  const c = (font: FontSpec): StyleSpec => ({ font, h: "center", wrap: true });
  const commune = communeOf(unit);
  sheet.columns = { stt: 1, fullName: 2, birthDate: 3, gender: 4, ethnicity: 5, position: 6, generalEdu: 7, professional: 8, political: 9, stateMgmt: 10, note: 11 };
  sink.cell(1, 1, tcvnH("UBND HUYỆN ĐẦM HÀ"), c({ ...VNH, bold: false }));
  sink.merge(1, 1, 1, 4);
  sink.cell(1, 6, tcvnH("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), c(VNH));
  sink.merge(1, 6, 1, 11);
  sink.cell(2, 1, tcvnH(`UBND ${unit}`), c(VNH));
  sink.merge(2, 1, 2, 4);
  sink.cell(2, 6, tcvn("Độc lập - Tự do - Hạnh phúc"), c(VNB));
  sink.merge(2, 6, 2, 11);
  sink.cell(4, 1, tcvnH(`DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH ${unit}`), c({ ...VNH, size: 14 }));
  sink.merge(4, 1, 4, 11);
  sink.cell(5, 1, tcvn("(Tính đến ngày 31/12/2024)"), c({ ...VN, italic: true }));
  sink.merge(5, 1, 5, 11);
  sheet.titleRows = [1, 2, 4, 5];
  const vertical: [number, string, boolean][] = [[1, "TT", true], [2, "HỌ VÀ TÊN", true], [3, "Ngày sinh", false], [4, "Giới tính", false], [5, "Dân tộc", false], [6, "Chức danh", false], [11, "Ghi chú", false]];
  for (const [col, text, upper] of vertical) {
    sink.cell(6, col, upper ? tcvnH(text) : tcvn(text), c(upper ? VNH : VNB));
    sink.merge(6, col, 7, col);
  }
  sink.cell(6, 7, tcvnH("TRÌNH ĐỘ"), c(VNH));
  sink.merge(6, 7, 6, 10);
  const leaves: [number, string][] = [[7, "Văn hóa"], [8, "Chuyên môn"], [9, "Lý luận chính trị"], [10, "QLNN"]];
  for (const [col, text] of leaves) sink.cell(7, col, tcvn(text), c(VNB));
  sheet.headerRows = [6, 7];
  for (let col = 1; col <= 11; col++) sink.cell(8, col, col, c({ ...VN, italic: true, size: 11 }));
  sheet.indexRow = 8;
  let r = 9;
  let no = 0;
  const sections: [string, PersonCategory[]][] = [
    ["A. CÁN BỘ CHUYÊN TRÁCH", ["Cán bộ"]],
    ["B. CÔNG CHỨC", ["Công chức"]],
    ["C. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH", ["KCT cấp xã", "KCT thôn"]],
  ];
  for (const [label, cats] of sections) {
    const members = indexes.filter((i) => cats.includes(people[i].category));
    if (members.length === 0) continue;
    sink.cell(r, 1, tcvnH(label), { font: VNH });
    sink.merge(r, 1, r, 11);
    sheet.sectionRows.push({ row: r, label });
    r++;
    for (const pi of members) {
      const p = people[pi];
      no++;
      sink.cell(r, 1, no, c(VN));
      if (sheetIndex === 0 && no === 1) {
        // Pasted text: the cell style says Times New Roman, the rich-text run says .VnTime.
        sink.cell(r, 2, { richText: [{ text: tcvn(p.fullName), font: { name: ".VnTime", size: 13 } }] }, { font: { name: TNR, size: 12 } });
        quirks.push({ kind: "richTextRunFont", sheet: sheet.name, row: r, col: 2, raw: tcvn(p.fullName), person: pi, note: "style font Times New Roman, run font .VnTime" });
      } else if (sheetIndex === 1 && no === 1) {
        sink.cell(r, 2, tcvnH(p.fullName), { font: { ...VNH, bold: false } });
        quirks.push({ kind: "upperCaseFontName", sheet: sheet.name, row: r, col: 2, raw: tcvnH(p.fullName), person: pi, note: ".VnTimeH: lowercase codes shown as capitals" });
      } else sink.cell(r, 2, tcvn(p.fullName), { font: VN });
      if (p.category === "KCT thôn") {
        sink.cell(r, 3, p.birthDate, c(VN));
        quirks.push({ kind: "textDate", sheet: sheet.name, row: r, col: 3, raw: p.birthDate, person: pi });
      } else sink.cell(r, 3, birthDateValue(p), { font: VN, h: "center", numFmt: "dd/mm/yyyy" });
      sink.cell(r, 4, tcvn(p.gender), c(VN));
      sink.cell(r, 5, tcvn(p.ethnicity), c(VN));
      sink.cell(r, 6, tcvn(displayPosition(p)), { font: VN, wrap: true });
      sink.cell(r, 7, p.generalEdu, c(VN));
      sink.cell(r, 8, p.professional ? tcvn(p.professional) : undefined, { font: VN });
      sink.cell(r, 9, p.political ? tcvn(p.political) : undefined, c(VN));
      sink.cell(r, 10, p.stateMgmt ? tcvn(p.stateMgmt) : undefined, c(VN));
      if (sheetIndex === 0 && no === 2) {
        // Someone typed a remark in Unicode (Times New Roman) inside a TCVN3 sheet.
        sink.cell(r, 11, "Kiêm nhiệm Chủ tịch Hội Khuyến học", { font: { name: TNR, size: 12 } });
        quirks.push({ kind: "unicodeCellInLegacySheet", sheet: sheet.name, row: r, col: 11, raw: "Kiêm nhiệm Chủ tịch Hội Khuyến học", person: pi });
      } else sink.cell(r, 11, p.status ? tcvn(p.status) : undefined, { font: VN });
      sheet.personRows.push({ row: r, person: pi });
      r++;
    }
  }
  sink.cell(r, 1, tcvn(`Tổng số: ${indexes.length} người`), { font: VNB });
  sink.merge(r, 1, r, 3);
  sheet.totalRows.push(r);
  r += 2;
  const chair = indexes.map((i) => people[i]).find((p) => p.position === "Chủ tịch UBND");
  sink.cell(r, 7, tcvn(`${commune.name}, ngày 20 tháng 12 năm 2024`), c({ ...VN, italic: true }));
  sink.merge(r, 7, r, 11);
  sink.cell(r + 1, 1, tcvnH("NGƯỜI LẬP BIỂU"), c(VNH));
  sink.merge(r + 1, 1, r + 1, 4);
  sink.cell(r + 1, 7, tcvnH("TM. ỦY BAN NHÂN DÂN"), c(VNH));
  sink.merge(r + 1, 7, r + 1, 11);
  sink.cell(r + 2, 7, tcvnH("CHỦ TỊCH"), c(VNH));
  sink.merge(r + 2, 7, r + 2, 11);
  sink.cell(r + 6, 1, tcvn("Đặng Thị Thu Hường"), c(VNB));
  sink.merge(r + 6, 1, r + 6, 4);
  sink.cell(r + 6, 7, tcvn(chair?.fullName ?? "Hoàng Văn Khoa"), c(VNB));
  sink.merge(r + 6, 7, r + 6, 11);
  sheet.footerRows = [r, r + 1, r + 2, r + 6];
}

/**
 * Layout b: one sheet per commune, every text cell in TCVN3 as Excel stores it (Latin-1 code points), fonts ".VnTime" and
 * ".VnTimeH" (titles and "A./B./C." section labels in .VnTimeH, written with the lowercase codes).
 * Sheet names alternate ASCII ("Quang Loi") and Unicode ("Thị trấn Đầm Hà").
 * - rows 1–2 agency / national motto, row 4 title, row 5 "(Tính đến ngày 31/12/2024)";
 * - rows 6–7 header (TT, HỌ VÀ TÊN in .VnTimeH; Ngày sinh, Giới tính, Dân tộc, Chức danh, Ghi chú; "TRÌNH ĐỘ" G6:J6 over
 *   Văn hóa / Chuyên môn / Lý luận chính trị / QLNN); row 8 index numbers 1…11 (numbers);
 * - sections "A. CÁN BỘ CHUYÊN TRÁCH", "B. CÔNG CHỨC", "C. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH" (A:K merged); dates are real
 *   (dd/mm/yyyy) except for KCT thôn (text); gender "Nam"/"N÷";
 * - "Tổng số: N người" (A:C), footer ("…, ngày 20 tháng 12 năm 2024", "NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").
 * Quirks: sheet 1's first name is rich text with run font .VnTime in a Times New Roman cell; sheet 1's second person has a
 * Unicode remark in Times New Roman; sheet 2's first name is in .VnTimeH (lowercase codes).
 */
export async function communeSheetsTcvn3Fixture(o: CommuneSheetsOptions = {}): Promise<Fixture> {
  const communes = o.communes ?? 3;
  const people = o.people ?? makePeople(o.count ?? 30, o.seed ?? 1, { units: makeUnits(Math.max(communes, 1)) });
  const book = new ExcelJsBook(false);
  const quirks: FixtureQuirk[] = [];
  const sheets: FixtureSheet[] = [];
  groupByUnit(people).forEach((g, i) => {
    const name = (i % 2 === 0 ? asciiFold(communeOf(g.unit).name) : g.unit).slice(0, 31);
    const sheet = newSheet(name);
    emitTcvn3Sheet(book.sheet({ name, widths: [5, 24, 12, 8, 9, 28, 8, 18, 12, 8, 14] }), sheet, people, g.indexes, g.unit, i, quirks);
    sheets.push(sheet);
  });
  return withExtras(book, { people, sheets, quirks, date1904: false }, o);
}

/** Bytes of {@link communeSheetsTcvn3Fixture}. */
export async function communeSheetsTcvn3Workbook(o: CommuneSheetsOptions = {}): Promise<Uint8Array> {
  return (await communeSheetsTcvn3Fixture(o)).bytes;
}

// ---------------------------------------------------------------------------------------------
// c. One-hot matrix (Mẫu 02/CL.CBCCX)

interface OneHotColumn {
  key: string;
  group?: string;
  sub?: string;
  leaf: string;
}

/** The leaves of layout A, left to right; `key` is the header path used in {@link FixtureSheet.columns}. */
export const ONE_HOT_COLUMNS: readonly OneHotColumn[] = (() => {
  const cols: OneHotColumn[] = [];
  const add = (leaf: string, group?: string, sub?: string) => cols.push({ key: [group, sub, leaf].filter(Boolean).join("/"), group, sub, leaf });
  add("STT");
  add("Họ và tên");
  add("Nam", "Ngày, tháng, năm sinh");
  add("Nữ", "Ngày, tháng, năm sinh");
  add("Đảng viên");
  add("Dân tộc");
  add("Tôn giáo");
  for (const l of ["Xã", "Huyện", "Tỉnh"]) add(l, "Đại biểu HĐND");
  for (const l of ["Tiểu học", "THCS", "THPT"]) add(l, "Trình độ văn hoá");
  for (const l of ["Chưa qua ĐT", "SC", "TC", "CĐ", "ĐH", "Thạc sỹ, tiến sỹ"]) add(l, "Trình độ chuyên môn");
  for (const l of ["SC", "TC", "CC", "CN"]) add(l, "Trình độ lý luận chính trị");
  for (const l of ["Chưa qua đào tạo", "Chuyên viên và tương đương", "Chuyên viên chính và tương đương"]) add(l, "Trình độ quản lý nhà nước");
  add("Từ 30 trở xuống", "Chia theo độ tuổi");
  add("Từ 31 đến 40", "Chia theo độ tuổi");
  add("Từ 41 đến 50", "Chia theo độ tuổi");
  for (const l of ["Tổng số", "Nữ từ 51 đến 55", "Nam từ 56 đến 60"]) add(l, "Chia theo độ tuổi", "Từ 51 đến 60");
  add("Trên 60", "Chia theo độ tuổi");
  add("Ghi chú");
  return cols;
})();

/** The level token of a professional qualification: "ĐH Luật" → "ĐH", "TC Kế toán" → "TC", "" → "Chưa qua ĐT". */
export function professionalLevel(s: string): "Chưa qua ĐT" | "SC" | "TC" | "CĐ" | "ĐH" | "Thạc sỹ, tiến sỹ" {
  const t = s.trim();
  if (t === "") return "Chưa qua ĐT";
  if (/^(Thạc sĩ|Thạc sỹ|ThS|Tiến sĩ|TS)\b/u.test(t)) return "Thạc sỹ, tiến sỹ";
  if (/^(ĐH|Đại học|Cử nhân|Kỹ sư)/u.test(t)) return "ĐH";
  if (/^(CĐ|Cao đẳng)/u.test(t)) return "CĐ";
  if (/^(TC|Trung cấp|Trung học)/u.test(t)) return "TC";
  if (/^(SC|Sơ cấp)/u.test(t)) return "SC";
  return "Chưa qua ĐT";
}

/**
 * The one-hot leaves (header paths) marked for a person in layout A, at `asOf`.
 * QLNN "Cán sự" has no leaf in this form, so nothing is marked in that group for it.
 */
export function oneHotLeaves(p: FixturePerson, asOf = "31/12/2024"): string[] {
  const out: string[] = [];
  if (p.partyMember) out.push("Đảng viên");
  if (["Bí thư Đảng ủy", "Chủ tịch HĐND", "Phó Chủ tịch HĐND", "Chủ tịch UBND"].includes(p.position)) out.push("Đại biểu HĐND/Xã");
  if (p.position === "Bí thư Đảng ủy") out.push("Đại biểu HĐND/Huyện");
  out.push(`Trình độ văn hoá/${["12/12", "10/10"].includes(p.generalEdu) ? "THPT" : ["9/12", "9/9", "7/10"].includes(p.generalEdu) ? "THCS" : "Tiểu học"}`);
  out.push(`Trình độ chuyên môn/${professionalLevel(p.professional)}`);
  const pol = { "Sơ cấp": "SC", "Trung cấp": "TC", "Cao cấp": "CC", "Cử nhân": "CN" }[p.political];
  if (pol) out.push(`Trình độ lý luận chính trị/${pol}`);
  const qlnn = p.stateMgmt === "" ? "Chưa qua đào tạo" : ["CV", "Chuyên viên"].includes(p.stateMgmt) ? "Chuyên viên và tương đương" : ["CVC", "Chuyên viên chính"].includes(p.stateMgmt) ? "Chuyên viên chính và tương đương" : undefined;
  if (qlnn) out.push(`Trình độ quản lý nhà nước/${qlnn}`);
  const age = ageAt(p, asOf);
  if (age <= 30) out.push("Chia theo độ tuổi/Từ 30 trở xuống");
  else if (age <= 40) out.push("Chia theo độ tuổi/Từ 31 đến 40");
  else if (age <= 50) out.push("Chia theo độ tuổi/Từ 41 đến 50");
  else if (age <= 60) {
    out.push("Chia theo độ tuổi/Từ 51 đến 60/Tổng số");
    if (p.gender === "Nữ" && age <= 55) out.push("Chia theo độ tuổi/Từ 51 đến 60/Nữ từ 51 đến 55");
    if (p.gender === "Nam" && age >= 56) out.push("Chia theo độ tuổi/Từ 51 đến 60/Nam từ 56 đến 60");
  } else out.push("Chia theo độ tuổi/Trên 60");
  return out;
}

/** Options for {@link oneHotMatrixFixture}. */
export interface OneHotOptions extends RosterOptions {
  /** The mark written: "1" (number, default, as the generating software does), "x", "X", or "mixed" (x, 1, X by row). */
  mark?: "1" | "x" | "X" | "mixed";
  /** Function of the total row (default "SUM"; cached results are what Excel computes, so SUM over "x" marks gives 0). */
  totalFunction?: "SUM" | "COUNTA";
  /** Give the second person a second mark in "Trình độ chuyên môn" (one level below the real one). */
  doubleMark?: boolean;
  /** Unit of the form (default "Xã Quảng Lợi"). */
  unit?: string;
}

/**
 * Layout c: Mẫu 02/CL.CBCCX one-hot roster for one commune, sheet "Mau 02".
 * - rows 1–5 title block ("UBND XÃ QUẢNG LỢI" A1:F1, "Mẫu số 02/CL.CBCCX" AD1:AH1, motto K2:Z2/K3:Z3, title A4:AH4, "(Tính đến
 *   ngày 31/12/2024)" A5:AH5);
 * - rows 7–9 header: groups in row 7, leaves merged down through row 9, except "Chia theo độ tuổi" whose "Từ 51 đến 60"
 *   (AD8:AF8) has leaves in row 9 (Tổng số / Nữ từ 51 đến 55 / Nam từ 56 đến 60); 34 columns A…AH, see {@link ONE_HOT_COLUMNS};
 * - row 10 index "A", "B", 1, 2, …; persons from row 11 (birth date in Nam/Nữ: dates for even rows, text for odd rows);
 * - a "Tổng cộng" row (A:B merged) with COUNTA over Nam/Nữ and `totalFunction` over every mark column, cached results;
 * - footer two rows below.
 * Marks follow {@link oneHotLeaves}.
 */
export async function oneHotMatrixFixture(o: OneHotOptions = {}): Promise<Fixture> {
  const unit = o.unit ?? "Xã Quảng Lợi";
  const people = peopleFor(o, 20, [unit]);
  const book = new ExcelJsBook(false);
  const sheet = newSheet("Mau 02");
  const quirks: FixtureQuirk[] = [];
  const cols = ONE_HOT_COLUMNS;
  const last = cols.length;
  const sink = book.sheet({ name: sheet.name, widths: [5, 24, 11, 11, 6, 8, 8, ...Array(26).fill(5), 14] });
  const F: FontSpec = { name: TNR, size: 11 };
  const B: FontSpec = { ...F, bold: true };
  const c = (font: FontSpec): StyleSpec => ({ font, h: "center", wrap: true });
  const commune = communeOf(unit);
  sink.cell(1, 1, `UBND ${unit.toUpperCase()}`, c(B));
  sink.merge(1, 1, 1, 6);
  sink.cell(1, last - 4, "Mẫu số 02/CL.CBCCX", c({ ...F, italic: true }));
  sink.merge(1, last - 4, 1, last);
  sink.cell(2, 11, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", c(B));
  sink.merge(2, 11, 2, 26);
  sink.cell(3, 11, "Độc lập - Tự do - Hạnh phúc", c(B));
  sink.merge(3, 11, 3, 26);
  sink.cell(4, 1, "THỐNG KÊ CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC CẤP XÃ", c({ ...B, size: 14 }));
  sink.merge(4, 1, 4, last);
  sink.cell(5, 1, "(Tính đến ngày 31/12/2024)", c({ ...F, italic: true }));
  sink.merge(5, 1, 5, last);
  sheet.titleRows = [1, 2, 3, 4, 5];
  // Header rows 7–9
  let i = 0;
  while (i < cols.length) {
    const col = cols[i];
    if (!col.group) {
      sink.cell(7, i + 1, col.leaf, c(B));
      sink.merge(7, i + 1, 9, i + 1);
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].group === col.group) j++;
    sink.cell(7, i + 1, col.group, c(B));
    if (j > i) sink.merge(7, i + 1, 7, j + 1);
    for (let k = i; k <= j; ) {
      const leaf = cols[k];
      if (!leaf.sub) {
        sink.cell(8, k + 1, leaf.leaf, c(B));
        sink.merge(8, k + 1, 9, k + 1);
        k++;
        continue;
      }
      let e = k;
      while (e + 1 <= j && cols[e + 1].sub === leaf.sub) e++;
      sink.cell(8, k + 1, leaf.sub, c(B));
      sink.merge(8, k + 1, 8, e + 1);
      for (let z = k; z <= e; z++) sink.cell(9, z + 1, cols[z].leaf, c(B));
      k = e + 1;
    }
    i = j + 1;
  }
  sheet.headerRows = [7, 8, 9];
  cols.forEach((col, k) => {
    sheet.columns[col.key] = k + 1;
    sink.cell(10, k + 1, k === 0 ? "A" : k === 1 ? "B" : k - 1, c({ ...F, italic: true, size: 9 }));
  });
  sheet.columns.stt = 1;
  sheet.columns.fullName = 2;
  sheet.indexRow = 10;
  const first = 11;
  const mark = o.mark ?? "1";
  const markAt = (row: number): string | number => {
    const m = mark === "mixed" ? (["x", "1", "X"] as const)[row % 3] : mark;
    return m === "1" ? 1 : m;
  };
  const written: (string | number | undefined)[][] = cols.map(() => []);
  people.forEach((p, pi) => {
    const r = first + pi;
    const put = (key: string, v: string | number | Date | undefined, s: StyleSpec = c(F)) => {
      const k = cols.findIndex((x) => x.key === key);
      if (v === undefined || v === "") return;
      sink.cell(r, k + 1, v, s);
      written[k][pi] = v instanceof Date ? 0 : v;
    };
    put("STT", pi + 1);
    put("Họ và tên", p.fullName, { font: F });
    const dateKey = `Ngày, tháng, năm sinh/${p.gender}`;
    if (pi % 2 === 1) {
      put(dateKey, p.birthDate);
      quirks.push({ kind: "textDate", sheet: sheet.name, row: r, col: sheet.columns[dateKey], raw: p.birthDate, person: pi });
    } else put(dateKey, birthDateValue(p), { font: F, h: "center", numFmt: "dd/mm/yyyy" });
    put("Dân tộc", p.ethnicity);
    put("Tôn giáo", p.religion);
    for (const leaf of oneHotLeaves(p)) put(leaf, markAt(r));
    if (o.doubleMark && pi === 1) {
      const order = ["Chưa qua ĐT", "SC", "TC", "CĐ", "ĐH", "Thạc sỹ, tiến sỹ"];
      const real = order.indexOf(professionalLevel(p.professional));
      const extra = `Trình độ chuyên môn/${order[real > 0 ? real - 1 : 1]}`;
      put(extra, markAt(r));
      quirks.push({ kind: "twoMarksInGroup", sheet: sheet.name, row: r, col: sheet.columns[extra], raw: markAt(r), person: pi, note: `also ${order[real]} at column ${sheet.columns[`Trình độ chuyên môn/${order[real]}`]}` });
    }
    put("Ghi chú", p.status, { font: F });
    sheet.personRows.push({ row: r, person: pi });
  });
  const lastRow = first + people.length - 1;
  const tr = lastRow + 1;
  sink.cell(tr, 1, "Tổng cộng", c(B));
  sink.merge(tr, 1, tr, 2);
  const fn = o.totalFunction ?? "SUM";
  cols.forEach((col, k) => {
    if (k < 2 || col.key === "Dân tộc" || col.key === "Tôn giáo" || col.key === "Ghi chú") return;
    const values = written[k].filter((v) => v !== undefined);
    const isDate = col.group === "Ngày, tháng, năm sinh";
    const f = isDate ? "COUNTA" : fn;
    const result = f === "COUNTA" ? values.length : values.reduce<number>((a, v) => a + (typeof v === "number" ? v : 0), 0);
    const L = columnLetter(k + 1);
    sink.cell(tr, k + 1, { formula: `${f}(${L}${first}:${L}${lastRow})`, result }, c(B));
  });
  sheet.totalRows = [tr];
  const fr = tr + 2;
  sink.cell(fr, last - 8, `${commune.name}, ngày 31 tháng 12 năm 2024`, c({ ...F, italic: true }));
  sink.merge(fr, last - 8, fr, last);
  sink.cell(fr + 1, 1, "NGƯỜI LẬP BIỂU", c(B));
  sink.merge(fr + 1, 1, fr + 1, 4);
  sink.cell(fr + 1, last - 8, "TM. ỦY BAN NHÂN DÂN", c(B));
  sink.merge(fr + 1, last - 8, fr + 1, last);
  sink.cell(fr + 2, last - 8, "CHỦ TỊCH", c(B));
  sink.merge(fr + 2, last - 8, fr + 2, last);
  sheet.footerRows = [fr, fr + 1, fr + 2];
  return withExtras(book, { people, sheets: [sheet], quirks, date1904: false }, o);
}

/** Bytes of {@link oneHotMatrixFixture}. */
export async function oneHotMatrixWorkbook(o: OneHotOptions = {}): Promise<Uint8Array> {
  return (await oneHotMatrixFixture(o)).bytes;
}

// ---------------------------------------------------------------------------------------------
// d. Messy hand-made list

/** Options for {@link messyListFixture}. */
export interface MessyListOptions extends RosterOptions {
  /** Save in the 1904 date system (dates are converted, as Excel does). */
  date1904?: boolean;
}

const POSITION_ABBREVIATIONS: Record<string, string> = {
  "Bí thư Đảng ủy": "BT ĐU",
  "Phó Bí thư Đảng ủy": "PBT ĐU",
  "Chủ tịch HĐND": "CT HĐND",
  "Phó Chủ tịch HĐND": "PCT HĐND",
  "Chủ tịch UBND": "CT UBND",
  "Phó Chủ tịch UBND": "PCT UBND",
  "Chủ tịch UBMTTQ": "CT MTTQ",
  "Chỉ huy trưởng Quân sự": "CHT QS",
  "Văn phòng - thống kê": "VP-TK",
  "Địa chính - xây dựng": "ĐC-XD",
  "Tài chính - kế toán": "TC-KT",
  "Tư pháp - hộ tịch": "TP-HT",
  "Văn hóa - xã hội": "VH-XH",
  "Bí thư Đoàn TNCS Hồ Chí Minh": "BT Đoàn",
  "Chủ tịch Hội Liên hiệp Phụ nữ": "CT Hội PN",
  "Chủ tịch Hội Nông dân": "CT Hội ND",
  "Chủ tịch Hội Cựu chiến binh": "CT Hội CCB",
};

/** The birth-date forms the messy list cycles through (index = person index mod 10). */
export const MESSY_DATE_FORMS = ["date", "d/m/yy", "dd.mm.yyyy", "mm/yyyy", "yyyy", "date14", "dd/mm/yyyy", "serialGeneral", "yearNumber", "date"] as const;

function unitVariant(unit: string, i: number): string {
  const c = communeOf(unit);
  switch (i % 5) {
    case 1:
      return unit.charAt(0).toLowerCase() + unit.slice(1); // "xã Tân Bình", "thị trấn Đầm Hà"
    case 2:
      return unit.toUpperCase();
    case 3:
      return `${c.kind === "Xã" ? "X." : c.kind === "Thị trấn" ? "TT." : "P."} ${c.name}`;
    case 4:
      return c.name; // ambiguous for "Đầm Hà"
    default:
      return unit;
  }
}

/**
 * Layout d: a hand-made list on "Sheet1" with every common mess.
 * - row 1 "DANH SÁCH CBCC XÃ" (A1, not merged); row 2 empty; row 3 one-row header: TT, Họ tên, Ngày sinh, Giới tính, Đơn vị,
 *   Chức danh, Mã cũ (column G, hidden), Trình độ CM, LLCT, QLNN, Văn hóa, Dân tộc, Số CCCD, Tuổi; no index row;
 * - person rows from row 4: TT is 1 then formulas "A{prev}+1" (cached); one empty row before person 5 and two before person 12;
 *   column N "Tuổi" = `2024-YEAR(C{r})` with the cached value Excel shows (#VALUE! over text dates, 119 over a bare year);
 * - quirks (all listed in `quirks`): NFD name (person 0), UPPER CASE name (3), double space + NBSP + trailing space (6),
 *   abbreviated titles ("PCT UBND", "VP-TK"…, odd persons) and UPPER titles, abbreviated qualifications, gender in
 *   lower/upper case, units as "xã Tân Bình" / "XÃ TÂN BÌNH" / "X. Tân Bình" / "Tân Bình", birth dates in the forms of
 *   {@link MESSY_DATE_FORMS}, "31/02/1980" for person 7, a CCCD typed as a number (leading zero lost, person 5), a hidden row
 *   (person 9, status "Đã nghỉ hưu"), then a row with data but no name and a duplicate of person 2;
 * - a last line "Tân Bình, ngày 5/12/2024" in F.
 */
export async function messyListFixture(o: MessyListOptions = {}): Promise<Fixture> {
  const date1904 = o.date1904 ?? false;
  const people = peopleFor(o, 20, ["Xã Tân Bình", "Thị trấn Đầm Hà", "Xã Đầm Hà"]).map((p) => ({ ...p }));
  const book = new ExcelJsBook(date1904);
  const sheet = newSheet("Sheet1");
  const quirks: FixtureQuirk[] = [];
  const q = (kind: string, row: number, col: number, raw: unknown, person?: number, note?: string) => {
    const x: FixtureQuirk = { kind, sheet: sheet.name, row, col, raw };
    if (person !== undefined && person >= 0) x.person = person;
    if (note) x.note = note;
    quirks.push(x);
  };
  const sink = book.sheet({ name: sheet.name, widths: [4, 24, 12, 8, 16, 22, 8, 16, 10, 8, 8, 8, 15, 6], hiddenColumns: [7] });
  const F: FontSpec = { name: "Arial", size: 10 };
  sink.cell(1, 1, "DANH SÁCH CBCC XÃ", { font: { ...F, bold: true } });
  sheet.titleRows = [1];
  const headers = ["TT", "Họ tên", "Ngày sinh", "Giới tính", "Đơn vị", "Chức danh", "Mã cũ", "Trình độ CM", "LLCT", "QLNN", "Văn hóa", "Dân tộc", "Số CCCD", "Tuổi"];
  headers.forEach((h, k) => sink.cell(3, k + 1, h, { font: { ...F, bold: true } }));
  sheet.headerRows = [3];
  sheet.columns = { stt: 1, fullName: 2, birthDate: 3, gender: 4, unit: 5, position: 6, oldCode: 7, professional: 8, political: 9, stateMgmt: 10, generalEdu: 11, ethnicity: 12, idNumber: 13, age: 14 };
  q("hiddenColumn", 3, 7, "Mã cũ");
  if (people.length > 9) people[9].status = "Đã nghỉ hưu";
  let r = 4;
  let prevRow = 0;
  let stt = 0;
  const writePerson = (p: FixturePerson, pi: number, variant: number, noName = false) => {
    stt++;
    if (prevRow === 0) sink.cell(r, 1, 1, { font: F });
    else sink.cell(r, 1, { formula: `A${prevRow}+1`, result: stt }, { font: F });
    prevRow = r;
    // Name
    let name: string | undefined = p.fullName;
    if (noName) name = undefined;
    else if (variant === 0) {
      name = p.fullName.normalize("NFD");
      q("nfdName", r, 2, name, pi);
    } else if (variant === 3) {
      name = p.fullName.toUpperCase();
      q("upperCaseName", r, 2, name, pi);
    } else if (variant === 6) {
      const parts = p.fullName.split(" ");
      name = `${parts[0]}  ${parts.slice(1, -1).join(" ")}\u00a0${parts[parts.length - 1]} `;
      q("spacesInName", r, 2, name, pi, "double space, NBSP, trailing space");
    }
    sink.cell(r, 2, name, { font: F });
    // Birth date
    const d = birthDateValue(p);
    const { d: dd, m: mm, y: yy } = dateParts(p.birthDate);
    const form = variant === 7 ? "impossible" : MESSY_DATE_FORMS[variant % 10];
    let dateValue: CellInput;
    let dateStyle: StyleSpec = { font: F };
    let yearForAge: number | { error: string };
    switch (form) {
      case "date":
        dateValue = d;
        dateStyle = { font: F, numFmt: "dd/mm/yyyy" };
        yearForAge = yy;
        break;
      case "date14":
        dateValue = d;
        yearForAge = yy;
        break;
      case "d/m/yy":
        dateValue = `${dd}/${mm}/${String(yy % 100).padStart(2, "0")}`;
        yearForAge = { error: "#VALUE!" };
        break;
      case "dd.mm.yyyy":
        dateValue = p.birthDate.replace(/\//g, ".");
        yearForAge = { error: "#VALUE!" };
        break;
      case "mm/yyyy":
        dateValue = `${pad2(mm)}/${yy}`;
        yearForAge = { error: "#VALUE!" };
        break;
      case "yyyy":
        dateValue = String(yy);
        yearForAge = { error: "#VALUE!" };
        break;
      case "dd/mm/yyyy":
        dateValue = p.birthDate;
        yearForAge = { error: "#VALUE!" };
        break;
      case "serialGeneral":
        dateValue = excelSerial(d, date1904);
        yearForAge = yy;
        break;
      case "yearNumber": {
        dateValue = yy;
        // YEAR() of the serial 1985 is 1905 (1900 system) or 1909 (1904 system).
        yearForAge = new Date((yy - 25569 + (date1904 ? 1462 : 0)) * 86400000).getUTCFullYear();
        break;
      }
      default:
        dateValue = "31/02/1980";
        yearForAge = { error: "#VALUE!" };
    }
    sink.cell(r, 3, dateValue, dateStyle);
    if (!noName) q(form === "impossible" ? "impossibleDate" : `date:${form}`, r, 3, dateValue instanceof Date ? d : dateValue, pi);
    // Gender
    const g = [p.gender, p.gender.toLowerCase(), p.gender.toUpperCase(), p.gender, p.gender.toLowerCase()][variant % 5];
    sink.cell(r, 4, g, { font: F });
    // Unit
    const u = unitVariant(p.unit, variant);
    sink.cell(r, 5, u, { font: F });
    if (u !== p.unit) q("unitVariant", r, 5, u, pi);
    // Position
    let pos = displayPosition(p);
    if (variant % 4 === 1 && POSITION_ABBREVIATIONS[p.position]) pos = POSITION_ABBREVIATIONS[p.position];
    else if (variant % 4 === 2) pos = pos.toUpperCase();
    sink.cell(r, 6, pos, { font: F });
    if (pos !== displayPosition(p)) q("positionVariant", r, 6, pos, pi);
    sink.cell(r, 7, `CB${String(pi + 1).padStart(3, "0")}`, { font: F });
    let prof = p.professional;
    if (variant % 3 === 1) prof = prof.replace(/^Đại học/u, "ĐH").replace(/^Trung cấp/u, "TC").replace(/^Cao đẳng/u, "CĐ");
    sink.cell(r, 8, prof || undefined, { font: F });
    if (prof !== p.professional) q("professionalAbbreviation", r, 8, prof, pi);
    sink.cell(r, 9, p.political || undefined, { font: F });
    sink.cell(r, 10, p.stateMgmt || undefined, { font: F });
    sink.cell(r, 11, p.generalEdu, { font: F });
    sink.cell(r, 12, variant === 8 ? p.ethnicity.toUpperCase() : p.ethnicity, { font: F });
    if (p.idNumber) {
      if (variant === 5) {
        sink.cell(r, 13, Number(p.idNumber), { font: F });
        q("idNumberAsNumber", r, 13, Number(p.idNumber), pi, "leading zero lost");
      } else sink.cell(r, 13, p.idNumber, { font: F, numFmt: "@" });
    }
    const ageResult = typeof yearForAge === "number" ? 2024 - yearForAge : yearForAge;
    sink.cell(r, 14, { formula: `2024-YEAR(C${r})`, result: ageResult }, { font: F });
    if (typeof ageResult === "object") q("formulaError", r, 14, ageResult.error, pi);
    if (!noName) sheet.personRows.push({ row: r, person: pi });
    if (p.status === "Đã nghỉ hưu" && !noName) {
      sink.hideRow(r);
      q("hiddenRow", r, 0, undefined, pi, "person who left, row hidden");
    }
    r++;
  };
  people.forEach((p, pi) => {
    if (pi === 4 || pi === 11) {
      const blanks = pi === 4 ? 1 : 2;
      for (let k = 0; k < blanks; k++) {
        sheet.blankRows.push(r);
        q("blankRow", r, 0, undefined);
        r++;
      }
    }
    writePerson(p, pi, pi);
  });
  // A row with data but no name.
  const nameless = makePeople(1, (o.seed ?? 1) + 1000, { units: [people[0]?.unit ?? "Xã Tân Bình"] })[0];
  q("noName", r, 2, undefined, undefined, "STT, date, unit and title but no name");
  writePerson(nameless, -1, 9, true);
  // A duplicate of person 2.
  if (people.length > 2) {
    q("duplicatePerson", r, 2, people[2].fullName, 2, "same name and birth date as an earlier row");
    writePerson(people[2], 2, 9);
  }
  r++;
  sink.cell(r, 6, "Tân Bình, ngày 5/12/2024", { font: { ...F, italic: true } });
  sheet.footerRows = [r];
  return withExtras(book, { people, sheets: [sheet], quirks, date1904 }, o);
}

/** Bytes of {@link messyListFixture}. */
export async function messyListWorkbook(o: MessyListOptions = {}): Promise<Uint8Array> {
  return (await messyListFixture(o)).bytes;
}

// ---------------------------------------------------------------------------------------------
// e. VNI-Windows roster

/**
 * Layout e: a roster in VNI-Windows (font "VNI-Times", titles "VNI-Helve"), sheet "Danh sach", two units.
 * - rows 1–2 agency / motto, row 4 title (all VNI); rows 6–7 header: STT, Họ và tên, "Ngày sinh" (C6:D6) over Nam/Nữ, Chức vụ,
 *   Đơn vị, "Trình độ" (G6:J6) over Chuyên môn / LLCT / QLNN / Văn hóa, Dân tộc, Ghi chú; row 8 index "A", "B", "1"…"10" (text);
 * - persons from row 9, no section rows (the unit is a column); dates are text "dd/mm/yyyy" except every 3rd person (real date);
 * - "Toång coäng: N ngöôøi" row (A:B), footer.
 * Quirks: the first person's name is a rich-text run in VNI-Times inside an Arial cell; the second person's title is Unicode
 * in Times New Roman.
 */
export async function vniFixture(o: RosterOptions = {}): Promise<Fixture> {
  const people = peopleFor(o, 16, ["Xã Tân Bình", "Xã Quảng Tân"]);
  const book = new ExcelJsBook(false);
  const sheet = newSheet("Danh sach");
  const quirks: FixtureQuirk[] = [];
  const sink = book.sheet({ name: sheet.name, widths: [5, 24, 11, 11, 26, 16, 18, 10, 8, 8, 8, 12] });
  const V: FontSpec = { name: "VNI-Times", size: 12 };
  const VB: FontSpec = { ...V, bold: true };
  const VH: FontSpec = { name: "VNI-Helve", size: 12, bold: true };
  const c = (font: FontSpec): StyleSpec => ({ font, h: "center", wrap: true });
  const v = encodeVni;
  sheet.columns = { stt: 1, fullName: 2, "dob/Nam": 3, "dob/Nữ": 4, position: 5, unit: 6, professional: 7, political: 8, stateMgmt: 9, generalEdu: 10, ethnicity: 11, note: 12 };
  sink.cell(1, 1, v("UBND HUYỆN ĐẦM HÀ"), c(VH));
  sink.merge(1, 1, 1, 4);
  sink.cell(1, 6, v("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), c(VH));
  sink.merge(1, 6, 1, 12);
  sink.cell(2, 6, v("Độc lập - Tự do - Hạnh phúc"), c(VB));
  sink.merge(2, 6, 2, 12);
  sink.cell(4, 1, v("DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC CẤP XÃ"), c({ ...VH, size: 14 }));
  sink.merge(4, 1, 4, 12);
  sheet.titleRows = [1, 2, 4];
  const vertical: [number, string][] = [[1, "STT"], [2, "Họ và tên"], [5, "Chức vụ"], [6, "Đơn vị"], [11, "Dân tộc"], [12, "Ghi chú"]];
  for (const [col, t] of vertical) {
    sink.cell(6, col, v(t), c(VB));
    sink.merge(6, col, 7, col);
  }
  sink.cell(6, 3, v("Ngày sinh"), c(VB));
  sink.merge(6, 3, 6, 4);
  sink.cell(7, 3, "Nam", c(VB));
  sink.cell(7, 4, v("Nữ"), c(VB));
  sink.cell(6, 7, v("Trình độ"), c(VB));
  sink.merge(6, 7, 6, 10);
  ["Chuyên môn", "LLCT", "QLNN", "Văn hóa"].forEach((t, k) => sink.cell(7, 7 + k, v(t), c(VB)));
  sheet.headerRows = [6, 7];
  for (let col = 1; col <= 12; col++) sink.cell(8, col, col === 1 ? "A" : col === 2 ? "B" : String(col - 2), c({ ...V, italic: true, size: 10 }));
  sheet.indexRow = 8;
  let r = 9;
  people.forEach((p, pi) => {
    sink.cell(r, 1, pi + 1, c(V));
    if (pi === 0) {
      sink.cell(r, 2, { richText: [{ text: v(p.fullName), font: { name: "VNI-Times", size: 12 } }] }, { font: { name: "Arial", size: 10 } });
      quirks.push({ kind: "richTextRunFont", sheet: sheet.name, row: r, col: 2, raw: v(p.fullName), person: pi, note: "style font Arial, run font VNI-Times" });
    } else sink.cell(r, 2, v(p.fullName), { font: V });
    const dc = p.gender === "Nam" ? 3 : 4;
    if (pi % 3 === 2) sink.cell(r, dc, birthDateValue(p), { font: V, h: "center", numFmt: "dd/mm/yyyy" });
    else {
      sink.cell(r, dc, p.birthDate, c(V));
      quirks.push({ kind: "textDate", sheet: sheet.name, row: r, col: dc, raw: p.birthDate, person: pi });
    }
    if (pi === 1) {
      sink.cell(r, 5, displayPosition(p), { font: { name: TNR, size: 12 } });
      quirks.push({ kind: "unicodeCellInLegacySheet", sheet: sheet.name, row: r, col: 5, raw: displayPosition(p), person: pi });
    } else sink.cell(r, 5, v(displayPosition(p)), { font: V, wrap: true });
    sink.cell(r, 6, v(p.unit), { font: V });
    sink.cell(r, 7, p.professional ? v(p.professional) : undefined, { font: V });
    sink.cell(r, 8, p.political ? v(p.political) : undefined, c(V));
    sink.cell(r, 9, p.stateMgmt ? v(p.stateMgmt) : undefined, c(V));
    sink.cell(r, 10, p.generalEdu, c(V));
    sink.cell(r, 11, v(p.ethnicity), c(V));
    sink.cell(r, 12, p.status ? v(p.status) : undefined, { font: V });
    sheet.personRows.push({ row: r, person: pi });
    r++;
  });
  sink.cell(r, 1, v(`Tổng cộng: ${people.length} người`), { font: VB });
  sink.merge(r, 1, r, 2);
  sheet.totalRows = [r];
  r += 2;
  sink.cell(r, 8, v("Tân Bình, ngày 10 tháng 01 năm 2024"), c({ ...V, italic: true }));
  sink.merge(r, 8, r, 12);
  sink.cell(r + 1, 1, v("NGƯỜI LẬP BIỂU"), c(VH));
  sink.merge(r + 1, 1, r + 1, 4);
  sink.cell(r + 1, 8, v("CHỦ TỊCH UBND XÃ"), c(VH));
  sink.merge(r + 1, 8, r + 1, 12);
  sheet.footerRows = [r, r + 1];
  return withExtras(book, { people, sheets: [sheet], quirks, date1904: false }, o);
}

/** Bytes of {@link vniFixture}. */
export async function vniWorkbook(o: RosterOptions = {}): Promise<Uint8Array> {
  return (await vniFixture(o)).bytes;
}

// ---------------------------------------------------------------------------------------------
// f. Quota ("Định biên")

const QUOTA_WIDTHS = [5, 9, 22, 9, 10, 9, 10, 10, 10, 10, 12];

/** Column headers of the quota sheet, two variants (index 0 and 1). */
export const QUOTA_HEADERS: readonly (readonly string[])[] = [
  ["STT", "Mã đơn vị", "Tên đơn vị", "Phân loại ĐVHC", "Miền núi, vùng DTTS", "Số thôn, tổ dân phố", "Biên chế CBCC\ntỉnh giao", "Số lượng CBCC\nhuyện giao", "KCT cấp xã\ntỉnh giao", "KCT cấp xã\nhuyện giao", "Người HĐKCT ở thôn (định mức)"],
  ["TT", "Mã ĐVHC", "Xã, thị trấn", "Loại ĐVHC", "Xã miền núi, vùng cao", "Số thôn, khu phố", "Định biên CBCC (tỉnh giao)", "CBCC được giao", "Số người HĐKCT cấp xã (tỉnh giao)", "Người HĐKCT cấp xã được giao", "Định mức người HĐKCT ở thôn"],
];

/** Quotas for units (NĐ 33/2023: CBCC 23/21/19 and KCT cấp xã 14/12/10 for class I/II/III; 3 KCT per village). */
export function makeQuotas(units: string[], seed = 1): FixtureQuota[] {
  const rng = new Rng(seed + 7);
  return units.map((unit) => {
    const c = communeOf(unit);
    const unitClass = (["I", "II", "III"] as const)[c.kind === "Thị trấn" ? 0 : rng.int(0, 2)];
    const cbcc = { I: 23, II: 21, III: 19 }[unitClass];
    const kct = { I: 14, II: 12, III: 10 }[unitClass];
    return {
      code: c.code,
      unit,
      unitClass,
      mountainous: c.mountainous,
      villages: c.villageCount,
      cbccProvince: cbcc,
      cbccDistrict: cbcc - rng.int(0, 2),
      kctProvince: kct,
      kctDistrict: kct - rng.int(0, 1),
      villageKctNorm: c.villageCount * 3,
    };
  });
}

function emitQuota(sink: Sink, sheet: FixtureSheet, quotas: FixtureQuota[], variant: number): void {
  const F: FontSpec = { name: TNR, size: 12 };
  const B: FontSpec = { ...F, bold: true };
  const c = (font: FontSpec): StyleSpec => ({ font, h: "center", wrap: true });
  sink.cell(1, 1, "BẢNG ĐỊNH BIÊN CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ NĂM 2024", c(B));
  sink.merge(1, 1, 1, 11);
  sink.cell(2, 1, "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 20/01/2024 của UBND huyện Đầm Hà)", c({ ...F, italic: true }));
  sink.merge(2, 1, 2, 11);
  sheet.titleRows = [1, 2];
  const headers = QUOTA_HEADERS[variant % QUOTA_HEADERS.length];
  headers.forEach((h, k) => sink.cell(4, k + 1, h, c(B)));
  sheet.headerRows = [4];
  for (let k = 1; k <= 11; k++) sink.cell(5, k, `(${k})`, c({ ...F, italic: true }));
  sheet.indexRow = 5;
  sheet.columns = { stt: 1, code: 2, unit: 3, unitClass: 4, mountainous: 5, villages: 6, cbccProvince: 7, cbccDistrict: 8, kctProvince: 9, kctDistrict: 10, villageKctNorm: 11 };
  let r = 6;
  quotas.forEach((q, i) => {
    sink.cell(r, 1, i + 1, c(F));
    sink.cell(r, 2, q.code, c(F));
    sink.cell(r, 3, q.unit, { font: F });
    sink.cell(r, 4, q.unitClass, c(F));
    sink.cell(r, 5, q.mountainous ? "x" : undefined, c(F));
    sink.cell(r, 6, q.villages, c(F));
    sink.cell(r, 7, q.cbccProvince, c(F));
    sink.cell(r, 8, q.cbccDistrict, c(F));
    sink.cell(r, 9, q.kctProvince, c(F));
    sink.cell(r, 10, q.kctDistrict, c(F));
    sink.cell(r, 11, q.villageKctNorm, c(F));
    sheet.personRows.push({ row: r, person: i });
    r++;
  });
  sink.cell(r, 1, "Tổng cộng", c(B));
  sink.merge(r, 1, r, 3);
  const sums: [number, keyof FixtureQuota][] = [[6, "villages"], [7, "cbccProvince"], [8, "cbccDistrict"], [9, "kctProvince"], [10, "kctDistrict"], [11, "villageKctNorm"]];
  for (const [col, key] of sums) {
    const L = columnLetter(col);
    sink.cell(r, col, { formula: `SUM(${L}6:${L}${r - 1})`, result: quotas.reduce((a, q) => a + (q[key] as number), 0) }, c(B));
  }
  sheet.totalRows = [r];
}

/** Options for {@link quotaFixture}. */
export interface QuotaOptions {
  /** Units (default: the 10 Đầm Hà units, with both "Thị trấn Đầm Hà" and "Xã Đầm Hà"). */
  units?: string[];
  seed?: number;
  /** Header wording variant (0 or 1), see {@link QUOTA_HEADERS}. */
  headerVariant?: number;
}

/**
 * Layout f: a workbook with one "Định biên" sheet: title rows 1–2, header row 4 (some headers with line breaks), index row 5
 * "(1)"…"(11)", one row per unit from row 6 (code as text "07093", class I/II/III, "x" for mountainous), a "Tổng cộng" row
 * (A:C merged) with SUM formulas. `personRows[i].person` indexes `quotas`. Also appended by the other builders' `withQuota`.
 */
export async function quotaFixture(o: QuotaOptions = {}): Promise<Fixture> {
  const quotas = makeQuotas(o.units ?? COMMUNES.map(unitName), o.seed ?? 1);
  const book = new ExcelJsBook(false);
  const sheet = newSheet("Định biên");
  emitQuota(book.sheet({ name: sheet.name, widths: QUOTA_WIDTHS }), sheet, quotas, o.headerVariant ?? 0);
  return { bytes: await book.finish(), people: [], sheets: [sheet], quirks: [], date1904: false, quotas };
}

/** Bytes of {@link quotaFixture}. */
export async function quotaWorkbook(o: QuotaOptions = {}): Promise<Uint8Array> {
  return (await quotaFixture(o)).bytes;
}

// ---------------------------------------------------------------------------------------------
// g. One sheet per category

/** Sheet names and titles of {@link categoryListsFixture}. */
export const CATEGORY_SHEETS: readonly { category: PersonCategory; sheet: string; title: string }[] = [
  { category: "Cán bộ", sheet: "Cán bộ", title: "DANH SÁCH CÁN BỘ CHUYÊN TRÁCH CẤP XÃ" },
  { category: "Công chức", sheet: "Công chức", title: "DANH SÁCH CÔNG CHỨC CẤP XÃ" },
  { category: "KCT cấp xã", sheet: "KCT cấp xã", title: "DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở CẤP XÃ" },
  { category: "KCT thôn", sheet: "KCT thôn", title: "DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN" },
];

/** Options for {@link categoryListsFixture}. */
export interface CategoryListsOptions extends RosterOptions {
  /** Append a hidden "DM" sheet and a very hidden "Cấu hình" sheet. */
  hiddenSheets?: boolean;
}

/**
 * Layout g: sheets "Cán bộ", "Công chức", "KCT cấp xã", "KCT thôn", each:
 * - rows 1–2 agency / motto, row 4 its own title (e.g. "DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN"), row 5
 *   "(Kèm theo Công văn số 312/PNV ngày 05/3/2024)";
 * - row 7 one-row header: STT, Họ và tên, Ngày sinh, Giới tính, Tên đơn vị, [Thôn, on "KCT thôn" only], Chức danh,
 *   Trình độ chuyên môn, Lý luận chính trị, Trình độ văn hóa, Dân tộc, Ghi chú; row 8 index "1"…"n" (text);
 * - persons from row 9 (real dates, default format 14), no section rows; "Tổng cộng: N người" (A:B); footer.
 */
export async function categoryListsFixture(o: CategoryListsOptions = {}): Promise<Fixture> {
  const people = peopleFor(o, 40);
  const book = new ExcelJsBook(false);
  const sheets: FixtureSheet[] = [];
  const F: FontSpec = { name: TNR, size: 12 };
  const B: FontSpec = { ...F, bold: true };
  const c = (font: FontSpec): StyleSpec => ({ font, h: "center", wrap: true });
  for (const cat of CATEGORY_SHEETS) {
    const sheet = newSheet(cat.sheet);
    const thon = cat.category === "KCT thôn";
    const headers = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Tên đơn vị", ...(thon ? ["Thôn"] : []), "Chức danh", "Trình độ chuyên môn", "Lý luận chính trị", "Trình độ văn hóa", "Dân tộc", "Ghi chú"];
    const keys = ["stt", "fullName", "birthDate", "gender", "unit", ...(thon ? ["village"] : []), "position", "professional", "political", "generalEdu", "ethnicity", "note"];
    const n = headers.length;
    const sink = book.sheet({ name: sheet.name, widths: [5, 24, 12, 8, 18, ...(thon ? [14] : []), 26, 18, 12, 10, 8, 12] });
    sink.cell(1, 1, "UBND HUYỆN ĐẦM HÀ", c(F));
    sink.merge(1, 1, 1, 3);
    sink.cell(1, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", c(B));
    sink.merge(1, 5, 1, n);
    sink.cell(2, 1, "PHÒNG NỘI VỤ", c(B));
    sink.merge(2, 1, 2, 3);
    sink.cell(2, 5, "Độc lập - Tự do - Hạnh phúc", c(B));
    sink.merge(2, 5, 2, n);
    sink.cell(4, 1, cat.title, c({ ...B, size: 14 }));
    sink.merge(4, 1, 4, n);
    sink.cell(5, 1, "(Kèm theo Công văn số 312/PNV ngày 05/3/2024)", c({ ...F, italic: true }));
    sink.merge(5, 1, 5, n);
    sheet.titleRows = [1, 2, 4, 5];
    headers.forEach((h, k) => sink.cell(7, k + 1, h, c(B)));
    keys.forEach((k, i) => (sheet.columns[k] = i + 1));
    sheet.headerRows = [7];
    for (let k = 1; k <= n; k++) sink.cell(8, k, String(k), c({ ...F, italic: true, size: 10 }));
    sheet.indexRow = 8;
    let r = 9;
    let no = 0;
    people.forEach((p, pi) => {
      if (p.category !== cat.category) return;
      no++;
      const values: (CellInput | undefined)[] = [no, p.fullName, birthDateValue(p), p.gender, p.unit, ...(thon ? [p.village] : []), p.position, p.professional || undefined, p.political || undefined, p.generalEdu, p.ethnicity, p.status];
      values.forEach((val, k) => sink.cell(r, k + 1, val, k === 1 || k === 4 ? { font: F } : c(F)));
      sheet.personRows.push({ row: r, person: pi });
      r++;
    });
    sink.cell(r, 1, `Tổng cộng: ${no} người`, { font: B });
    sink.merge(r, 1, r, 2);
    sheet.totalRows = [r];
    r += 2;
    sink.cell(r, n - 3, "Đầm Hà, ngày 05 tháng 3 năm 2024", c({ ...F, italic: true }));
    sink.merge(r, n - 3, r, n);
    sink.cell(r + 1, 1, "NGƯỜI LẬP BIỂU", c(B));
    sink.merge(r + 1, 1, r + 1, 3);
    sink.cell(r + 1, n - 3, "TRƯỞNG PHÒNG", c(B));
    sink.merge(r + 1, n - 3, r + 1, n);
    sheet.footerRows = [r, r + 1];
    sheets.push(sheet);
  }
  return withExtras(book, { people, sheets, quirks: [], date1904: false }, o);
}

/** Bytes of {@link categoryListsFixture}. */
export async function categoryListsWorkbook(o: CategoryListsOptions = {}): Promise<Uint8Array> {
  return (await categoryListsFixture(o)).bytes;
}

// ---------------------------------------------------------------------------------------------
// Hand-made packages (for reader edge cases)

/** Zip the given parts (path → text or bytes) into a package; `level` 0 stores. */
export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [path, content] of Object.entries(parts)) files[path] = [typeof content === "string" ? strToU8(content) : content, { level }];
  return zipSync(files, { mtime: ZIP_MTIME });
}

/** Options for {@link minimalXlsxParts}. */
export interface MinimalXlsxOptions {
  /** Worksheet XMLs, in tab order, with names; or just the sheetData inner XML of one sheet "Sheet1". */
  sheets?: { name: string; xml: string; state?: string }[];
  sheetData?: string;
  sharedStrings?: string[] | string;
  /** Full styles.xml text (default: fonts Calibri and .VnTime, a dd/mm/yyyy date style at index 1). */
  styles?: string;
  date1904?: boolean;
  /** Element prefix to use for the SpreadsheetML namespace ("x" → `<x:worksheet>`). */
  prefix?: string;
}

/**
 * The parts of a minimal hand-written .xlsx (for tests of reader edge cases that ExcelJS cannot produce: inline strings,
 * prefixed namespaces, shared formulas, `_xHHHH_` escapes…). Feed to {@link zipParts}.
 */
export function minimalXlsxParts(o: MinimalXlsxOptions = {}): Record<string, string> {
  const p = o.prefix ? `${o.prefix}:` : "";
  const ns = o.prefix ? `xmlns:${o.prefix}="${NS_MAIN}"` : `xmlns="${NS_MAIN}"`;
  const wrapSheet = (data: string) => `${XML_HEAD}<${p}worksheet ${ns} xmlns:r="${NS_REL}"><${p}sheetData>${data}</${p}sheetData></${p}worksheet>`;
  const sheets = o.sheets ?? [{ name: "Sheet1", xml: wrapSheet(o.sheetData ?? "") }];
  const sst = Array.isArray(o.sharedStrings) ? o.sharedStrings.map((s) => `<${p}si><${p}t xml:space="preserve">${xmlText(s)}</${p}t></${p}si>`).join("") : o.sharedStrings ?? "";
  const parts: Record<string, string> = {
    "[Content_Types].xml": `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_HEAD}<${p}workbook ${ns} xmlns:r="${NS_REL}"><${p}workbookPr${o.date1904 ? ' date1904="1"' : ""}/><${p}sheets>${sheets
      .map((s, i) => `<${p}sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
      .join("")}</${p}sheets></${p}workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${sheets
      .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}<Relationship Id="rIdS" Type="${NS_REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml":
      o.styles ??
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><sz val="13"/><name val=".VnTime"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `${XML_HEAD}<${p}sst ${ns}>${sst}</${p}sst>`,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml));
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Bad inputs

/** A real workbook cut short (default: the first 60 % of its bytes), as a broken download leaves it. */
export async function truncatedZip(o: { keep?: number } = {}): Promise<Uint8Array> {
  const full = await districtListWorkbook({ count: 12 });
  return full.slice(0, Math.max(1, Math.floor(full.length * (o.keep ?? 0.6))));
}

/** CSV text (UTF-8 with BOM, CRLF) as offices save it, to be named .xlsx. */
export function csvNamedXlsx(o: { bom?: boolean; separator?: "," | ";" | "\t" } = {}): Uint8Array {
  const s = o.separator ?? ",";
  const rows = [
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"],
    ["1", "Nguyễn Văn Hùng", "15/08/1985", "Nam", "Chủ tịch UBND"],
    ["2", "Trần Thị Hường", "02/03/1990", "Nữ", "Văn phòng - thống kê"],
  ];
  const text = rows.map((r) => r.join(s)).join("\r\n") + "\r\n";
  return strToU8((o.bom ?? true ? "\uFEFF" : "") + text);
}

/** An HTML table saved with an .xls name: "tableToExcel" (plain table) or "webPage" (Excel "Save as Web page", .VnTimeH CSS). */
export function htmlNamedXls(o: { variant?: "tableToExcel" | "webPage"; utf16?: boolean } = {}): Uint8Array {
  const html =
    (o.variant ?? "tableToExcel") === "tableToExcel"
      ? `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40"><head><meta charset="UTF-8"><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Thongkecanbochongchucpx</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head><body><table><tr><td>STT</td><td>Họ và tên</td></tr><tr><td>1</td><td>Nguyễn Văn Hùng</td></tr></table></body></html>`
      : `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\r\n<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head>\r\n<meta http-equiv=Content-Type content="text/html; charset=windows-1252">\r\n<style>\r\n.xl24 {font-family:"\\.VnTimeH", sans-serif;}\r\n</style>\r\n</head>\r\n<body><table x:str><tr><td class=xl24>${tcvnH("DANH SÁCH")}</td></tr></table></body></html>`;
  if (!o.utf16) return strToU8(html);
  const out = new Uint8Array(2 + html.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < html.length; i++) {
    out[2 + 2 * i] = html.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = html.charCodeAt(i) >> 8;
  }
  return out;
}

/** Excel 2003 XML (SpreadsheetML) saved as .xls. */
export function spreadsheetMl2003(): Uint8Array {
  return strToU8(
    `<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">\r\n <Worksheet ss:Name="VPP">\r\n  <Table>\r\n   <Row><Cell><Data ss:Type="String">STT</Data></Cell><Cell><Data ss:Type="String">Họ và tên</Data></Cell></Row>\r\n   <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">Nguyễn Văn Hùng</Data></Cell></Row>\r\n  </Table>\r\n </Worksheet>\r\n</Workbook>\r\n`,
  );
}

/**
 * A minimal but structurally valid Compound File (OLE2, version 3, 512-byte sectors): header, one FAT sector, one directory
 * sector with a root entry and up to three empty streams/storages linked as right siblings.
 */
export function compoundFile(entries: { name: string; type?: "stream" | "storage" }[]): Uint8Array {
  if (entries.length > 3) throw new Error("compoundFile: at most 3 entries");
  const buf = new Uint8Array(512 * 3);
  const dv = new DataView(buf.buffer);
  buf.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  dv.setUint16(24, 0x003e, true);
  dv.setUint16(26, 0x0003, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setUint32(44, 1, true); // FAT sectors
  dv.setUint32(48, 1, true); // first directory sector
  dv.setUint32(56, 4096, true); // mini stream cutoff
  dv.setUint32(60, 0xfffffffe, true); // no mini FAT
  dv.setUint32(68, 0xfffffffe, true); // no DIFAT sectors
  dv.setUint32(76, 0, true); // DIFAT[0] = sector 0 (the FAT)
  for (let i = 1; i < 109; i++) dv.setUint32(76 + 4 * i, 0xffffffff, true);
  // FAT (sector 0 at offset 512): sector 0 is FAT, sector 1 (directory) ends its chain.
  for (let i = 0; i < 128; i++) dv.setUint32(512 + 4 * i, 0xffffffff, true);
  dv.setUint32(512, 0xfffffffd, true);
  dv.setUint32(516, 0xfffffffe, true);
  const dir = 1024;
  const all = [{ name: "Root Entry", type: 5 }, ...entries.map((e) => ({ name: e.name, type: e.type === "storage" ? 1 : 2 }))];
  all.forEach((e, i) => {
    const base = dir + 128 * i;
    for (let k = 0; k < e.name.length; k++) dv.setUint16(base + 2 * k, e.name.charCodeAt(k), true);
    dv.setUint16(base + 64, (e.name.length + 1) * 2, true);
    buf[base + 66] = e.type;
    buf[base + 67] = 1; // black
    dv.setUint32(base + 68, 0xffffffff, true); // left sibling
    dv.setUint32(base + 72, i > 0 && i < all.length - 1 ? i + 1 : 0xffffffff, true); // right sibling
    dv.setUint32(base + 76, i === 0 && all.length > 1 ? 1 : 0xffffffff, true); // child
    dv.setUint32(base + 116, 0xfffffffe, true); // start sector (empty)
  });
  for (let i = all.length; i < 4; i++) {
    const base = dir + 128 * i;
    dv.setUint32(base + 68, 0xffffffff, true);
    dv.setUint32(base + 72, 0xffffffff, true);
    dv.setUint32(base + 76, 0xffffffff, true);
  }
  return buf;
}

/** A password-protected OOXML package as Excel saves it: OLE2 with "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO). */
export function encryptedLike(): Uint8Array {
  return compoundFile([{ name: "\u0006DataSpaces", type: "storage" }, { name: "EncryptionInfo" }, { name: "EncryptedPackage" }]);
}

/** An Excel 97-2003 .xls: OLE2 with a "Workbook" stream (or "Book" for Excel 5/95). */
export function legacyBiffLike(o: { stream?: "Workbook" | "Book" } = {}): Uint8Array {
  return compoundFile([{ name: o.stream ?? "Workbook" }, { name: "\u0005SummaryInformation" }, { name: "\u0005DocumentSummaryInformation" }]);
}

/** A Word 97-2003 .doc renamed .xls: OLE2 with "WordDocument" and "1Table" streams. */
export function legacyDocLike(): Uint8Array {
  return compoundFile([{ name: "WordDocument" }, { name: "1Table" }, { name: "\u0005SummaryInformation" }]);
}

/** An ExcelJS workbook with one empty sheet. */
export async function emptyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = ZIP_MTIME;
  wb.addWorksheet("Sheet1");
  return stableZip(new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer));
}

/** A .docx-like zip (word/document.xml, no xl/workbook.xml). */
export function docxLikeZip(): Uint8Array {
  return zipParts({
    "[Content_Types].xml": `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": `${XML_HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Danh sách cán bộ</w:t></w:r></w:p></w:body></w:document>`,
  });
}

/** A 0-byte file. */
export function zeroBytes(): Uint8Array {
  return new Uint8Array(0);
}
