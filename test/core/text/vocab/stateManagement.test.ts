import fc from "fast-check";
import {
  STATE_MANAGEMENT_LEVELS,
  parseStateManagement,
  stateManagementRank,
} from "../../../../src/core/text/vocab/stateManagement";
import { anyText } from "../arbitraries";

describe("parseStateManagement", () => {
  it.each([
    ["Chuyên viên cao cấp", "seniorSpecialist"],
    ["CVCC", "seniorSpecialist"],
    ["CVCC và TĐ", "seniorSpecialist"],
    ["Chuyên viên cao cấp và tương đương", "seniorSpecialist"],
    ["Chuyên viên chính", "principalSpecialist"],
    ["CVC", "principalSpecialist"],
    ["CVC và TĐ", "principalSpecialist"],
    ["CHUYÊN VIÊN CHÍNH", "principalSpecialist"],
    ["Chuyên viên", "specialist"],
    ["CV", "specialist"],
    ["Chuyên viên và tương đương", "specialist"],
    ["Ngạch chuyên viên", "specialist"],
    ["Cán sự", "staff"],
    ["CS", "staff"],
    ["Chưa qua bồi dưỡng", "none"],
    ["Chưa qua đào tạo", "none"],
    ["Chưa", "none"],
  ])("reads %s as %s", (raw, level) => {
    const r = parseStateManagement(raw);
    expect(r).toMatchObject({ value: level, recognized: true });
    expect(r.field).toBeUndefined();
  });

  it("matches NFD input and text without accents", () => {
    expect(parseStateManagement("Chuyên viên chính".normalize("NFD")).value).toBe("principalSpecialist");
    expect(parseStateManagement("Chuyen vien chinh")).toMatchObject({ value: "principalSpecialist", folded: true });
  });

  it("suggests for typos", () => {
    expect(parseStateManagement("Chuyên viên chín")).toMatchObject({
      recognized: true,
      value: "specialist",
      field: "chín",
      suggestion: "principalSpecialist",
    });
    expect(parseStateManagement("Chuyen vien chin")).toMatchObject({ suggestion: "principalSpecialist" });
    expect(parseStateManagement("Cán xự")).toMatchObject({ recognized: false, suggestion: "staff" });
  });

  it("flags blanks as empty", () => {
    expect(parseStateManagement("\u00A0")).toMatchObject({ recognized: false, empty: true });
  });

  it("ranks CVCC > CVC > CV > cán sự > none", () => {
    expect(STATE_MANAGEMENT_LEVELS.map(stateManagementRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseStateManagement(s);
        expect(r.raw).toBe(s);
        if (r.recognized) expect(STATE_MANAGEMENT_LEVELS).toContain(r.value);
      }),
    );
  });
});
