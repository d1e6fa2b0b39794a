/**
 * Religion ("tôn giáo").
 *
 * Values from roster-formats.md §3 "Religion": Không, Phật giáo, Công giáo,
 * Tin lành, Cao Đài, Hòa Hảo, Hồi giáo… [C]; "Expect blanks and 'Không' to
 * mean none" [P]. Other religions recognized by the state are read as
 * `other` with the raw text kept.
 *
 * Pure TypeScript: ES2022 only.
 */

import { compileVocab, matchWhole, toText, type VocabEntry, type VocabResult } from "./match";

/**
 * Religion values.
 *
 * @example
 * ```ts
 * RELIGIONS.includes("hoaHao"); // true
 * ```
 */
export const RELIGIONS = [
  "none",
  "buddhism",
  "catholicism",
  "protestantism",
  "caodaism",
  "hoaHao",
  "islam",
  "other",
] as const;

/**
 * A religion: none, Phật giáo, Công giáo, Tin lành, Cao Đài, Hòa Hảo, Hồi giáo, or another named religion.
 *
 * @example
 * ```ts
 * const r: Religion = "catholicism"; // Công giáo / Thiên chúa giáo
 * ```
 */
export type Religion = (typeof RELIGIONS)[number];

/**
 * Result of {@link parseReligion}.
 *
 * @example
 * ```ts
 * const r: Religion = "catholicism"; // Công giáo / Thiên chúa giáo
 * ```
 */
export type ReligionResult = VocabResult<Religion>;

/**
 * Canonical Vietnamese label of each value.
 *
 * @example
 * ```ts
 * RELIGION_LABELS.caodaism; // "Cao Đài"
 * ```
 */
export const RELIGION_LABELS: Readonly<Record<Religion, string>> = {
  none: "Không",
  buddhism: "Phật giáo",
  catholicism: "Công giáo",
  protestantism: "Tin lành",
  caodaism: "Cao Đài",
  hoaHao: "Phật giáo Hòa Hảo",
  islam: "Hồi giáo",
  other: "Tôn giáo khác",
};

const ENTRIES: readonly VocabEntry<Religion>[] = [
  { value: "none", label: "Không", aliases: ["Không tôn giáo", "Không có", "Không theo tôn giáo nào", "Không theo đạo", "Chưa"] },
  { value: "hoaHao", label: "Phật giáo Hòa Hảo", aliases: ["Hòa Hảo", "Đạo Hòa Hảo", "PGHH"] },
  { value: "buddhism", label: "Phật giáo", aliases: ["Phật", "Đạo Phật", "PG"] },
  {
    value: "catholicism",
    label: "Công giáo",
    aliases: ["Thiên chúa giáo", "Thiên chúa", "Đạo Thiên chúa", "Thiên Chúa giáo La Mã", "Công giáo La Mã", "Đạo Công giáo"],
  },
  { value: "protestantism", label: "Tin lành", aliases: ["Đạo Tin lành", "Tin lành giáo"] },
  { value: "caodaism", label: "Cao Đài", aliases: ["Đạo Cao Đài", "Cao Đài giáo"] },
  { value: "islam", label: "Hồi giáo", aliases: ["Đạo Hồi", "Hồi", "Islam"] },
  {
    value: "other",
    label: "Tôn giáo khác",
    // Other religions in state registers (cf. the roster vocabularies in
    // public HR apps cited by roster-formats.md §3).
    aliases: [
      "Khác",
      "Tứ Ân Hiếu Nghĩa",
      "Phật giáo Tứ Ân Hiếu Nghĩa",
      "Bửu Sơn Kỳ Hương",
      "Tịnh độ cư sĩ Phật hội Việt Nam",
      "Tịnh độ cư sĩ",
      "Baha'i",
      "Minh Sư đạo",
      "Minh Lý đạo",
      "Bà La Môn",
      "Mặc môn",
      "Phật đường Nam tông Minh Sư đạo",
      "Cơ đốc Phục lâm",
    ],
  },
];

const VOCAB = compileVocab(ENTRIES);

/**
 * Parses a religion cell. A blank cell means "none" (roster-formats.md §3):
 * it is returned with `empty: true`, `recognized: true` and `value: "none"`,
 * unlike the other vocabularies where blank is unrecognized.
 *
 * @param raw - the cell text
 * @returns religion and raw text; unrecognized values get a suggestion
 *
 * @example
 * ```ts
 * parseReligion("Thiên chúa giáo").value // "catholicism"
 * parseReligion("").value                // "none"
 * parseReligion("Hòa Hảo").value         // "hoaHao"
 * ```
 */
export function parseReligion(raw: string): ReligionResult {
  const result = matchWhole(VOCAB, toText(raw), { leadIns: ["Đạo", "Tôn giáo"] });
  if (result.empty) {
    result.recognized = true;
    result.value = "none";
    result.label = RELIGION_LABELS.none;
  }
  return result;
}
