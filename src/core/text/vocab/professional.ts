/**
 * Professional level ("trình độ chuyên môn"), with the major split off.
 *
 * Order from roster-formats.md §3 "Professional" [C]: Tiến sĩ > Thạc sĩ
 * (also CK I/CK II in medicine) > Đại học (Cử nhân, Kỹ sư) > Cao đẳng >
 * Trung cấp ("Trung học" in older forms) > Sơ cấp > Chưa qua đào tạo.
 * Cells mix level and major ("Đại học Luật", "ĐH Luật", "TC Kế toán"): the
 * leading level token is parsed and the rest is kept as `field` ("ngành").
 *
 * Pure TypeScript: ES2022 only.
 */

import { normalizeSpaces } from "../keys";
import { compileVocab, joinedKey, matchLeading, toText, type VocabEntry, type VocabResult } from "./match";

/**
 * Professional levels, lowest first; the index is the rank.
 *
 * @example
 * ```ts
 * PROFESSIONAL_LEVELS[PROFESSIONAL_LEVELS.length - 1]; // "doctor"
 * ```
 */
export const PROFESSIONAL_LEVELS = [
  "none",
  "elementary",
  "intermediate",
  "college",
  "university",
  "master",
  "doctor",
] as const;

/**
 * A professional level: none < elementary (sơ cấp) < intermediate (trung cấp) < college (cao đẳng) < university (đại học) < master (thạc sĩ) < doctor (tiến sĩ).
 *
 * @example
 * ```ts
 * const level: ProfessionalLevel = "university"; // Đại học
 * ```
 */
export type ProfessionalLevel = (typeof PROFESSIONAL_LEVELS)[number];

/**
 * Medical specialist degree: "Chuyên khoa cấp I" / "Chuyên khoa cấp II".
 *
 * @example
 * ```ts
 * parseProfessional("CK I").medicalSpecialist; // "CKI"
 * ```
 */
export type MedicalSpecialist = "CKI" | "CKII";

/**
 * Result of {@link parseProfessional}.
 *
 * @example
 * ```ts
 * const r: ProfessionalResult = parseProfessional("ĐH Luật"); // r.field === "Luật"
 * ```
 */
export interface ProfessionalResult extends VocabResult<ProfessionalLevel> {
  /** Set when the level came from a medical specialist degree (CK I → master, CK II → doctor). */
  medicalSpecialist?: MedicalSpecialist;
  /** When the cell lists several degrees ("ĐH Luật, ThS QLKT"): every recognized level, in cell order. */
  alternatives?: ProfessionalLevel[];
}

const ENTRIES: readonly VocabEntry<ProfessionalLevel>[] = [
  {
    value: "doctor",
    label: "Tiến sĩ",
    // CK II counts as doctor-equivalent: the national training template puts
    // it in the same column, "Tiến sĩ (CK II)" (roster-formats.md §1, Mẫu số 1).
    aliases: [
      "Tiến sỹ",
      "TS",
      "TSKH",
      "Tiến sĩ khoa học",
      "Tiến sỹ khoa học",
      "Tiến sĩ (CK II)",
      "CK II",
      "CK2",
      "Chuyên khoa II",
      "Chuyên khoa cấp II",
      "Chuyên khoa 2",
      "BSCK II",
      "BSCK2",
      "Bác sĩ chuyên khoa II",
      "Bác sỹ chuyên khoa II",
    ],
  },
  {
    value: "master",
    label: "Thạc sĩ",
    // CK I counts as master-equivalent: "Thạc sĩ (CK I)" (same template).
    // "Trên đại học" (postgraduate) is read as at least a master's degree.
    aliases: [
      "Thạc sỹ",
      "ThS",
      "Cao học",
      "Thạc sĩ (CK I)",
      "CK I",
      "CK1",
      "Chuyên khoa I",
      "Chuyên khoa cấp I",
      "Chuyên khoa 1",
      "BSCK I",
      "BSCK1",
      "Bác sĩ chuyên khoa I",
      "Bác sỹ chuyên khoa I",
      "Trên đại học",
      "Trên ĐH",
    ],
  },
  {
    value: "university",
    label: "Đại học",
    aliases: [
      "ĐH",
      "Cử nhân",
      "CN",
      "Kỹ sư",
      "Kĩ sư",
      "KS",
      "Bác sĩ",
      "Bác sỹ",
      "BS",
      "Kiến trúc sư",
      "KTS",
      "Dược sĩ đại học",
    ],
  },
  { value: "college", label: "Cao đẳng", aliases: ["CĐ", "Cao đẳng nghề"] },
  {
    value: "intermediate",
    label: "Trung cấp",
    aliases: [
      "TC",
      "Trung học",
      "Trung học chuyên nghiệp",
      "THCN",
      "Trung cấp chuyên nghiệp",
      "TCCN",
      "Trung cấp nghề",
      // Y sĩ is the intermediate-level medical qualification [P].
      "Y sĩ",
      "Y sỹ",
    ],
  },
  { value: "elementary", label: "Sơ cấp", aliases: ["SC", "Sơ cấp nghề"] },
  {
    value: "none",
    label: "Chưa qua đào tạo",
    aliases: [
      "Chưa qua ĐT",
      "Chưa đào tạo",
      "Chưa ĐT",
      "Chưa qua đào tạo chuyên môn",
      "Chưa",
      "Không",
      "Không có",
      // "Còn lại" (others) is the last professional column of TT 09/2004 Mẫu 03 (roster-formats.md §1, layout B).
      "Còn lại",
    ],
  },
];

/** General-education values that sometimes land in the professional column: not a professional level. */
const FOREIGN = [
  "Trung học phổ thông",
  "Trung học cơ sở",
  "THPT",
  "THCS",
  "PTTH",
  "PTCS",
  "Tiểu học",
  "12/12",
  "10/10",
  "9/12",
  "7/10",
];

const VOCAB = compileVocab(ENTRIES, FOREIGN);

const OPTIONS = { fieldLeadIns: ["ngành", "chuyên ngành"] };

/**
 * Canonical Vietnamese label of each level.
 *
 * @example
 * ```ts
 * PROFESSIONAL_LABELS.college; // "Cao đẳng"
 * ```
 */
export const PROFESSIONAL_LABELS: Readonly<Record<ProfessionalLevel, string>> = {
  none: "Chưa qua đào tạo",
  elementary: "Sơ cấp",
  intermediate: "Trung cấp",
  college: "Cao đẳng",
  university: "Đại học",
  master: "Thạc sĩ",
  doctor: "Tiến sĩ",
};

/**
 * Rank of a professional level: none 0 … doctor 6; -1 for anything else.
 *
 * @param level - the level
 * @returns its rank
 *
 * @example
 * ```ts
 * professionalRank("university") > professionalRank("college") // true
 * ```
 */
export function professionalRank(level: ProfessionalLevel | undefined): number {
  return level === undefined ? -1 : (PROFESSIONAL_LEVELS as readonly string[]).indexOf(level);
}

function specialistOf(text: string): MedicalSpecialist | undefined {
  const key = joinedKey(text);
  if (/(?:ck|chuyênkhoa(?:cấp)?)(?:ii|2)/.test(key)) return "CKII";
  if (/(?:ck|chuyênkhoa(?:cấp)?)(?:i|1)/.test(key)) return "CKI";
  return undefined;
}

function parseOne(raw: string): ProfessionalResult {
  const result: ProfessionalResult = matchLeading(VOCAB, raw, OPTIONS);
  if (result.value === "master" || result.value === "doctor") {
    // Only the level part decides; the major may contain any letters.
    const display = normalizeSpaces(raw);
    const cut = result.field === undefined ? -1 : display.lastIndexOf(result.field);
    const levelPart = cut < 0 ? display : display.slice(0, cut);
    const specialist = specialistOf(levelPart);
    if (specialist !== undefined) result.medicalSpecialist = specialist;
  }
  return result;
}

/**
 * Parses a professional-level cell, splitting off the major.
 *
 * Accepts full names, abbreviations (ĐH, Đ.H, CĐ, TC, SC, ThS, TS, CN, KS,
 * CK I, CK II), old names ("Trung học", "THCN"), any case, NFC or NFD, either
 * tone placement, and text typed without accents. A cell listing several
 * degrees ("ĐH Luật, ThS QLKT") yields the highest, with `alternatives`.
 * General-education values ("THPT", "12/12") are not recognized and get no
 * suggestion.
 *
 * @param raw - the cell text
 * @returns level, major and raw text
 *
 * @example
 * ```ts
 * parseProfessional("ĐH Luật")            // { value: "university", field: "Luật", recognized: true, … }
 * parseProfessional("Thạc sỹ Quản lý công") // { value: "master", field: "Quản lý công", … }
 * parseProfessional("CK II")              // { value: "doctor", medicalSpecialist: "CKII", … }
 * parseProfessional("Đại hoc")            // { recognized: false, suggestion: "university", … }
 * ```
 */
export function parseProfessional(raw: string): ProfessionalResult {
  const text = toText(raw);
  const whole = parseOne(text);
  const segments = text.split(/[;,+\n\r]+/).filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (segments.length < 2) return whole;
  const parts = segments.map(parseOne).filter((r) => r.recognized);
  if (parts.length < 2) return whole;
  let best = parts[0] as ProfessionalResult;
  for (const part of parts) {
    if (professionalRank(part.value) > professionalRank(best.value)) best = part;
  }
  return {
    ...best,
    raw: text,
    alternatives: parts.map((p) => p.value as ProfessionalLevel),
  };
}
