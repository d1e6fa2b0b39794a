/**
 * Which regime is in force on a date. Data, not logic: the dates come from
 * ../shared/reference/domain-rules.md §0 (regimes R2–R5) and change only here.
 * The full rule values per regime arrive as rule-set files with the rule-set work (issue 4).
 */

export interface RegimeInfo {
  /** Public rule-set id (part of the report contract). */
  id: string;
  /** In force from this date (inclusive), YYYY-MM-DD. */
  from: string;
  /** In force until this date (inclusive), YYYY-MM-DD; absent while in force. */
  to?: string;
  /** Vietnamese name and legal basis. */
  nameVi: string;
  nameEn: string;
  /** Where a date is not confirmed by the reference, say so. */
  note?: string;
}

/** Regimes in date order. */
export const REGIMES: readonly RegimeInfo[] = [
  {
    id: "nd92-2009",
    from: "2009-10-22",
    to: "2019-06-24",
    nameVi: "Nghị định 92/2009/NĐ-CP (với NĐ 112/2011, TT 06/2012/TT-BNV)",
    nameEn: "Decree 92/2009 (with Decree 112/2011, Circular 06/2012)",
    note: "Ngày bắt đầu là ngày ký nghị định; ngày có hiệu lực chưa được xác nhận (unconfirmed).",
  },
  { id: "nd34-2019", from: "2019-06-25", to: "2023-07-31", nameVi: "Nghị định 34/2019/NĐ-CP (TT 13/2019/TT-BNV)", nameEn: "Decree 34/2019 (Circular 13/2019)" },
  { id: "nd33-2023", from: "2023-08-01", to: "2025-06-30", nameVi: "Nghị định 33/2023/NĐ-CP", nameEn: "Decree 33/2023" },
  {
    id: "law80-2025",
    from: "2025-07-01",
    nameVi: "Chính quyền địa phương hai cấp (Luật CBCC 80/2025/QH15, NĐ 170/2025)",
    nameEn: "Two-level local government (Law 80/2025, Decree 170/2025)",
  },
];

/**
 * The regime in force on `asOf` (YYYY-MM-DD). Dates before the first regime get the first one.
 * @example regimeForDate("2024-05-01").id // "nd33-2023"
 */
export function regimeForDate(asOf: string): RegimeInfo {
  for (let i = REGIMES.length - 1; i >= 0; i--) if (asOf >= REGIMES[i].from) return REGIMES[i];
  return REGIMES[0];
}

/** The regime with this id, or undefined. */
export function regimeById(id: string): RegimeInfo | undefined {
  return REGIMES.find((r) => r.id === id);
}
