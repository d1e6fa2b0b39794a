import fc from "fast-check";
import {
  PROFESSIONAL_LEVELS,
  parseProfessional,
  professionalRank,
} from "../../../../src/core/text/vocab/professional";
import { anyText } from "../arbitraries";

describe("parseProfessional", () => {
  it.each([
    ["Tiến sĩ", "doctor"],
    ["Tiến sỹ", "doctor"],
    ["TS", "doctor"],
    ["TSKH", "doctor"],
    ["Thạc sĩ", "master"],
    ["Thạc sỹ", "master"],
    ["ThS", "master"],
    ["Th.S", "master"],
    ["Đại học", "university"],
    ["ĐH", "university"],
    ["Đ.H", "university"],
    ["đh", "university"],
    ["ĐẠI HỌC", "university"],
    ["Cử nhân", "university"],
    ["CN", "university"],
    ["Kỹ sư", "university"],
    ["Kĩ sư", "university"],
    ["Cao đẳng", "college"],
    ["CĐ", "college"],
    ["Trung cấp", "intermediate"],
    ["TC", "intermediate"],
    ["Trung học", "intermediate"],
    ["THCN", "intermediate"],
    ["Sơ cấp", "elementary"],
    ["SC", "elementary"],
    ["Chưa qua đào tạo", "none"],
    ["Chưa qua ĐT", "none"],
    ["Không", "none"],
  ])("reads %s as %s", (raw, level) => {
    const r = parseProfessional(raw);
    expect(r).toMatchObject({ raw, value: level, recognized: true, empty: false });
    expect(r.field).toBeUndefined();
  });

  it.each([
    ["ĐH Luật", "university", "Luật"],
    ["Đại học Luật", "university", "Luật"],
    ["ĐẠI HỌC LUẬT", "university", "LUẬT"],
    ["Đại học - Luật", "university", "Luật"],
    ["Đại học (Luật)", "university", "Luật"],
    ["Đại học ngành Luật", "university", "Luật"],
    ["Cử nhân Kinh tế", "university", "Kinh tế"],
    ["Kỹ sư Nông nghiệp", "university", "Nông nghiệp"],
    ["Thạc sĩ Quản lý công", "master", "Quản lý công"],
    ["Thạc sỹ Quản lý công", "master", "Quản lý công"],
    ["ThS Quản lý công", "master", "Quản lý công"],
    ["ThS. Luật", "master", "Luật"],
    ["TC Kế toán", "intermediate", "Kế toán"],
    ["CĐ Sư phạm", "college", "Sư phạm"],
  ])("splits %s into %s + field %s", (raw, level, field) => {
    expect(parseProfessional(raw)).toMatchObject({ value: level, field, recognized: true });
  });

  it("maps CK I to master-equivalent and CK II to doctor-equivalent", () => {
    expect(parseProfessional("CK I")).toMatchObject({ value: "master", medicalSpecialist: "CKI" });
    expect(parseProfessional("CKI")).toMatchObject({ value: "master", medicalSpecialist: "CKI" });
    expect(parseProfessional("BS CK I")).toMatchObject({ value: "master", medicalSpecialist: "CKI" });
    expect(parseProfessional("CK II")).toMatchObject({ value: "doctor", medicalSpecialist: "CKII" });
    expect(parseProfessional("CK II Nội khoa")).toMatchObject({ value: "doctor", medicalSpecialist: "CKII", field: "Nội khoa" });
    expect(parseProfessional("Chuyên khoa cấp II")).toMatchObject({ value: "doctor", medicalSpecialist: "CKII" });
    expect(parseProfessional("Thạc sĩ Luật").medicalSpecialist).toBeUndefined();
  });

  it("matches NFD input and either tone placement", () => {
    expect(parseProfessional("Đại học Luật".normalize("NFD"))).toMatchObject({ value: "university", field: "Luật" });
    expect(parseProfessional("Cao đẳng".normalize("NFD")).value).toBe("college");
    expect(parseProfessional("Trung cấp Thuỷ lợi")).toMatchObject({ value: "intermediate", field: "Thuỷ lợi" });
  });

  it("matches text typed without accents", () => {
    expect(parseProfessional("Dai hoc Luat")).toMatchObject({ value: "university", field: "Luat", folded: true });
  });

  it("keeps the highest of several degrees and lists them", () => {
    expect(parseProfessional("ĐH Luật, ThS Quản lý kinh tế")).toMatchObject({
      value: "master",
      field: "Quản lý kinh tế",
      alternatives: ["university", "master"],
      raw: "ĐH Luật, ThS Quản lý kinh tế",
    });
    expect(parseProfessional("Đại học Luật, Kinh tế")).toMatchObject({ value: "university", field: "Luật, Kinh tế" });
    // The header leaf "Thạc sỹ, tiến sỹ" of the Mẫu 02/CL.CBCCX template.
    expect(parseProfessional("Thạc sỹ, tiến sỹ")).toMatchObject({ value: "doctor", alternatives: ["master", "doctor"] });
  });

  it("suggests the nearest level for typos", () => {
    expect(parseProfessional("Đại hoc")).toMatchObject({
      recognized: false,
      suggestion: "university",
      suggestedLabel: "Đại học",
    });
    expect(parseProfessional("Thạc sỉ Luật")).toMatchObject({ recognized: false, suggestion: "master" });
  });

  it("does not read general education as a professional level", () => {
    for (const raw of ["THPT", "Trung học phổ thông", "12/12", "THCS"]) {
      const r = parseProfessional(raw);
      expect(r.recognized).toBe(false);
      expect(r.suggestion).toBeUndefined();
    }
  });

  it("flags blanks as empty without suggestion", () => {
    expect(parseProfessional("")).toEqual({ raw: "", recognized: false, empty: true });
    expect(parseProfessional(" - ")).toMatchObject({ recognized: false, empty: true });
  });

  it("ranks doctor > master > university > college > intermediate > elementary > none", () => {
    const ranks = PROFESSIONAL_LEVELS.map(professionalRank);
    expect(ranks).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(professionalRank("doctor")).toBeGreaterThan(professionalRank("master"));
    expect(professionalRank(undefined)).toBe(-1);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseProfessional(s);
        expect(r.raw).toBe(s);
        if (r.recognized) expect(PROFESSIONAL_LEVELS).toContain(r.value);
        if (r.empty) expect(r.recognized).toBe(false);
      }),
    );
  });
});
