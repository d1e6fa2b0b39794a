/**
 * Mapping header paths to canonical fields by Vietnamese synonyms and abbreviations
 * (roster-formats.md §2). Matching is on the path, because leaves such as "TC" or "ĐH" recur
 * under several groups. A user-supplied mapping overrides the guess.
 */
import type { CanonicalField } from "../report/types";
import { headerKey } from "../text/keys";
import { parseProfessional } from "../text/vocab/professional";
import { parsePoliticalTheory } from "../text/vocab/politicalTheory";
import { parseStateManagement } from "../text/vocab/stateManagement";
import { parseGeneralEducation } from "../text/vocab/generalEducation";
import type { ColumnHeader } from "./header";

/** Fields whose values can be spread over a one-hot group of mark columns. */
export type LevelField = "generalEducation" | "professionalLevel" | "politicalTheory" | "stateManagement";

/** A one-hot mark column: a mark under it means the value `label`. */
export interface OneHotColumn {
  col: number;
  field: LevelField | "informatics" | "foreignLanguage";
  /** The leaf text, e.g. "ĐH" — what a mark in this column means. */
  label: string;
}

export interface ColumnMapping {
  /** Text-valued columns. */
  fields: Partial<Record<CanonicalField, number>>;
  /** Birth date split by gender: the date sits in the Nam or the Nữ column. */
  birthByGender?: { male: number; female: number };
  /** A mark column meaning "female" ("Nữ", "Phụ nữ"). */
  femaleMark?: number;
  oneHot: OneHotColumn[];
  stt?: number;
  unmapped: ColumnHeader[];
}

type Test = (leaf: string, groups: string[], all: string) => boolean;

/** A test of a header key: it holds one of the words as whole words. */
export const has = (...words: string[]) => {
  const keys = words.map(headerKey);
  return (s: string) => keys.some((w) => s === w || s.startsWith(w + " ") || s.endsWith(" " + w) || s.includes(" " + w + " "));
};
/** A test of a header key: it is one of the words. */
export const equals = (...words: string[]) => {
  const keys = new Set(words.map(headerKey));
  return (s: string) => keys.has(s);
};

const isBirth = has("ngày tháng năm sinh", "ngày sinh", "sinh ngày", "năm sinh", "tháng năm sinh", "ngày tháng năm sinh nam", "năm sinh nam nữ");
const isProfessional = (s: string) => has("chuyên môn", "cmnv", "trình độ đào tạo", "chuyên môn nghiệp vụ", "trình độ chuyên môn", "trình độ cm", "tđcm", "trình độ cmnv")(s) || s === "cm";
const isPolitical = has("lý luận chính trị", "llct", "chính trị", "lý luận");
const isStateMgmt = has("quản lý nhà nước", "qlnn", "quản lý hành chính nhà nước", "qlhcnn");
const isGeneralEdu = (s: string) => has("văn hóa", "giáo dục phổ thông", "phổ thông", "học vấn", "gdpt")(s) && !s.includes("xã hội");
const isInformatics = has("tin học");
const isLanguage = has("ngoại ngữ", "anh văn", "tiếng anh");

/** Field rules in order; the first that matches a column wins, and each field takes its first column. */
const RULES: { field: CanonicalField; test: Test }[] = [
  { field: "fullName", test: (_l, _g, all) => has("họ và tên", "họ tên", "họ và tên khai sinh", "họ tên khai sinh")(all) },
  { field: "idNumber", test: (_l, _g, all) => has("cccd", "căn cước", "cmnd", "số định danh", "chứng minh", "định danh cá nhân", "số cmnd", "cmnd cccd")(all) },
  { field: "birthDate", test: (leaf) => isBirth(leaf) },
  { field: "gender", test: (leaf) => has("giới tính")(leaf) || equals("nam nữ", "giới")(leaf) },
  { field: "ethnicity", test: (leaf) => equals("dân tộc", "dân tộc kinh")(leaf) || (leaf.startsWith("dân tộc") && !has("ít người", "thiểu số", "dtts")(leaf)) },
  { field: "religion", test: (leaf) => has("tôn giáo")(leaf) },
  { field: "partyJoinDate", test: (_l, _g, all) => has("ngày vào đảng", "kết nạp đảng", "ngày vào đcs", "đảng viên", "ngày kết nạp", "vào đảng")(all) && !has("ngày chính thức")(all) },
  { field: "village", test: (leaf, groups) => groups.length === 0 && equals("thôn", "thôn bản", "thôn tổ dân phố", "thôn tổ", "tổ dân phố", "khu phố", "bản", "thôn xóm", "thôn bản tổ dân phố", "thôn khu phố", "ấp", "tên thôn", "thôn tdp")(leaf) },
  { field: "unit", test: (leaf, groups) => groups.length === 0 && equals("đơn vị", "tên đơn vị", "đơn vị công tác", "xã phường thị trấn", "xã phường", "xã thị trấn", "xã", "đơn vị hành chính", "tên xã", "cơ quan đơn vị", "nơi công tác", "tên đơn vị hành chính", "đvhc", "đơn vị cấp xã")(leaf) },
  { field: "position", test: (_l, _g, all) => has("chức vụ", "chức danh", "chức vụ chức danh", "chức danh chức vụ")(all) && !all.includes("khoa học") && !has("thời gian", "ngày bổ nhiệm", "giữ chức vụ từ")(all) },
  { field: "category", test: (leaf, groups) => groups.length === 0 && equals("loại cán bộ", "phân loại", "đối tượng", "loại", "nhóm", "loại cbcc", "cán bộ công chức", "ngạch")(leaf) },
  { field: "positionSince", test: (_l, _g, all) => has("ngày bổ nhiệm", "bổ nhiệm", "giữ chức vụ từ", "thời gian giữ chức vụ", "ngày bầu", "năm giữ chức vụ", "giữ chức vụ", "thời điểm giữ chức")(all) },
  { field: "termNumber", test: (_l, _g, all) => has("nhiệm kỳ", "số nhiệm kỳ", "nhiệm kỳ thứ")(all) },
  { field: "professionalField", test: (leaf) => has("chuyên ngành", "ngành đào tạo", "ngành học")(leaf) || equals("ngành")(leaf) },
  { field: "generalEducation", test: (leaf, groups) => isGeneralEdu(leaf) || (groups.some(isGeneralEdu) && !isProfessional(leaf)) },
  { field: "professionalLevel", test: (leaf, groups) => isProfessional(leaf) || (groups.some(isProfessional) && !isPolitical(leaf) && !isStateMgmt(leaf) && !isGeneralEdu(leaf)) },
  { field: "politicalTheory", test: (leaf, groups) => isPolitical(leaf) || groups.some(isPolitical) },
  { field: "stateManagement", test: (leaf, groups) => isStateMgmt(leaf) || groups.some(isStateMgmt) },
  { field: "informatics", test: (leaf, groups) => isInformatics(leaf) || groups.some(isInformatics) },
  { field: "foreignLanguage", test: (leaf, groups) => isLanguage(leaf) || groups.some(isLanguage) },
  { field: "status", test: (leaf) => has("tình trạng", "trạng thái", "tình trạng công tác")(leaf) },
  { field: "note", test: (leaf) => has("ghi chú")(leaf) },
];

const LEVEL_TESTS: { field: LevelField; group: (s: string) => boolean; parse: (leaf: string) => boolean }[] = [
  { field: "professionalLevel", group: isProfessional, parse: (l) => parseProfessional(l).recognized || /^(còn lại|khác|trung học)$/i.test(l) },
  { field: "politicalTheory", group: isPolitical, parse: (l) => parsePoliticalTheory(l).recognized || /^(cao cấp,? cử nhân|cn|cc)$/i.test(l) },
  { field: "stateManagement", group: isStateMgmt, parse: (l) => parseStateManagement(l).recognized },
  { field: "generalEducation", group: isGeneralEdu, parse: (l) => parseGeneralEducation(l).recognized },
];

/**
 * Guess the mapping of a header band's columns.
 * @param overrides user mapping (field → column number), which wins over the guess.
 */
export function mapColumns(columns: ColumnHeader[], overrides: Partial<Record<CanonicalField, number>> = {}): ColumnMapping {
  const mapping: ColumnMapping = { fields: {}, oneHot: [], unmapped: [] };
  const taken = new Set<number>(Object.values(overrides).filter((c): c is number => typeof c === "number"));
  for (const [f, c] of Object.entries(overrides)) if (typeof c === "number") mapping.fields[f as CanonicalField] = c;
  let birthMale: number | undefined;
  let birthFemale: number | undefined;
  for (const h of columns) {
    if (taken.has(h.col)) continue;
    const leaf = h.keys[h.keys.length - 1];
    const groups = h.keys.slice(0, -1);
    const all = h.keys.join(" ");
    if (mapping.stt === undefined && equals("stt", "tt", "số tt", "s t t", "số thứ tự")(leaf)) {
      mapping.stt = h.col;
      continue;
    }
    // Birth date split by gender: group "Ngày, tháng, năm sinh", leaves "Nam" / "Nữ".
    if (groups.some(isBirth) && (leaf === "nam" || leaf === "nữ")) {
      if (leaf === "nam") birthMale = h.col;
      else birthFemale = h.col;
      continue;
    }
    // One-hot level groups: a level word under a level group.
    const level = groups.length > 0 ? LEVEL_TESTS.find((t) => groups.some(t.group) && t.parse(h.path[h.path.length - 1])) : undefined;
    if (level && !(level.field === "generalEducation" && isProfessional(leaf))) {
      mapping.oneHot.push({ col: h.col, field: level.field, label: h.path[h.path.length - 1] });
      continue;
    }
    if (groups.length > 0 && (groups.some(isInformatics) || groups.some(isLanguage)) && h.path[h.path.length - 1].length <= 20) {
      mapping.oneHot.push({ col: h.col, field: groups.some(isInformatics) ? "informatics" : "foreignLanguage", label: h.path[h.path.length - 1] });
      continue;
    }
    if (mapping.femaleMark === undefined && (equals("nữ", "phụ nữ", "trong đó nữ")(leaf))) {
      mapping.femaleMark = h.col;
      continue;
    }
    const rule = RULES.find((r) => mapping.fields[r.field] === undefined && r.test(leaf, groups, all));
    if (rule) mapping.fields[rule.field] = h.col;
    else mapping.unmapped.push(h);
  }
  if (birthMale !== undefined && birthFemale !== undefined) mapping.birthByGender = { male: birthMale, female: birthFemale };
  else if (birthMale !== undefined || birthFemale !== undefined) mapping.fields.birthDate ??= birthMale ?? birthFemale;
  return mapping;
}
