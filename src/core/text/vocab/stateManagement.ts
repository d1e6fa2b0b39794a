/**
 * State management training level ("trình độ quản lý nhà nước", QLNN).
 *
 * Values from roster-formats.md §3 "State management" [C]: Chuyên viên cao
 * cấp, Chuyên viên chính, Chuyên viên, Cán sự ("… và tương đương"), Chưa qua
 * bồi dưỡng/đào tạo; abbreviations CVCC, CVC, CV, CS from the BM02/BNV
 * template (§1, layout C).
 *
 * Pure TypeScript: ES2022 only.
 */

import { compileVocab, matchLeading, type VocabEntry, type VocabResult } from "./match";

/**
 * State management levels, lowest first; the index is the rank.
 *
 * @example
 * ```ts
 * STATE_MANAGEMENT_LEVELS.indexOf("specialist"); // 2
 * ```
 */
export const STATE_MANAGEMENT_LEVELS = [
  "none",
  "staff",
  "specialist",
  "principalSpecialist",
  "seniorSpecialist",
] as const;

/**
 * A state management level: none < staff (cán sự) < specialist (chuyên viên,
 * CV) < principalSpecialist (chuyên viên chính, CVC) < seniorSpecialist
 * (chuyên viên cao cấp, CVCC).
 *
 * @example
 * ```ts
 * const level: StateManagementLevel = "principalSpecialist"; // CVC
 * ```
 */
export type StateManagementLevel = (typeof STATE_MANAGEMENT_LEVELS)[number];

/**
 * Result of {@link parseStateManagement}. `field` holds unexpected trailing text, if any.
 *
 * @example
 * ```ts
 * const r: StateManagementResult = parseStateManagement("CV"); // r.value === "specialist"
 * ```
 */
export type StateManagementResult = VocabResult<StateManagementLevel>;

/**
 * Canonical Vietnamese label of each level.
 *
 * @example
 * ```ts
 * STATE_MANAGEMENT_LABELS.principalSpecialist; // "Chuyên viên chính"
 * ```
 */
export const STATE_MANAGEMENT_LABELS: Readonly<Record<StateManagementLevel, string>> = {
  none: "Chưa qua bồi dưỡng",
  staff: "Cán sự",
  specialist: "Chuyên viên",
  principalSpecialist: "Chuyên viên chính",
  seniorSpecialist: "Chuyên viên cao cấp",
};

const ENTRIES: readonly VocabEntry<StateManagementLevel>[] = [
  { value: "seniorSpecialist", label: "Chuyên viên cao cấp", aliases: ["CVCC", "CV cao cấp"] },
  { value: "principalSpecialist", label: "Chuyên viên chính", aliases: ["CVC", "CV chính"] },
  { value: "specialist", label: "Chuyên viên", aliases: ["CV"] },
  { value: "staff", label: "Cán sự", aliases: ["CS"] },
  {
    value: "none",
    label: "Chưa qua bồi dưỡng",
    aliases: [
      "Chưa qua đào tạo",
      "Chưa bồi dưỡng",
      "Chưa đào tạo",
      "Chưa qua BD",
      "Chưa qua ĐT",
      "Chưa",
      "Không",
    ],
  },
];

const VOCAB = compileVocab(ENTRIES);

/** Suffixes that add nothing: "CVC và tương đương", "CV và TĐ", "Chuyên viên QLNN". */
const NOISE = ["và tương đương", "tương đương", "và TĐ", "TĐ", "QLNN", "quản lý nhà nước", "trở lên"];

/** Words before the level: "Ngạch chuyên viên", "QLNN: CV", "Chương trình chuyên viên". */
const LEAD_INS = ["Ngạch", "QLNN", "Quản lý nhà nước", "Chương trình", "Bồi dưỡng", "BD", "Trình độ"];

/**
 * Rank of a state management level: none 0 … seniorSpecialist 4; -1 for anything else.
 *
 * @param level - the level
 * @returns its rank
 *
 * @example
 * ```ts
 * stateManagementRank("principalSpecialist") // 3
 * ```
 */
export function stateManagementRank(level: StateManagementLevel | undefined): number {
  return level === undefined ? -1 : (STATE_MANAGEMENT_LEVELS as readonly string[]).indexOf(level);
}

/**
 * Parses a state-management cell: full names, CVCC/CVC/CV/CS, "… và tương
 * đương", "… và TĐ", lead-ins such as "Ngạch", any case, NFC or NFD.
 *
 * @param raw - the cell text
 * @returns level and raw text; unrecognized values get a suggestion
 *
 * @example
 * ```ts
 * parseStateManagement("CVC và TĐ").value                     // "principalSpecialist"
 * parseStateManagement("Chuyên viên cao cấp và tương đương").value // "seniorSpecialist"
 * parseStateManagement("Chưa qua bồi dưỡng").value            // "none"
 * ```
 */
export function parseStateManagement(raw: string): StateManagementResult {
  return matchLeading(VOCAB, raw, { noise: NOISE, leadIns: LEAD_INS });
}
