import fc from "fast-check";
import { levenshtein, nearest } from "../../../src/core/text/suggest";
import { anyText } from "./arbitraries";

describe("levenshtein", () => {
  it("counts edits in code points", () => {
    expect(levenshtein("đại học", "đại hoc")).toBe(1);
    expect(levenshtein("", "ts")).toBe(2);
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("\uD83D\uDE00", "")).toBe(1);
  });

  it("is symmetric and zero only for equal strings", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(levenshtein(a, b)).toBe(levenshtein(b, a));
        expect(levenshtein(a, a)).toBe(0);
      }),
    );
  });
});

describe("nearest", () => {
  it("returns the closest candidate within the ratio", () => {
    expect(nearest("thạc sỉ", ["tiến sĩ", "thạc sĩ"])).toEqual({ candidate: "thạc sĩ", index: 1, distance: 1 });
  });

  it("returns nothing for unrelated words and empty keys", () => {
    expect(nearest("bơi lội", ["tiến sĩ", "thạc sĩ"])).toBeUndefined();
    expect(nearest("", ["a"])).toBeUndefined();
  });

  it("matches two-letter abbreviations only exactly", () => {
    expect(nearest("tk", ["tc"])).toBeUndefined();
    expect(nearest("tc", ["tc"])?.distance).toBe(0);
  });

  it("honours maxDistance", () => {
    expect(nearest("abcdefghij", ["abcdefghzz"], { maxDistance: 1 })).toBeUndefined();
    expect(nearest("abcdefghij", ["abcdefghzz"])?.distance).toBe(2);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 5 }), (k, cs) => {
        const m = nearest(k, cs);
        if (m) expect(cs[m.index]).toBe(m.candidate);
      }),
    );
  });
});
