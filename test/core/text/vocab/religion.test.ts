import fc from "fast-check";
import { RELIGIONS, parseReligion } from "../../../../src/core/text/vocab/religion";
import { anyText } from "../arbitraries";

describe("parseReligion", () => {
  it.each([
    ["Không", "none"],
    ["KHÔNG", "none"],
    ["Không tôn giáo", "none"],
    ["Phật giáo", "buddhism"],
    ["Đạo Phật", "buddhism"],
    ["Công giáo", "catholicism"],
    ["Thiên chúa giáo", "catholicism"],
    ["Thiên Chúa", "catholicism"],
    ["Tin lành", "protestantism"],
    ["Cao Đài", "caodaism"],
    ["Cao đài", "caodaism"],
    ["Hòa Hảo", "hoaHao"],
    ["Hoà Hảo", "hoaHao"],
    ["Phật giáo Hòa Hảo", "hoaHao"],
    ["Hồi giáo", "islam"],
    ["Tứ Ân Hiếu Nghĩa", "other"],
    ["Phat giao", "buddhism"],
  ])("reads %s as %s", (raw, value) => {
    expect(parseReligion(raw)).toMatchObject({ raw, value, recognized: true });
  });

  it("reads a blank cell as none, flagged empty", () => {
    expect(parseReligion("")).toMatchObject({ value: "none", recognized: true, empty: true });
    expect(parseReligion(" \n")).toMatchObject({ value: "none", empty: true });
  });

  it("matches NFD input", () => {
    expect(parseReligion("Thiên chúa giáo".normalize("NFD")).value).toBe("catholicism");
  });

  it("keeps unknown values raw with a suggestion when one is close", () => {
    expect(parseReligion("Phật giáọ")).toMatchObject({ recognized: false, suggestion: "buddhism" });
    expect(parseReligion("Thần đạo")).toMatchObject({ raw: "Thần đạo", recognized: false });
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseReligion(s);
        expect(r.raw).toBe(s);
        if (r.recognized) expect(RELIGIONS).toContain(r.value);
      }),
    );
  });
});
