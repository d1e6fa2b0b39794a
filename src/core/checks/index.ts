/**
 * The registry of checks: an explicit list, in the order they run. Adding a check means adding
 * its file and a line here (and its rule ids to `rulesets/values.ts` and the catalogue).
 */
import { abolishedTitle } from "./record/abolishedTitle";
import { categoryMismatch } from "./record/categoryMismatch";
import type { Check } from "./types";
import { abolishedCategory } from "./unit/abolishedCategory";
import { deputyCap } from "./unit/deputyCap";
import { mandatoryPosts } from "./unit/mandatoryPosts";
import { quotaCap } from "./unit/quotaCap";
import { quotaFigures } from "./unit/quotaFigures";
import { titleHolders } from "./unit/titleHolders";
import { villageCap } from "./unit/villageCap";

export const CHECKS: readonly Check[] = [quotaFigures, quotaCap, villageCap, mandatoryPosts, deputyCap, titleHolders, abolishedTitle, abolishedCategory, categoryMismatch];

export type { Check, CheckContext, UnitView } from "./types";
export { RuleConfigError } from "./types";
export { runChecks } from "./runner";
