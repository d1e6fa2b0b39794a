/**
 * Choosing the rule set of a run: `--rules ID` (a preset), `--rules FILE` (a JSON rule set that
 * may extend a preset), or the regime in force on the reporting date; then its values for that
 * date. The Quy định sheet and the quota sheet are applied by the engine on top (settingsSheet.ts,
 * unitFigures.ts), in that order of precedence.
 */
import { EngineError } from "../errors";
import { activateRuleSet } from "./activate";
import { loadPreset, loadRuleSetFile, presetIds } from "./load";
import { regimeForDate } from "./regimes";
import type { ActiveRuleSet } from "./types";

export interface ChooseRuleSetOptions {
  /** The reporting date, YYYY-MM-DD. */
  asOf: string;
  /** A preset id (`--rules ID`). */
  presetId?: string;
  /** A rule file's name and JSON text (`--rules FILE`: the CLI reads the file, the core parses it). */
  file?: { name: string; text: string };
}

export interface ChosenRuleSet {
  set: ActiveRuleSet;
  chosenBy: "option" | "asOf";
}

/**
 * Choose and activate the rule set of a run.
 * @example chooseRuleSet({ asOf: "2024-11-15" }).set.definition.id // "nd33-2023"
 */
export function chooseRuleSet(options: ChooseRuleSetOptions): ChosenRuleSet {
  if (options.file) return { set: activateRuleSet(loadRuleSetFile(options.file.text, options.file.name), options.asOf), chosenBy: "option" };
  if (options.presetId !== undefined) {
    const def = loadPreset(options.presetId);
    if (!def) throw new EngineError("usage.unknownRuleSet", { value: options.presetId, known: presetIds().join(", ") });
    return { set: activateRuleSet(def, options.asOf), chosenBy: "option" };
  }
  return { set: activateRuleSet(loadPreset(regimeForDate(options.asOf).id)!, options.asOf), chosenBy: "asOf" };
}

export { loadPreset, loadRuleSetFile, presetIds } from "./load";
export { activateRuleSet, severityFor, valueStatus, basisLine, evaluationDate, periodOn } from "./activate";
export { applySettingRows, readSettingRows } from "./settingsSheet";
export { readUnitFigures } from "./unitFigures";
export type * from "./types";
