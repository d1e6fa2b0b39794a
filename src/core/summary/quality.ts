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
import { isoDay, monthsBetween } from "../calendar";
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
  const ty = asOf.year;
  const tm = asOf.month ?? 1;
  const td = asOf.day ?? 1;
  const months = monthsBetween(birth.year, birth.month ?? 1, birth.day ?? 1, ty, tm, td);
  if (months < 0) return undefined;
  const years = Math.floor(months / 12);
  if (years <= 30) return "upTo30";
  if (years <= 40) return "from31To40";
  if (years <= 50) return "from41To50";
  if (!table) return "from51ToRetirement";
  return isoOf(ty, tm, td) > retirementOf(birth, sex ?? "male", table).date ? "overRetirement" : "from51ToRetirement";
}

/** The last day written as text (the as-of date of a summary is the same for every person). */
let lastIso = { year: NaN, month: NaN, day: NaN, text: "" };
function isoOf(year: number, month: number, day: number): string {
  if (lastIso.year !== year || lastIso.month !== month || lastIso.day !== day) lastIso = { year, month, day, text: isoDay({ year, month, day }) };
  return lastIso.text;
}

const INTERMEDIATE = professionalRank("intermediate");

/** Add one person to a block. */
export function addToQuality(q: QualityBlock, rec: PersonRecord, asOf: PartialDate, table?: RetirementTable): void {
  q.count++;
  q.professional[rec.professionalLevel ?? "unknown"]++;
  if (rec.professionalLevel && professionalRank(rec.professionalLevel) >= INTERMEDIATE) q.professionalIntermediateOrAbove++;
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

/** Where a group's counts sit in a block of {@link QualityTally}: "unknown" first, then the keys, as {@link zero} orders them. */
interface Group {
  offset: number;
  keys: readonly string[];
  index: Map<string, number>;
  /** The group's counts at zero, as {@link zero} makes them. */
  empty: Record<string, number>;
}

function group(offset: number, keys: readonly string[]): Group {
  return { offset, keys, index: new Map(keys.map((k, i) => [k, i + 1])), empty: zero(keys) };
}

const C_COUNT = 0;
const C_INTERMEDIATE = 1;
const C_POLITICAL = 2;
const C_STATE = 3;
const C_MALE = 4;
const C_FEMALE = 5;
const C_SEX_UNKNOWN = 6;
const C_MINORITY = 7;
const C_PARTY = 8;
const G_PROFESSIONAL = group(9, PROFESSIONAL_LEVELS);
const G_POLITICAL = group(G_PROFESSIONAL.offset + PROFESSIONAL_LEVELS.length + 1, POLITICAL_THEORY_LEVELS);
const G_STATE = group(G_POLITICAL.offset + POLITICAL_THEORY_LEVELS.length + 1, STATE_MANAGEMENT_LEVELS);
const G_GENERAL = group(G_STATE.offset + STATE_MANAGEMENT_LEVELS.length + 1, GENERAL_EDUCATION_TIERS);
const G_AGE = group(G_GENERAL.offset + GENERAL_EDUCATION_TIERS.length + 1, AGE_BANDS);
const G_AGE_MALE = group(G_AGE.offset + AGE_BANDS.length + 1, AGE_BANDS);
const G_AGE_FEMALE = group(G_AGE_MALE.offset + AGE_BANDS.length + 1, AGE_BANDS);
const BLOCK = G_AGE_FEMALE.offset + AGE_BANDS.length + 1;

/** The slot of a value in a group: "unknown" for undefined, -1 for a value the group does not know. */
function slot(g: Group, value: string | undefined): number {
  if (value === undefined) return 0;
  return g.index.get(value) ?? -1;
}

/**
 * Quality blocks counted in one typed array, made into {@link QualityBlock}s at the end: the same
 * figures as {@link addToQuality} on {@link emptyQuality} blocks, for the many persons of a large
 * roster. A person with a value outside the vocabularies is added by addToQuality itself at the end.
 */
export class QualityTally {
  private readonly counts: Float64Array;
  private readonly others: { block: number; rec: PersonRecord }[] = [];

  constructor(readonly blocks: number) {
    this.counts = new Float64Array(blocks * BLOCK);
  }

  /** Add one person to block `block`, as addToQuality does. */
  add(block: number, rec: PersonRecord, asOf: PartialDate, table?: RetirementTable): void {
    const pl = slot(G_PROFESSIONAL, rec.professionalLevel);
    const pt = slot(G_POLITICAL, rec.politicalTheory);
    const sm = slot(G_STATE, rec.stateManagement);
    const ge = slot(G_GENERAL, rec.generalEducation);
    const gender = rec.gender;
    if (pl < 0 || pt < 0 || sm < 0 || ge < 0 || (gender !== undefined && gender !== "male" && gender !== "female")) {
      this.others.push({ block, rec });
      return;
    }
    const c = this.counts;
    const b = block * BLOCK;
    c[b + C_COUNT]++;
    c[b + G_PROFESSIONAL.offset + pl]++;
    if (rec.professionalLevel && professionalRank(rec.professionalLevel) >= INTERMEDIATE) c[b + C_INTERMEDIATE]++;
    c[b + G_POLITICAL.offset + pt]++;
    if (rec.politicalTheory && rec.politicalTheory !== "none") c[b + C_POLITICAL]++;
    c[b + G_STATE.offset + sm]++;
    if (rec.stateManagement && rec.stateManagement !== "none") c[b + C_STATE]++;
    c[b + G_GENERAL.offset + ge]++;
    c[b + (gender === "male" ? C_MALE : gender === "female" ? C_FEMALE : C_SEX_UNKNOWN)]++;
    if (rec.minority) c[b + C_MINORITY]++;
    if (rec.partyMember) c[b + C_PARTY]++;
    const band = slot(G_AGE, ageBandOf(rec.birthDate, gender, asOf, table));
    c[b + G_AGE.offset + band]++;
    if (gender) c[b + (gender === "male" ? G_AGE_MALE : G_AGE_FEMALE).offset + band]++;
  }

  /** The blocks, in order; persons set aside are added to theirs by addToQuality. */
  result(asOf: PartialDate, table?: RetirementTable): QualityBlock[] {
    const out: QualityBlock[] = [];
    const c = this.counts;
    // Each group's object is a copy of an empty one (its keys in place), then filled.
    const counts = <K extends string>(g: Group, b: number): Counts<K> => {
      const o: Record<string, number> = { ...g.empty };
      o.unknown = c[b + g.offset];
      for (let i = 0; i < g.keys.length; i++) o[g.keys[i]] = c[b + g.offset + i + 1];
      return o as Counts<K>;
    };
    for (let block = 0; block < this.blocks; block++) {
      const b = block * BLOCK;
      out.push({
        count: c[b + C_COUNT],
        professionalIntermediateOrAbove: c[b + C_INTERMEDIATE],
        politicalTheoryTrained: c[b + C_POLITICAL],
        stateManagementTrained: c[b + C_STATE],
        professional: counts(G_PROFESSIONAL, b),
        politicalTheory: counts(G_POLITICAL, b),
        stateManagement: counts(G_STATE, b),
        generalEducation: counts(G_GENERAL, b),
        sex: { male: c[b + C_MALE], female: c[b + C_FEMALE], unknown: c[b + C_SEX_UNKNOWN] },
        ethnicMinority: c[b + C_MINORITY],
        partyMember: c[b + C_PARTY],
        ageBands: counts(G_AGE, b),
        ageBandsBySex: { male: counts(G_AGE_MALE, b), female: counts(G_AGE_FEMALE, b) },
      });
    }
    for (const { block, rec } of this.others) addToQuality(out[block], rec, asOf, table);
    return out;
  }

  /**
   * The sum of the blocks `first`, `first + step`, … (the totals of one quality category), as
   * {@link sumQuality} of those blocks gives it; undefined when a person was set aside (then sum
   * the blocks themselves).
   */
  total(first: number, step: number): QualityBlock | undefined {
    if (this.others.length > 0) return undefined;
    const sums = new QualityTally(1);
    const c = this.counts;
    const t = sums.counts;
    for (let block = first; block < this.blocks; block += step) {
      const b = block * BLOCK;
      for (let k = 0; k < BLOCK; k++) t[k] += c[b + k];
    }
    return sums.result({ year: 0, precision: "year" })[0];
  }
}
