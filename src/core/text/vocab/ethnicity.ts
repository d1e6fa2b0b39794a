/**
 * Ethnicity ("dân tộc"): the 54 groups of Vietnam, plus foreigners.
 *
 * Codes. Two official GSO code lists exist and both still appear in software:
 * - `code`: "Danh mục các thành phần dân tộc Việt Nam", Quyết định
 *   121-TCTK/PPCĐ of 02/03/1979 (01 Kinh, 02 Tày, 03 Thái, 04 Hoa,
 *   05 Khơ-me, 06 Mường … 53 Ơ Đu, 54 Rơ-măm). Checked against the Đà Nẵng
 *   statistics office copy (https://cucthongke.danang.gov.vn/chi-tiet-tin-tuc?dinhdanh=112&cat=20,
 *   codes 01–09), the Ministry of Health FHIR code system "vn-core-race",
 *   "theo ban hành của Tổng cục thống kê"
 *   (https://build.fhir.org/ig/hl7vn/vn-core-ig/CodeSystem-vn-core-race.html, codes 01–04),
 *   and a public code list with all 54 codes.
 * - `code2008`: "Danh mục các dân tộc Việt Nam", Quyết định 1019/QĐ-TCTK of
 *   12/11/2008, ordered by population (04 Mường, 05 Khơ me, 06 Hoa … 52 Rơ
 *   Măm, 53 Brâu, 54 Ơ Đu). Codes 01–20 confirmed by the GSO file
 *   (https://www.gso.gov.vn/Modules/Doc_Download.aspx?DocID=15172) and its
 *   copy at http://qcvn109.gov.vn/noi-dung/phu-luc-e-tham-khao-danh-muc-dan-toc-viet-nam.html;
 *   codes 21–54 follow a public list in the same order and are only partially
 *   confirmed [P].
 * "Người nước ngoài" has no code in either list.
 *
 * Spelling aliases from roster-formats.md §3 "Ethnicity" and the "other
 * names" columns of the lists above. Matching strips hyphens, apostrophes and
 * spaces after the comparison key, so "H'Mông", "HMông" and "H Mông" agree.
 *
 * Pure TypeScript: ES2022 only.
 */

import { compileVocab, matchWhole, type VocabEntry, type VocabResult } from "./match";

/**
 * One ethnic group.
 *
 * @example
 * ```ts
 * const g: EthnicGroup | undefined = ethnicGroup("tay"); // { code: "02", name: "Tày", minority: true, … }
 * ```
 */
export interface EthnicGroup {
  /** Stable identifier used as the parsed value. */
  id: EthnicGroupId;
  /** Code in the 1979 GSO list (QĐ 121-TCTK/PPCĐ); "" for foreigners. */
  code: string;
  /** Code in the 2008 GSO list (QĐ 1019/QĐ-TCTK); "" for foreigners. 21–54 partially confirmed. */
  code2008: string;
  /** Official name. */
  name: string;
  /** An ethnic minority (dân tộc thiểu số): every group but Kinh. Foreigners are not. */
  minority: boolean;
  /** Other spellings and names. */
  aliases: readonly string[];
}

/**
 * Identifiers of the 54 groups and of foreigners.
 *
 * @example
 * ```ts
 * const id: EthnicGroupId = "hmong";
 * ```
 */
export type EthnicGroupId =
  | "kinh" | "tay" | "thai" | "hoa" | "khmer" | "muong" | "nung" | "hmong" | "dao" | "giarai"
  | "ngai" | "ede" | "bana" | "xodang" | "sanchay" | "coho" | "cham" | "sandiu" | "hre" | "mnong"
  | "raglai" | "xtieng" | "bruvankieu" | "tho" | "giay" | "cotu" | "gietrieng" | "ma" | "khomu" | "co"
  | "taoi" | "choro" | "khang" | "xinhmun" | "hanhi" | "churu" | "lao" | "lachi" | "laha" | "phula"
  | "lahu" | "lu" | "lolo" | "chut" | "mang" | "pathen" | "colao" | "cong" | "boy" | "sila"
  | "pupeo" | "brau" | "odu" | "romam" | "foreign";

type Row = [EthnicGroupId, string, string, string, readonly string[]];

/** [id, code 1979, code 2008, name, aliases], in 1979 code order. */
const ROWS: readonly Row[] = [
  ["kinh", "01", "01", "Kinh", ["Việt", "Kinh (Việt)"]],
  ["tay", "02", "02", "Tày", []],
  ["thai", "03", "03", "Thái", ["Thái Đen", "Thái Trắng"]],
  ["hoa", "04", "06", "Hoa", ["Hán", "Hoa (Hán)"]],
  ["khmer", "05", "05", "Khơ-me", ["Khmer", "Khơ me", "Khơ-me Krôm", "Khmer Krom", "Khơmer"]],
  ["muong", "06", "04", "Mường", []],
  ["nung", "07", "07", "Nùng", []],
  ["hmong", "08", "08", "Mông", ["Hmông", "HMông", "H'Mông", "H'mông (Mèo)", "Mèo", "Mẹo", "Hmong"]],
  ["dao", "09", "09", "Dao", ["Mán"]],
  ["giarai", "10", "10", "Gia-rai", ["Gia Rai", "Jrai", "Giơ-rai"]],
  ["ngai", "11", "43", "Ngái", []],
  ["ede", "12", "11", "Ê-đê", ["Ê Đê", "Ra-đê", "Rhade"]],
  ["bana", "13", "12", "Ba-na", ["Ba Na", "Bahnar"]],
  ["xodang", "14", "16", "Xơ-đăng", ["Xơ Đăng", "Sedang", "Xê Đăng"]],
  ["sanchay", "15", "13", "Sán Chay", ["Cao Lan", "Sán Chỉ", "Cao Lan - Sán Chỉ", "Sán Chay (Cao Lan - Sán Chỉ)", "Sán Chí"]],
  ["coho", "16", "15", "Cơ-ho", ["Cơ Ho", "K'Ho", "Kơ Ho", "Koho"]],
  ["cham", "17", "14", "Chăm", ["Chàm", "Chăm Pa"]],
  ["sandiu", "18", "17", "Sán Dìu", ["Sán Rìu"]],
  ["hre", "19", "18", "Hrê", ["H'rê"]],
  ["mnong", "20", "20", "Mnông", ["M'Nông", "Mơ Nông"]],
  ["raglai", "21", "19", "Ra-glai", ["Ra Glai", "Raglai", "Ra Glay"]],
  ["xtieng", "22", "22", "Xtiêng", ["X'Tiêng", "Stiêng", "Xa Điêng"]],
  ["bruvankieu", "23", "24", "Bru-Vân Kiều", ["Bru Vân Kiều", "Vân Kiều", "Bru"]],
  ["tho", "24", "21", "Thổ", []],
  ["giay", "25", "26", "Giáy", ["Nhắng"]],
  ["cotu", "26", "25", "Cơ-tu", ["Cơ Tu", "Ca Tu", "Katu", "Kơ Tu"]],
  ["gietrieng", "27", "29", "Gié-Triêng", ["Gié Triêng", "Giẻ Triêng", "Giẻ-Triêng", "Giẻ", "Gié", "Triêng"]],
  ["ma", "28", "28", "Mạ", []],
  ["khomu", "29", "23", "Khơ-mú", ["Khơ Mú", "Khmu", "Kh'mú", "Xá Cẩu"]],
  ["co", "30", "30", "Co", ["Cor"]],
  ["taoi", "31", "27", "Tà-ôi", ["Ta-ôi", "Tà Ôi", "Ta Ôi", "Pa Cô", "Pa-kô"]],
  ["choro", "32", "31", "Chơ-ro", ["Chơ Ro", "Châu Ro"]],
  ["khang", "33", "37", "Kháng", []],
  ["xinhmun", "34", "32", "Xinh-mun", ["Xinh Mun"]],
  ["hanhi", "35", "33", "Hà Nhì", []],
  ["churu", "36", "34", "Chu-ru", ["Chu Ru"]],
  ["lao", "37", "35", "Lào", []],
  ["lachi", "38", "36", "La Chí", ["La Chi"]],
  ["laha", "39", "40", "La Ha", []],
  ["phula", "40", "38", "Phù Lá", []],
  ["lahu", "41", "39", "La Hủ", []],
  ["lu", "42", "42", "Lự", []],
  ["lolo", "43", "45", "Lô Lô", []],
  ["chut", "44", "44", "Chứt", []],
  ["mang", "45", "46", "Mảng", ["Mảng Ư"]],
  ["pathen", "46", "41", "Pà Thẻn", ["Pà Hưng"]],
  ["colao", "47", "47", "Cơ Lao", ["Co Lao", "Cờ Lao"]],
  ["cong", "48", "49", "Cống", []],
  ["boy", "49", "48", "Bố Y", []],
  ["sila", "50", "50", "Si La", []],
  ["pupeo", "51", "51", "Pu Péo", []],
  ["brau", "52", "53", "Brâu", ["Brao"]],
  ["odu", "53", "54", "Ơ Đu", ["Ơ-đu"]],
  ["romam", "54", "52", "Rơ-măm", ["Rơ Măm"]],
  ["foreign", "", "", "Người nước ngoài", ["Nước ngoài"]],
];

/**
 * All groups in 1979 code order, foreigners last.
 *
 * @example
 * ```ts
 * ETHNIC_GROUPS.find((g) => g.code === "05")?.name; // "Khơ-me"
 * ```
 */
export const ETHNIC_GROUPS: readonly EthnicGroup[] = ROWS.map(([id, code, code2008, name, aliases]) => ({
  id,
  code,
  code2008,
  name,
  minority: id !== "kinh" && id !== "foreign",
  aliases,
}));

const BY_ID = new Map<EthnicGroupId, EthnicGroup>(ETHNIC_GROUPS.map((g) => [g.id, g]));

const ENTRIES: readonly VocabEntry<EthnicGroupId>[] = ETHNIC_GROUPS.map((g) => ({
  value: g.id,
  label: g.name,
  aliases: g.aliases,
}));

const VOCAB = compileVocab(ENTRIES);

/** Words before the name: "Dân tộc Tày", "Người Kinh", "DT Mường". */
const LEAD_INS = ["Dân tộc", "DT", "Người", "Dân tộc thiểu số"];

/**
 * Result of {@link parseEthnicity}.
 *
 * @example
 * ```ts
 * const r: EthnicityResult = parseEthnicity("Ê Đê"); // r.group?.code === "12"
 * ```
 */
export interface EthnicityResult extends VocabResult<EthnicGroupId> {
  /** The recognized group. */
  group?: EthnicGroup;
  /** Whether the recognized group is an ethnic minority. */
  minority?: boolean;
}

/**
 * Looks a group up by identifier.
 *
 * @param id - group identifier
 * @returns the group, or `undefined`
 *
 * @example
 * ```ts
 * ethnicGroup("khmer")?.code // "05"
 * ```
 */
export function ethnicGroup(id: EthnicGroupId): EthnicGroup | undefined {
  return BY_ID.get(id);
}

/**
 * Parses an ethnicity cell. Accepts official names, the usual spellings
 * ("HMông", "H'Mông", "Mèo", "Khmer", "Ê Đê", "Gia Rai", "Tà Ôi"…), lead-ins
 * ("Dân tộc Tày", "Người Kinh"), text without accents, any case, NFC or NFD.
 *
 * @param raw - the cell text
 * @returns the group, its minority flag and the raw text; unrecognized values get a suggestion
 *
 * @example
 * ```ts
 * parseEthnicity("H'Mông").group?.name // "Mông"
 * parseEthnicity("Khmer").minority     // true
 * parseEthnicity("kinh").minority      // false
 * ```
 */
export function parseEthnicity(raw: string): EthnicityResult {
  const result: EthnicityResult = matchWhole(VOCAB, raw, { leadIns: LEAD_INS });
  if (result.value !== undefined) {
    const group = BY_ID.get(result.value);
    if (group) {
      result.group = group;
      result.minority = group.minority;
    }
  }
  return result;
}
