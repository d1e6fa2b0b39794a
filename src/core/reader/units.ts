/**
 * Commune-level unit names: "Xã Quảng Lợi", "UBND XÃ QUẢNG LÂM", "xã Tân Bình",
 * "Thị trấn Đầm Hà", "Phường 3", "Đặc khu Phú Quốc", "Xa Quang Lam" (ASCII-folded sheet names).
 * The kind goes to `kind`, the rest is the name (report contract, issue 2 §3).
 */
import type { UnitKind } from "../report/types";
import { asciiKey, comparisonKey } from "../text/keys";

export interface UnitLabel {
  kind?: UnitKind;
  name: string;
}

const KIND_PATTERNS: { kind: UnitKind; re: RegExp }[] = [
  { kind: "thị trấn", re: /^(?:thị trấn|thi tran|tt\.?)\s+(.+)$/ },
  { kind: "phường", re: /^(?:phường|phuong|p\.)\s*(.+)$/ },
  { kind: "đặc khu", re: /^(?:đặc khu|dac khu)\s+(.+)$/ },
  { kind: "xã", re: /^(?:xã|xa|x\.)\s*(.+)$/ },
];

/**
 * Upper-case text to title case, word by word ("QUẢNG LÂM" → "Quảng Lâm"); mixed case is kept.
 * Mostly-upper text counts as upper: TCVN3 typed in caps with a non-"H" font decodes to
 * "QUảNG LÂM", because ABC has no toned capitals.
 */
export function titleCaseIfUpper(s: string): string {
  let upper = 0;
  let lower = 0;
  for (const ch of s) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  if (upper === 0 || upper < 2 * lower) return s;
  return s
    .toLowerCase()
    .split(" ")
    .map((w) => (w.length === 0 ? w : w[0].toUpperCase() + w.slice(1)))
    .join(" ");
}

/**
 * Find a unit in a label: a section row, a title row or a sheet name.
 * Requires the kind word unless `allowBare` (a unit column whose cells may be bare names).
 * @example parseUnitLabel("UBND XÃ QUẢNG LÂM") // { kind: "xã", name: "Quảng Lâm" }
 */
export function parseUnitLabel(text: string, allowBare = false): UnitLabel | undefined {
  // "X. Tân Bình" is a commune; "I. Xã Quảng Lợi" and "A. Phường 3" carry a section marker first.
  const marker = /^\s*(?:[IVXLC]+|[A-Za-z]|\d+)\s*[.)/-]\s*/u;
  return parseWithoutMarker(text, false) ?? (marker.test(text) ? parseWithoutMarker(text.replace(marker, ""), allowBare) : parseWithoutMarker(text, allowBare));
}

function parseWithoutMarker(text: string, allowBare: boolean): UnitLabel | undefined {
  let s = text.trim();
  s = s.replace(/^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|đảng ủy|đảng uỷ|hđnd)\s+/iu, "").trim();
  s = s.replace(/[:;,.]+$/u, "").trim();
  if (s === "") return undefined;
  const key = comparisonKey(s);
  const folded = asciiKey(s);
  for (const { kind, re } of KIND_PATTERNS) {
    const m = re.exec(key) ?? re.exec(folded);
    if (m) {
      // Take the name from the original text, at the same number of trailing characters.
      const tail = m[1].trim();
      const words = s.split(" ");
      const nameWords = words.slice(words.length - tail.split(" ").length);
      let name = nameWords.join(" ").replace(/^(?:p|x|tt)\.\s*/iu, "").replace(/^[.:\s]+/u, "");
      // "…CẤP XÃ HUYỆN ĐẦM HÀ NĂM 2017" is a title, not a commune: a name never starts with a higher
      // level, and a trailing "năm 2017" is the period, not the name.
      if (/^(?:huyện|tỉnh|thành phố|quận|thị xã|cấp|năm|và|,)(?:\s|$)/iu.test(name)) return undefined;
      name = name.replace(/\s+năm\s+\d{4}.*$/iu, "").trim();
      if (/\b(?:huyện|tỉnh|thành phố|quận|thị xã)\b/iu.test(name)) name = name.split(/,|\s-\s|\s+(?=huyện|tỉnh|thành phố|quận|thị xã)/iu)[0].trim();
      if (name === "" || name.length > 40) return undefined;
      return { kind, name: titleCaseIfUpper(name) };
    }
  }
  if (allowBare && s.length <= 40) return { name: titleCaseIfUpper(s) };
  return undefined;
}

/** The report id of a unit without a code: "kind name" ("xã Quảng Lợi"), or the name alone. */
export function unitIdOf(label: UnitLabel, code?: string): string {
  if (code) return code;
  return label.kind ? `${label.kind} ${label.name}` : label.name;
}

/**
 * Key to match units across sheets whatever their case, encoding and tone placement; names that
 * differ only in diacritics ("Đông Hà", "Đồng Hà") are different units.
 */
export function unitMatchKey(label: UnitLabel): string {
  return `${label.kind ?? ""}|${comparisonKey(label.name)}`;
}
