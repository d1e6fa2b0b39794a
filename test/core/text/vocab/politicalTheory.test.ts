import fc from "fast-check";
import {
  POLITICAL_THEORY_LEVELS,
  parsePoliticalTheory,
  politicalTheoryRank,
} from "../../../../src/core/text/vocab/politicalTheory";
import { anyText } from "../arbitraries";

describe("parsePoliticalTheory", () => {
  it.each([
    ["Cử nhân", "bachelor"],
    ["CN", "bachelor"],
    ["cử nhân chính trị", "bachelor"],
    ["Cao cấp", "advanced"],
    ["CC", "advanced"],
    ["CAO CẤP", "advanced"],
    ["Cao cấp, cử nhân", "advanced"],
    ["Cao cấp LLCT", "advanced"],
    ["Cao cấp lý luận chính trị - hành chính", "advanced"],
    ["Trung cấp", "intermediate"],
    ["TC", "intermediate"],
    ["Trung cấp LLCT", "intermediate"],
    ["Trung cấp chính trị", "intermediate"],
    ["T.C", "intermediate"],
    ["Sơ cấp", "elementary"],
    ["SC", "elementary"],
    ["Chưa qua đào tạo", "none"],
    ["Chưa", "none"],
  ])("reads %s as %s", (raw, level) => {
    const r = parsePoliticalTheory(raw);
    expect(r).toMatchObject({ value: level, recognized: true });
    expect(r.field).toBeUndefined();
  });

  it("matches NFD input", () => {
    expect(parsePoliticalTheory("Trung cấp".normalize("NFD")).value).toBe("intermediate");
  });

  it("keeps unexpected trailing text as field", () => {
    expect(parsePoliticalTheory("Trung cấp quân sự")).toMatchObject({ value: "intermediate", field: "quân sự" });
  });

  it("suggests for typos", () => {
    expect(parsePoliticalTheory("Trung cáp")).toMatchObject({ recognized: false, suggestion: "intermediate" });
  });

  it("flags blanks as empty", () => {
    expect(parsePoliticalTheory("")).toMatchObject({ recognized: false, empty: true });
  });

  it("ranks cử nhân and cao cấp equally above trung cấp", () => {
    expect(politicalTheoryRank("bachelor")).toBe(politicalTheoryRank("advanced"));
    expect(politicalTheoryRank("advanced")).toBeGreaterThan(politicalTheoryRank("intermediate"));
    expect(politicalTheoryRank("intermediate")).toBeGreaterThan(politicalTheoryRank("elementary"));
    expect(politicalTheoryRank("elementary")).toBeGreaterThan(politicalTheoryRank("none"));
    expect(politicalTheoryRank(undefined)).toBe(-1);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parsePoliticalTheory(s);
        expect(r.raw).toBe(s);
        if (r.recognized) expect(POLITICAL_THEORY_LEVELS).toContain(r.value);
      }),
    );
  });
});
