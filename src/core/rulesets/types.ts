/**
 * Rule sets as data: what a rule-set file holds (the presets under `presets/` and a user's
 * `--rules FILE`), and what the checks see once a set is chosen for a date and overridden.
 * domain-rules.md is the source of every value; a value it marks "unconfirmed" or "derived"
 * carries that `status` and never raises an `error` on its own.
 */
import type { Severity } from "../report/types";

/** How sure the reference is of a value. */
export type ValueStatus = "confirmed" | "derived" | "unconfirmed";

/** JSON as rule files hold it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A value the Quy định sheet, a rule file's `set` or a quota sheet column can give. */
export type LeafValue = string | number | boolean;

/** A legal basis: the text and the article; source keys of domain-rules.md §9 ("S10"). */
export interface Basis {
  text: string;
  article?: string;
  sources?: string[];
}

/** Values of a rule for a span of dates (deputy caps change inside a regime). */
export interface ValuePeriod {
  /** First day, YYYY-MM-DD, inclusive; absent: from the start of the regime. */
  from?: string;
  /** Last day, inclusive; absent: open-ended. */
  to?: string;
  value?: JsonValue;
  /** The text these values come from, when it differs from the rule's. */
  basis?: Basis;
  status?: ValueStatus;
  /** A severity for this span, when it differs from the rule's (e.g. during a reported extension). */
  severity?: Severity;
  note?: string;
}

/** One rule of a rule set. Its id is the finding id the checks emit. */
export interface RuleDefinition {
  id: string;
  severity: Severity;
  /** Vietnamese. */
  description: string;
  descriptionEn?: string;
  basis: Basis;
  status: ValueStatus;
  enabled: boolean;
  note?: string;
  values: ValuePeriod[];
}

/** Where an overridden value came from (precedence: preset < file < sheet < quotaSheet). */
export type OverrideSource = "file" | "sheet" | "quotaSheet";

/** One overridden value, as the report lists it. */
export interface OverrideRecord {
  rule: string;
  /** A path inside the rule's value ("cadreAndCivilServant.xã.II"), or "severity" / "enabled". */
  key: string;
  value: LeafValue;
  previous?: LeafValue;
  source: OverrideSource;
  file?: string;
  sheet?: string;
  cell?: string;
  unit?: string;
}

/** A rule set after loading: the preset, or a user's file merged over the preset it extends. */
export interface RuleSetDefinition {
  id: string;
  version: string;
  name: { vi: string; en: string };
  /** The regime's dates, when it has them. */
  from?: string;
  to?: string;
  basis: string;
  note?: string;
  source: "preset" | "file";
  /** The rule file's name, for a user's file. */
  file?: string;
  extends?: string;
  rules: Record<string, RuleDefinition>;
  /** Leaf values the file sets over the preset's values, applied for the chosen date. */
  fileSets: { rule: string; path: string; value: LeafValue }[];
  /** Severity or enabled changed by the file, for the report. */
  fileChanges: OverrideRecord[];
}

/** A rule as the checks see it on the evaluation date, overrides applied. */
export interface ActiveRule {
  id: string;
  /** The effective severity before any "unconfirmed" clamp (override > period > rule). */
  severity: Severity;
  description: string;
  descriptionEn?: string;
  basis: Basis;
  /** The status of the chosen period (else the rule's). */
  status: ValueStatus;
  enabled: boolean;
  period?: ValuePeriod;
  /** The value on the evaluation date, a private copy with the overrides applied. */
  value?: JsonValue;
  /** Leaf paths whose value a user gave (file, sheet): these count as confirmed. */
  userPaths: Set<string>;
}

/** A rule set chosen for a date: what the checks read. */
export interface ActiveRuleSet {
  definition: RuleSetDefinition;
  /** The date the values were picked for: the reporting date, kept inside the regime's dates. */
  date: string;
  rules: Map<string, ActiveRule>;
  overrides: OverrideRecord[];
}
