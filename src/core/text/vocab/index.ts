/**
 * Cell vocabularies (roster-formats.md §3): free text → enum, raw text kept.
 *
 * @example
 * ```ts
 * import { parseProfessional, parseEthnicity } from "./vocab";
 * parseProfessional("ĐH Luật").field // "Luật"
 * parseEthnicity("Mèo").value        // "hmong"
 * ```
 */

export {
  cleanField,
  compileVocab,
  joinedKey,
  matchLeading,
  matchWhole,
  tokenize,
  toText,
  type CompiledVocab,
  type MatchLeadingOptions,
  type MatchOptions,
  type Token,
  type VocabEntry,
  type VocabResult,
} from "./match";
export {
  PROFESSIONAL_LABELS,
  PROFESSIONAL_LEVELS,
  parseProfessional,
  professionalRank,
  type MedicalSpecialist,
  type ProfessionalLevel,
  type ProfessionalResult,
} from "./professional";
export {
  POLITICAL_THEORY_LABELS,
  POLITICAL_THEORY_LEVELS,
  parsePoliticalTheory,
  politicalTheoryRank,
  type PoliticalTheoryLevel,
  type PoliticalTheoryResult,
} from "./politicalTheory";
export {
  STATE_MANAGEMENT_LABELS,
  STATE_MANAGEMENT_LEVELS,
  parseStateManagement,
  stateManagementRank,
  type StateManagementLevel,
  type StateManagementResult,
} from "./stateManagement";
export {
  GENERAL_EDUCATION_LABELS,
  GENERAL_EDUCATION_TIERS,
  generalEducationRank,
  parseGeneralEducation,
  parseGeneralEducationCell,
  tierForGrade,
  type GeneralEducationCellOptions,
  type GeneralEducationResult,
  type GeneralEducationTier,
  type SchoolSystem,
} from "./generalEducation";
export {
  ETHNIC_GROUPS,
  ethnicGroup,
  parseEthnicity,
  type EthnicGroup,
  type EthnicGroupId,
  type EthnicityResult,
} from "./ethnicity";
export {
  RELIGIONS,
  RELIGION_LABELS,
  parseReligion,
  type Religion,
  type ReligionResult,
} from "./religion";
