/**
 * Quality figures per category, per unit and in total (issue 5 §6; BM02/BNV column groups as
 * far as roster-formats.md §1 knows them): counts by professional level, political theory,
 * state management, general education, sex, ethnic minority, party membership and age band.
 * Only persons counted in staff are counted here (people who left and repeated rows are not).
 */
import type { PersonRecord } from "../reader/records";
import type { StaffCategory } from "../reader/titles";
import type { PartialDate } from "../text/dates";
import { PROFESSIONAL_LEVELS, professionalRank, type ProfessionalLevel } from "../text/vocab/professional";
import { POLITICAL_THEORY_LEVELS, type PoliticalTheoryLevel } from "../text/vocab/politicalTheory";
import { STATE_MANAGEMENT_LEVELS, type StateManagementLevel } from "../text/vocab/stateManagement";
import { GENERAL_EDUCATION_TIERS, type GeneralEducationTier } from "../text/vocab/generalEducation";
import { filledDay, fullMonthsBetween, isoDay } from "../calendar";
import { retirementOf, type RetirementTable } from "../rulesets/retirement";

export type QualityCategory = "cadreAndCivilServant" | "nonSpecializedCommune" | "nonSpecializedVillage";
export const QUALITY_CATEGORIES: readonly QualityCategory[] = ["cadreAndCivilServant", "nonSpecializedCommune", "nonSpecializedVillage"];

export type AgeBand = "upTo30" | "from31To40" | "from41To50" | "from51ToRetirement" | "overRetirement";
export const AGE_BANDS: readonly AgeBand[] = ["upTo30", "from31To40", "from41To50", "from51ToRetirement", "overRetirement"];

type Counts<K extends string> = Record<K | "unknown", number>;

export interface QualityBlock {
  count: number;
  /** Trung cấp or above. */
  professionalIntermediateOrAbove: number;
  /** Any political theory training (sơ cấp or above). */
  politicalTheoryTrained: number;
  /** Any state management training (cán sự or above). */
  stateManagementTrained: number;
  professional: Counts<ProfessionalLevel>;
  politicalTheory: Counts<PoliticalTheoryLevel>;
  stateManagement: Counts<StateManagementLevel>;
  generalEducation: Counts<GeneralEducationTier>;
  sex: { male: number; female: number; unknown: number };
  ethnicMinority: number;
  partyMember: number;
  ageBands: Counts<AgeBand>;
  /** The age bands of men and of women (the forms' "Nữ 51–55", "Nam 56–60" sub-bands, re-based on the retirement ages). */
  ageBandsBySex: { male: Counts<AgeBand>; female: Counts<AgeBand> };
}

export type QualityByCategory = Record<QualityCategory, QualityBlock>;

function zero<K extends string>(keys: readonly K[]): Counts<K> {
  const o = { unknown: 0 } as Counts<K>;
  for (const k of keys) o[k] = 0;
  return o;
}

/** An empty block. */
export function emptyQuality(): QualityBlock {
  return {
    count: 0,
    professionalIntermediateOrAbove: 0,
    politicalTheoryTrained: 0,
    stateManagementTrained: 0,
    professional: zero(PROFESSIONAL_LEVELS),
    politicalTheory: zero(POLITICAL_THEORY_LEVELS),
    stateManagement: zero(STATE_MANAGEMENT_LEVELS),
    generalEducation: zero(GENERAL_EDUCATION_TIERS),
    sex: { male: 0, female: 0, unknown: 0 },
    ethnicMinority: 0,
    partyMember: 0,
    ageBands: zero(AGE_BANDS),
    ageBandsBySex: { male: zero(AGE_BANDS), female: zero(AGE_BANDS) },
  };
}

/** Which quality category a staff category falls in. */
export function qualityCategoryOf(c: StaffCategory): QualityCategory {
  return c === "cadre" || c === "civilServant" ? "cadreAndCivilServant" : c;
}

/**
 * The age band of a person on the as-of date: up to 30, 31–40, 41–50 (full years), then up to the
 * person's retirement or past it. Retirement follows the rule set's table (rulesets/retirement.ts:
 * Labour Code 2019, Decree 135/2020, to the month), so the band above 50 ends at the retirement
 * age of the as-of year for the person's birth month and sex (a man born 04/1963 is past it in
 * 2025, at 61), the same as `retirement.pastAge`; without a sex the men's age is used, without a
 * table everyone above 50 is in `from51ToRetirement`.
 * @example ageBandOf({ year: 1968, month: 9, precision: "month" }, "female", { year: 2025, month: 6, day: 1, precision: "day" }, table) // "overRetirement"
 */
export function ageBandOf(birth: PartialDate | undefined, sex: "male" | "female" | undefined, asOf: PartialDate, table?: RetirementTable): AgeBand | undefined {
  if (!birth) return undefined;
  const today = filledDay(asOf);
  const months = fullMonthsBetween(filledDay(birth), today);
  if (months < 0) return undefined;
  const years = Math.floor(months / 12);
  if (years <= 30) return "upTo30";
  if (years <= 40) return "from31To40";
  if (years <= 50) return "from41To50";
  if (!table) return "from51ToRetirement";
  return isoDay(today) > retirementOf(birth, sex ?? "male", table).date ? "overRetirement" : "from51ToRetirement";
}

/** Add one person to a block. */
export function addToQuality(q: QualityBlock, rec: PersonRecord, asOf: PartialDate, table?: RetirementTable): void {
  q.count++;
  q.professional[rec.professionalLevel ?? "unknown"]++;
  if (rec.professionalLevel && professionalRank(rec.professionalLevel) >= professionalRank("intermediate")) q.professionalIntermediateOrAbove++;
  q.politicalTheory[rec.politicalTheory ?? "unknown"]++;
  if (rec.politicalTheory && rec.politicalTheory !== "none") q.politicalTheoryTrained++;
  q.stateManagement[rec.stateManagement ?? "unknown"]++;
  if (rec.stateManagement && rec.stateManagement !== "none") q.stateManagementTrained++;
  q.generalEducation[rec.generalEducation ?? "unknown"]++;
  q.sex[rec.gender ?? "unknown"]++;
  if (rec.minority) q.ethnicMinority++;
  if (rec.partyMember) q.partyMember++;
  const band = ageBandOf(rec.birthDate, rec.gender, asOf, table) ?? "unknown";
  q.ageBands[band]++;
  if (rec.gender) q.ageBandsBySex[rec.gender][band]++;
}

/** Sum blocks (for totals). */
export function sumQuality(blocks: QualityBlock[]): QualityBlock {
  const out = emptyQuality();
  const add = (a: Record<string, number>, b: Record<string, number>) => {
    for (const k of Object.keys(b)) a[k] = (a[k] ?? 0) + b[k];
  };
  for (const b of blocks) {
    out.count += b.count;
    out.professionalIntermediateOrAbove += b.professionalIntermediateOrAbove;
    out.politicalTheoryTrained += b.politicalTheoryTrained;
    out.stateManagementTrained += b.stateManagementTrained;
    add(out.professional, b.professional);
    add(out.politicalTheory, b.politicalTheory);
    add(out.stateManagement, b.stateManagement);
    add(out.generalEducation, b.generalEducation);
    add(out.sex, b.sex);
    out.ethnicMinority += b.ethnicMinority;
    out.partyMember += b.partyMember;
    add(out.ageBands, b.ageBands);
    add(out.ageBandsBySex.male, b.ageBandsBySex.male);
    add(out.ageBandsBySex.female, b.ageBandsBySex.female);
  }
  return out;
}

export function emptyQualityByCategory(): QualityByCategory {
  return { cadreAndCivilServant: emptyQuality(), nonSpecializedCommune: emptyQuality(), nonSpecializedVillage: emptyQuality() };
}
