import fc from "fast-check";
import { ETHNIC_GROUPS, ethnicGroup, parseEthnicity } from "../../../../src/core/text/vocab/ethnicity";
import { anyText } from "../arbitraries";

const codes = (pick: (g: (typeof ETHNIC_GROUPS)[number]) => string) =>
  ETHNIC_GROUPS.filter((g) => g.id !== "foreign").map(pick);
const expected = Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, "0"));

describe("ETHNIC_GROUPS", () => {
  it("holds the 54 groups with both GSO code lists complete, plus foreigners", () => {
    expect(ETHNIC_GROUPS).toHaveLength(55);
    expect(codes((g) => g.code)).toEqual(expected);
    expect([...codes((g) => g.code2008)].sort()).toEqual(expected);
  });

  it("follows the 1979 list: 01 Kinh … 04 Hoa, 05 Khơ-me … 54 Rơ-măm", () => {
    expect(ETHNIC_GROUPS[0]).toMatchObject({ code: "01", name: "Kinh", minority: false });
    expect(ethnicGroup("hoa")?.code).toBe("04");
    expect(ethnicGroup("khmer")?.code).toBe("05");
    expect(ethnicGroup("ngai")?.code).toBe("11");
    expect(ethnicGroup("romam")?.code).toBe("54");
  });

  it("carries the 2008 codes: 04 Mường, 06 Hoa, 14 Chăm, 20 Mnông, 54 Ơ Đu", () => {
    expect(ethnicGroup("muong")?.code2008).toBe("04");
    expect(ethnicGroup("hoa")?.code2008).toBe("06");
    expect(ethnicGroup("cham")?.code2008).toBe("14");
    expect(ethnicGroup("mnong")?.code2008).toBe("20");
    expect(ethnicGroup("odu")?.code2008).toBe("54");
  });

  it("marks every group but Kinh as a minority", () => {
    expect(ETHNIC_GROUPS.filter((g) => g.minority)).toHaveLength(53);
    expect(ethnicGroup("foreign")?.minority).toBe(false);
  });
});

describe("parseEthnicity", () => {
  it.each([
    ["Kinh", "kinh"],
    ["KINH", "kinh"],
    ["Kinh (Việt)", "kinh"],
    ["Hmông", "hmong"],
    ["HMông", "hmong"],
    ["H'Mông", "hmong"],
    ["H’Mông", "hmong"],
    ["Mông", "hmong"],
    ["Mèo", "hmong"],
    ["Khơ-me", "khmer"],
    ["Khmer", "khmer"],
    ["Khơ Me", "khmer"],
    ["Ê-đê", "ede"],
    ["Ê Đê", "ede"],
    ["Êđê", "ede"],
    ["Gia-rai", "giarai"],
    ["Gia Rai", "giarai"],
    ["Ba-na", "bana"],
    ["Ba Na", "bana"],
    ["Ta-ôi", "taoi"],
    ["Tà-ôi", "taoi"],
    ["Tà Ôi", "taoi"],
    ["Chu-ru", "churu"],
    ["Chu ru", "churu"],
    ["La Chí", "lachi"],
    ["La Chi", "lachi"],
    ["Cơ Lao", "colao"],
    ["Co Lao", "colao"],
    ["Gié-Triêng", "gietrieng"],
    ["Gié Triêng", "gietrieng"],
    ["Dao", "dao"],
    ["Mán", "dao"],
    ["Tày", "tay"],
    ["Thái", "thai"],
    ["Mường", "muong"],
    ["Hoa", "hoa"],
    ["Nùng", "nung"],
    ["Sán Chay", "sanchay"],
    ["Cao Lan", "sanchay"],
    ["Sán Chỉ", "sanchay"],
    ["Sán Dìu", "sandiu"],
    ["Xơ-đăng", "xodang"],
    ["Cơ-ho", "coho"],
    ["Ra-glai", "raglai"],
    ["Mnông", "mnong"],
    ["Thổ", "tho"],
    ["Xtiêng", "xtieng"],
    ["Khơ-mú", "khomu"],
    ["Bru-Vân Kiều", "bruvankieu"],
    ["Cơ-tu", "cotu"],
    ["Giáy", "giay"],
    ["Mạ", "ma"],
    ["Co", "co"],
    ["Chơ-ro", "choro"],
    ["Xinh-mun", "xinhmun"],
    ["Hà Nhì", "hanhi"],
    ["Lào", "lao"],
    ["Kháng", "khang"],
    ["Phù Lá", "phula"],
    ["La Hủ", "lahu"],
    ["La Ha", "laha"],
    ["Pà Thẻn", "pathen"],
    ["Lự", "lu"],
    ["Ngái", "ngai"],
    ["Chứt", "chut"],
    ["Lô Lô", "lolo"],
    ["Mảng", "mang"],
    ["Bố Y", "boy"],
    ["Cống", "cong"],
    ["Si La", "sila"],
    ["Pu Péo", "pupeo"],
    ["Rơ-măm", "romam"],
    ["Brâu", "brau"],
    ["Ơ Đu", "odu"],
    ["Chăm", "cham"],
    ["Hrê", "hre"],
    ["Người nước ngoài", "foreign"],
  ])("reads %s as %s", (raw, id) => {
    expect(parseEthnicity(raw)).toMatchObject({ value: id, recognized: true });
  });

  it("recognizes every official name and alias, in NFD and upper case", () => {
    for (const g of ETHNIC_GROUPS) {
      for (const spelling of [g.name, ...g.aliases]) {
        expect([spelling, parseEthnicity(spelling.normalize("NFD")).value]).toEqual([spelling, g.id]);
        expect([spelling, parseEthnicity(spelling.toUpperCase()).value]).toEqual([spelling, g.id]);
      }
    }
  });

  it("drops lead-ins and returns group, code and minority flag", () => {
    expect(parseEthnicity("Dân tộc Tày")).toMatchObject({ value: "tay", minority: true, group: { code: "02" } });
    expect(parseEthnicity("Người Kinh")).toMatchObject({ value: "kinh", minority: false });
  });

  it("matches text typed without accents when unambiguous", () => {
    expect(parseEthnicity("Muong")).toMatchObject({ value: "muong", folded: true });
    expect(parseEthnicity("Tay")).toMatchObject({ value: "tay", folded: true });
    expect(parseEthnicity("Thai")).toMatchObject({ value: "thai", folded: true });
  });

  it("suggests the nearest group for typos", () => {
    expect(parseEthnicity("Muờng")).toMatchObject({ recognized: false, suggestion: "muong", suggestedLabel: "Mường" });
    expect(parseEthnicity("Khơ-mé")).toMatchObject({ recognized: false, suggestion: "khmer" });
  });

  it("flags blanks as empty", () => {
    expect(parseEthnicity("")).toEqual({ raw: "", recognized: false, empty: true });
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseEthnicity(s);
        expect(r.raw).toBe(s);
        if (r.recognized) expect(r.group?.id).toBe(r.value);
      }),
    );
  });
});
