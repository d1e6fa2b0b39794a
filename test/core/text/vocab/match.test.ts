import fc from "fast-check";
import {
  cleanField,
  compileVocab,
  joinedKey,
  matchLeading,
  matchWhole,
  tokenize,
  toText,
} from "../../../../src/core/text/vocab/match";
import * as vocabIndex from "../../../../src/core/text/vocab";
import { anyText } from "../arbitraries";

const vocab = compileVocab(
  [
    { value: "yes", label: "Có", aliases: ["x", "Đ.Ý"] },
    { value: "no", label: "Không", aliases: [] },
  ],
  ["Có thể"],
);

describe("vocabulary matching", () => {
  it("joins token keys so dotted and spaced abbreviations agree", () => {
    expect(joinedKey("Đ.H")).toBe(joinedKey("ĐH"));
    expect(joinedKey("CK II")).toBe(joinedKey("CKII"));
    expect(joinedKey("H'Mông")).toBe(joinedKey("H Mông"));
    expect(tokenize("Đ.H Luật").map((t) => t.key)).toEqual(["đ", "h", "luật"]);
  });

  it("matches whole values and leading values with a field", () => {
    expect(matchWhole(vocab, " CÓ ")).toMatchObject({ value: "yes", label: "Có", recognized: true });
    expect(matchWhole(vocab, "đý")).toMatchObject({ value: "yes" });
    expect(matchLeading(vocab, "Có - ghi chú)")).toMatchObject({ value: "yes", field: "ghi chú" });
  });

  it("treats foreign spellings as unrecognized without suggestion", () => {
    const r = matchLeading(vocab, "Có thể");
    expect(r.recognized).toBe(false);
    expect(r.suggestion).toBeUndefined();
  });

  it("cleans fields", () => {
    expect(cleanField("- Luật)")).toBe("Luật");
    expect(cleanField("(Luật)")).toBe("Luật");
    expect(cleanField(": Kế toán, ")).toBe("Kế toán");
  });

  it("converts anything to text", () => {
    expect(toText(null)).toBe("");
    expect(toText(12)).toBe("12");
    expect(toText({ toString: () => { throw new Error("x"); } })).toBe("");
  });

  it("is re-exported from the vocab index", () => {
    for (const name of ["parseProfessional", "parsePoliticalTheory", "parseStateManagement", "parseGeneralEducation", "parseEthnicity", "parseReligion", "professionalRank"]) {
      expect(typeof (vocabIndex as Record<string, unknown>)[name]).toBe("function");
    }
  });

  it("accepts non-string cell values", () => {
    expect(vocabIndex.parseGeneralEducation(12 as unknown as string)).toMatchObject({ raw: "12", value: "upperSecondary" });
    expect(vocabIndex.parseProfessional(null as unknown as string)).toMatchObject({ raw: "", empty: true });
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(matchWhole(vocab, s).raw).toBe(s);
        expect(matchLeading(vocab, s).raw).toBe(s);
        expect(typeof cleanField(s)).toBe("string");
      }),
    );
  });
});
