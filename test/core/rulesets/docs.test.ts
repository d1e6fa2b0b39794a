import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOCS_BEGIN, DOCS_END, ruleDocsMarkdown, withRuleDocs } from "../../../src/core/rulesets/docs";
import { presetIds } from "../../../src/core/rulesets/load";
import { RULE_IDS } from "../../../src/core/rulesets/values";
import { ENGINE_RULES } from "../../../src/core/checks/engineRules";

const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");

describe("the README's rule list", () => {
  it("is up to date with the rule files and the catalogue (run `npx tsx scripts/gen-rule-docs.ts`)", () => {
    expect(readme).toContain(DOCS_BEGIN);
    expect(readme).toContain(DOCS_END);
    expect(withRuleDocs(readme)).toBe(readme);
  });

  it("lists every rule id with its severity and basis for every preset", () => {
    const md = ruleDocsMarkdown();
    for (const id of [...RULE_IDS, ...ENGINE_RULES.map((r) => r.id)]) expect(md).toContain(`\`${id}\``);
    for (const id of presetIds()) expect(md).toContain(`| \`${id}\` |`);
    expect(md).toMatch(/#### `quota\.overCap`[^#]*\| `nd33-2023` \| error; warning where a value is unconfirmed or derived \|[^|]*\| Nghị định 33\/2023\/NĐ-CP, Điều 6 khoản 1, 2/);
    expect(md).toMatch(/#### `position\.abolishedCategory`[^#]*\| `law80-2025` \| error; warning 01\/08\/2025–30\/05\/2026 \|/);
  });

  it("would notice a change: a replaced section is regenerated, a missing one is added before Architecture", () => {
    const stale = readme.replace("| `nd33-2023` | warning | Số người thực có", "| `nd33-2023` | info | Số người thực có");
    expect(stale).not.toBe(readme);
    expect(withRuleDocs(stale)).toBe(readme);
    const without = readme.slice(0, readme.indexOf(DOCS_BEGIN)) + readme.slice(readme.indexOf(DOCS_END) + DOCS_END.length);
    const added = withRuleDocs(without);
    expect(added.indexOf(DOCS_BEGIN)).toBeLessThan(added.indexOf("## Architecture"));
  });
});
