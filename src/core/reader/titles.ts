/**
 * Commune-level titles (chức vụ / chức danh) of every regime, with the spellings offices use,
 * and the category each belongs to. Data only: domain-rules.md §2 (ND 92/2009 Art 3,
 * ND 34/2019, ND 33/2023 Art 5) and, for the non-specialized posts, §1c. Which titles exist in
 * which regime is the rule sets' business (issue 4); here every generation is accepted.
 */

export type StaffCategory = "cadre" | "civilServant" | "nonSpecializedCommune" | "nonSpecializedVillage";

export interface TitleDefinition {
  /** Stable id, English, camelCase. */
  id: string;
  category: StaffCategory;
  /** Canonical Vietnamese name. */
  nameVi: string;
  /**
   * Spellings after `comparisonKey` (lower case, NFC, one space), matched as whole phrases at
   * the start of a post ("phó chủ tịch ubnd xã" starts with "phó chủ tịch ubnd").
   */
  variants: string[];
  /** A deputy post (counted against deputy caps). */
  deputy?: boolean;
}

const UB = ["ubnd", "ủy ban nhân dân", "uỷ ban nhân dân", "ub"];
const HD = ["hđnd", "hội đồng nhân dân", "hdnd"];
const MT = ["ubmttq", "ủy ban mặt trận tổ quốc", "uỷ ban mặt trận tổ quốc", "mttq", "mặt trận tổ quốc", "mặt trận", "ủy ban mttq", "uỷ ban mttq", "ub mttq"];

function withOrgs(prefixes: string[], orgs: string[]): string[] {
  const out: string[] = [];
  for (const p of prefixes) for (const o of orgs) out.push(`${p} ${o}`);
  return out;
}

/** Every title, most specific first (deputies before their principals so "phó chủ tịch" wins over "chủ tịch"). */
export const TITLES: readonly TitleDefinition[] = [
  // Cán bộ (ND 92/2009 Art 3(1); ND 33/2023 Art 5(1))
  { id: "partyDeputySecretary", category: "cadre", nameVi: "Phó Bí thư Đảng ủy", deputy: true, variants: ["phó bí thư đảng ủy", "phó bí thư đảng uỷ", "phó bí thư đu", "pbt đảng ủy", "pbt đu", "pbt đảng uỷ", "phó bí thư thường trực đảng ủy", "phó bí thư"] },
  { id: "partySecretary", category: "cadre", nameVi: "Bí thư Đảng ủy", variants: ["bí thư đảng ủy", "bí thư đảng uỷ", "bí thư đu", "bt đảng ủy", "bt đu", "bt đảng uỷ", "bí thư đảng bộ"] },
  { id: "councilViceChair", category: "cadre", nameVi: "Phó Chủ tịch HĐND", deputy: true, variants: withOrgs(["phó chủ tịch", "pct"], HD) },
  { id: "councilChair", category: "cadre", nameVi: "Chủ tịch HĐND", variants: withOrgs(["chủ tịch", "ct"], HD) },
  { id: "committeeViceChair", category: "cadre", nameVi: "Phó Chủ tịch UBND", deputy: true, variants: withOrgs(["phó chủ tịch", "pct"], UB) },
  { id: "committeeChair", category: "cadre", nameVi: "Chủ tịch UBND", variants: withOrgs(["chủ tịch", "ct"], UB) },
  { id: "frontViceChair", category: "nonSpecializedCommune", nameVi: "Phó Chủ tịch UBMTTQ", deputy: true, variants: withOrgs(["phó chủ tịch", "pct"], MT) },
  { id: "frontChair", category: "cadre", nameVi: "Chủ tịch UBMTTQ", variants: withOrgs(["chủ tịch", "ct"], MT) },
  { id: "youthUnionSecretary", category: "cadre", nameVi: "Bí thư Đoàn TNCS Hồ Chí Minh", variants: ["bí thư đoàn thanh niên", "bí thư đoàn tncs", "bí thư đoàn tn", "bí thư xã đoàn", "bí thư đoàn", "bí thư đtn"] },
  { id: "womenUnionChair", category: "cadre", nameVi: "Chủ tịch Hội Liên hiệp Phụ nữ", variants: ["chủ tịch hội liên hiệp phụ nữ", "chủ tịch hội lhpn", "chủ tịch hội phụ nữ", "chủ tịch hlhpn", "ct hội lhpn", "ct hội phụ nữ", "chủ tịch phụ nữ"] },
  { id: "farmersUnionChair", category: "cadre", nameVi: "Chủ tịch Hội Nông dân", variants: ["chủ tịch hội nông dân", "chủ tịch hnd", "ct hội nông dân", "chủ tịch nông dân"] },
  { id: "veteransUnionChair", category: "cadre", nameVi: "Chủ tịch Hội Cựu chiến binh", variants: ["chủ tịch hội cựu chiến binh", "chủ tịch hội ccb", "chủ tịch ccb", "ct hội ccb", "chủ tịch hội cựu chiến binh xã"] },
  // Công chức (ND 92/2009 Art 3(2); ND 33/2023 Art 5(2) removes Trưởng Công an)
  { id: "deputyMilitaryCommander", category: "nonSpecializedCommune", nameVi: "Phó Chỉ huy trưởng Quân sự", deputy: true, variants: ["phó chỉ huy trưởng quân sự", "phó chỉ huy trưởng ban chqs", "phó chỉ huy trưởng", "phó chqs", "phó cht qs", "phó cht quân sự", "phó ban chỉ huy quân sự", "xã đội phó"] },
  { id: "militaryCommander", category: "civilServant", nameVi: "Chỉ huy trưởng Ban Chỉ huy Quân sự", variants: ["chỉ huy trưởng quân sự", "chỉ huy trưởng ban chỉ huy quân sự", "chỉ huy trưởng ban chqs", "chỉ huy trưởng", "cht quân sự", "cht qs", "cht ban chqs", "chqs", "xã đội trưởng"] },
  { id: "deputyPoliceChief", category: "nonSpecializedCommune", nameVi: "Phó Trưởng Công an xã", deputy: true, variants: ["phó trưởng công an", "phó công an"] },
  { id: "policeChief", category: "civilServant", nameVi: "Trưởng Công an xã", variants: ["trưởng công an", "trưởng ca xã"] },
  { id: "officeStatistics", category: "civilServant", nameVi: "Văn phòng - thống kê", variants: ["văn phòng - thống kê", "văn phòng thống kê", "văn phòng-thống kê", "vp-tk", "vp - tk", "công chức văn phòng - thống kê", "công chức văn phòng thống kê", "văn phòng", "vp tk"] },
  { id: "landConstruction", category: "civilServant", nameVi: "Địa chính - xây dựng", variants: ["địa chính - xây dựng - đô thị và môi trường", "địa chính - nông nghiệp - xây dựng và môi trường", "địa chính - xây dựng", "địa chính - nông nghiệp", "địa chính xây dựng", "địa chính nông nghiệp", "địa chính-xây dựng", "địa chính-nông nghiệp", "địa chính", "công chức địa chính", "đc-xd", "đc - xd", "đc-nn"] },
  { id: "financeAccounting", category: "civilServant", nameVi: "Tài chính - kế toán", variants: ["tài chính - kế toán", "tài chính kế toán", "tài chính-kế toán", "tc-kt", "tc - kt", "kế toán", "công chức tài chính - kế toán", "công chức tài chính kế toán"] },
  { id: "justiceCivilStatus", category: "civilServant", nameVi: "Tư pháp - hộ tịch", variants: ["tư pháp - hộ tịch", "tư pháp hộ tịch", "tư pháp-hộ tịch", "tp-ht", "tp - ht", "tư pháp", "công chức tư pháp - hộ tịch", "công chức tư pháp hộ tịch"] },
  { id: "cultureSociety", category: "civilServant", nameVi: "Văn hóa - xã hội", variants: ["văn hóa - xã hội", "văn hóa xã hội", "văn hóa-xã hội", "vh-xh", "vh - xh", "công chức văn hóa - xã hội", "công chức văn hóa xã hội", "văn hoá - xã hội", "văn hoá xã hội"] },
  // Người hoạt động không chuyên trách cấp xã (titles set by each province; common ones)
  { id: "archivesClerk", category: "nonSpecializedCommune", nameVi: "Văn thư - lưu trữ", variants: ["văn thư - lưu trữ", "văn thư lưu trữ", "văn thư", "thủ quỹ"] },
  { id: "partyOfficeClerk", category: "nonSpecializedCommune", nameVi: "Văn phòng Đảng ủy", variants: ["văn phòng đảng ủy", "văn phòng đảng uỷ", "cán bộ văn phòng đảng ủy"] },
  { id: "massOrgDeputy", category: "nonSpecializedCommune", nameVi: "Phó chủ tịch hội, đoàn thể", deputy: true, variants: ["phó chủ tịch hội", "phó bí thư đoàn", "phó chủ tịch hội liên hiệp phụ nữ", "phó chủ tịch hội nông dân", "phó chủ tịch hội cựu chiến binh"] },
  { id: "elderlyAssociationChair", category: "nonSpecializedCommune", nameVi: "Chủ tịch Hội Người cao tuổi", variants: ["chủ tịch hội người cao tuổi", "chủ tịch hội chữ thập đỏ", "chủ tịch hội khuyến học"] },
  { id: "inspectionCommittee", category: "nonSpecializedCommune", nameVi: "Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", variants: ["phó chủ nhiệm ủy ban kiểm tra", "phó chủ nhiệm ubkt", "chủ nhiệm ủy ban kiểm tra", "chủ nhiệm ubkt"] },
  { id: "radioStation", category: "nonSpecializedCommune", nameVi: "Trưởng Đài truyền thanh", variants: ["trưởng đài truyền thanh", "đài truyền thanh", "truyền thanh"] },
  // Two-level government (from 01/07/2025, domain-rules.md §2 R5): employment positions replace the
  // civil-servant titles; Thường trực HĐND includes the heads of its committees.
  { id: "councilCommitteeHead", category: "cadre", nameVi: "Trưởng ban HĐND", variants: ["trưởng ban pháp chế", "trưởng ban kinh tế - xã hội", "trưởng ban kinh tế - ngân sách", "trưởng ban văn hóa - xã hội", "trưởng ban dân tộc", "trưởng ban kinh tế"] },
  { id: "officeDeputyChief", category: "civilServant", nameVi: "Phó Chánh Văn phòng HĐND và UBND", deputy: true, variants: ["phó chánh văn phòng"] },
  { id: "officeChief", category: "civilServant", nameVi: "Chánh Văn phòng HĐND và UBND", variants: ["chánh văn phòng"] },
  { id: "departmentDeputyHead", category: "civilServant", nameVi: "Phó Trưởng phòng", deputy: true, variants: ["phó trưởng phòng"] },
  { id: "departmentHead", category: "civilServant", nameVi: "Trưởng phòng", variants: ["trưởng phòng"] },
  { id: "serviceCenterDeputyDirector", category: "civilServant", nameVi: "Phó Giám đốc Trung tâm phục vụ hành chính công", deputy: true, variants: ["phó giám đốc trung tâm"] },
  { id: "serviceCenterDirector", category: "civilServant", nameVi: "Giám đốc Trung tâm phục vụ hành chính công", variants: ["giám đốc trung tâm"] },
  { id: "specialist", category: "civilServant", nameVi: "Chuyên viên (vị trí việc làm)", variants: ["chuyên viên", "cán sự", "công chức"] },
  // Ở thôn, tổ dân phố (ND 33/2023 Art 33(6): at most 3 posts)
  { id: "villagePartySecretary", category: "nonSpecializedVillage", nameVi: "Bí thư Chi bộ", variants: ["bí thư chi bộ", "bt chi bộ", "bí thư chi bộ thôn", "bí thư cb"] },
  { id: "villageHead", category: "nonSpecializedVillage", nameVi: "Trưởng thôn, Tổ trưởng tổ dân phố", variants: ["trưởng thôn", "trưởng bản", "trưởng khu phố", "trưởng ấp", "tổ trưởng tổ dân phố", "tổ trưởng tdp", "tổ trưởng dân phố", "thôn trưởng", "trưởng khu"] },
  { id: "villageFrontHead", category: "nonSpecializedVillage", nameVi: "Trưởng ban công tác Mặt trận", variants: ["trưởng ban công tác mặt trận", "trưởng ban ct mặt trận", "trưởng ban ctmt", "trưởng ban công tác mttq"] },
];

/** Separators between posts held by one person ("Bí thư Chi bộ kiêm Trưởng thôn"). */
export const CONCURRENT_POST_SEPARATOR = /\s*(?:\bkiêm\b|\bkiêm nhiệm\b|\s\+\s|;|\/\s*(?=[a-zđ]))\s*/u;
