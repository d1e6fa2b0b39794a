/**
 * Which regime is in force on a date. Data, not logic: the dates are the presets' own
 * (`presets/*.json`, from ../shared/reference/domain-rules.md, regimes R2–R5), so they change
 * in one place only. The presets are checked against the schema by `loadPreset` and the tests.
 */
import { PRESET_FILES } from "./presets";

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

interface PresetHeader {
  id: string;
  from: string;
  to?: string;
  name: { vi: string; en: string };
  note?: string;
}

/** Regimes in date order. */
export const REGIMES: readonly RegimeInfo[] = PRESET_FILES.map(({ json }) => {
  const h = json as PresetHeader;
  const r: RegimeInfo = { id: h.id, from: h.from, nameVi: h.name.vi, nameEn: h.name.en };
  if (h.to !== undefined) r.to = h.to;
  if (h.note !== undefined) r.note = h.note;
  return r;
});

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
