/**
 * Regenerates the README's rule list (between `<!-- rules:begin … -->` and `<!-- rules:end -->`)
 * from the rule files (src/core/rulesets/presets/*.json) and the catalogue. Run it after changing
 * a rule file: `npx tsx scripts/gen-rule-docs.ts`. `--check` exits 1 when the README is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withRuleDocs } from "../src/core/rulesets/docs";

const readmePath = join(__dirname, "..", "README.md");
const before = readFileSync(readmePath, "utf8");
const after = withRuleDocs(before);
if (process.argv.includes("--check")) {
  if (after !== before) {
    process.stderr.write("README.md: danh sách quy tắc đã cũ, chạy npx tsx scripts/gen-rule-docs.ts — the rule list is out of date\n");
    process.exitCode = 1;
  }
} else if (after !== before) {
  writeFileSync(readmePath, after);
  process.stdout.write("README.md: đã cập nhật danh sách quy tắc / rule list updated\n");
} else process.stdout.write("README.md: không thay đổi / unchanged\n");
