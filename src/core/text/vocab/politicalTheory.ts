/**
 * Political theory level ("trình độ lý luận chính trị", LLCT).
 *
 * Values from roster-formats.md §3 "Political theory" [C]: Cử nhân, Cao cấp,
 * Trung cấp, Sơ cấp, Chưa qua đào tạo; "Cao cấp, cử nhân" is often one
 * bucket (Party form Biểu 9C-BTCTW, §1). Cử nhân and Cao cấp share the top
 * rank; a "Cao cấp, cử nhân" cell is read as `advanced`.
 *
 * Pure TypeScript: ES2022 only.
 */

import { compileVocab, matchLeading, type VocabEntry, type VocabResult } from "./match";

/**
 * Political theory levels, lowest first. `advanced` and `bachelor` have the same rank.
 *
 * @example
 * ```ts
 * POLITICAL_THEORY_LEVELS.includes("bachelor"); // true
 * ```
 */
export const POLITICAL_THEORY_LEVELS = ["none", "elementary", "intermediate", "advanced", "bachelor"] as const;

/**
 * A political theory level: none < elementary (sơ cấp) < intermediate (trung cấp) < advanced (cao cấp) = bachelor (cử nhân).
 *
 * @example
 * ```ts
 * const level: PoliticalTheoryLevel = "intermediate"; // Trung cấp
 * ```
 */
export type PoliticalTheoryLevel = (typeof POLITICAL_THEORY_LEVELS)[number];

/**
 * Result of {@link parsePoliticalTheory}. `field` holds unexpected trailing text, if any.
 *
 * @example
 * ```ts
 * const r: PoliticalTheoryResult = parsePoliticalTheory("TC"); // r.value === "intermediate"
 * ```
 */
export type PoliticalTheoryResult = VocabResult<PoliticalTheoryLevel>;

/**
 * Canonical Vietnamese label of each level.
 *
 * @example
 * ```ts
 * POLITICAL_THEORY_LABELS.bachelor; // "Cử nhân"
 * ```
 */
export const POLITICAL_THEORY_LABELS: Readonly<Record<PoliticalTheoryLevel, string>> = {
  none: "Chưa qua đào tạo",
  elementary: "Sơ cấp",
  intermediate: "Trung cấp",
  advanced: "Cao cấp",
  bachelor: "Cử nhân",
};

const ENTRIES: readonly VocabEntry<PoliticalTheoryLevel>[] = [
  {
    value: "advanced",
    label: "Cao cấp",
    aliases: [
      "CC",
      "Cao cấp, cử nhân",
      "Cử nhân, cao cấp",
      "CC, CN",
      "CN, CC",
      "Cao cấp - cử nhân",
    ],
  },
  { value: "bachelor", label: "Cử nhân", aliases: ["CN", "Cử nhân chính trị", "CNCT"] },
  { value: "intermediate", label: "Trung cấp", aliases: ["TC", "TCCT"] },
  { value: "elementary", label: "Sơ cấp", aliases: ["SC"] },
  {
    value: "none",
    label: "Chưa qua đào tạo",
    aliases: ["Chưa qua ĐT", "Chưa đào tạo", "Chưa ĐT", "Chưa", "Chưa học", "Không"],
  },
];

const VOCAB = compileVocab(ENTRIES, ["THPT", "12/12"]);

/** Suffixes that only repeat the column's subject: "Trung cấp LLCT", "Cao cấp lý luận chính trị - hành chính". */
const NOISE = ["LLCT", "lý luận chính trị", "lý luận", "chính trị", "hành chính", "HC", "LL", "CT"];

const LEAD_INS = ["LLCT", "Lý luận chính trị", "Trình độ"];

/**
 * Rank of a political theory level: none 0, elementary 1, intermediate 2,
 * advanced and bachelor 3; -1 for anything else.
 *
 * @param level - the level
 * @returns its rank
 *
 * @example
 * ```ts
 * politicalTheoryRank("bachelor") === politicalTheoryRank("advanced") // true
 * politicalTheoryRank("intermediate") // 2
 * ```
 */
export function politicalTheoryRank(level: PoliticalTheoryLevel | undefined): number {
  switch (level) {
    case "none":
      return 0;
    case "elementary":
      return 1;
    case "intermediate":
      return 2;
    case "advanced":
    case "bachelor":
      return 3;
    default:
      return -1;
  }
}

/**
 * Parses a political-theory cell: full names, abbreviations (CN, CC, TC, SC),
 * "Cao cấp, cử nhân", suffixes such as "LLCT" or "chính trị - hành chính",
 * any case, NFC or NFD, either tone placement.
 *
 * @param raw - the cell text
 * @returns level and raw text; unrecognized values get a suggestion
 *
 * @example
 * ```ts
 * parsePoliticalTheory("Trung cấp LLCT").value   // "intermediate"
 * parsePoliticalTheory("Cao cấp, cử nhân").value // "advanced"
 * parsePoliticalTheory("CN").value               // "bachelor"
 * ```
 */
export function parsePoliticalTheory(raw: string): PoliticalTheoryResult {
  return matchLeading(VOCAB, raw, { noise: NOISE, leadIns: LEAD_INS });
}
