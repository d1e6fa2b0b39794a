/**
 * The preset rule sets, imported statically so the core stays pure (no file system) and the
 * bundles carry them. One file per regime, in date order; each is checked against the schema
 * when first used (`loadPreset`), and every one of them by the tests.
 */
import nd92 from "./nd92-2009.json";
import nd34 from "./nd34-2019.json";
import nd33 from "./nd33-2023.json";
import law80 from "./law80-2025.json";

export interface PresetFile {
  /** Where the file lives in the repository, for error messages and the README. */
  file: string;
  json: unknown;
}

/** Presets in date order. */
export const PRESET_FILES: readonly PresetFile[] = [
  { file: "src/core/rulesets/presets/nd92-2009.json", json: nd92 },
  { file: "src/core/rulesets/presets/nd34-2019.json", json: nd34 },
  { file: "src/core/rulesets/presets/nd33-2023.json", json: nd33 },
  { file: "src/core/rulesets/presets/law80-2025.json", json: law80 },
];
