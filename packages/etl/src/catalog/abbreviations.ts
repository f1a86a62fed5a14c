// Abbreviations of Vietnamese administrative writing, expanded before matching so "TTHC" and
// "thủ tục hành chính" are the same words. Case-sensitive: they are written in capitals.
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bDVCTT\b/g, "dịch vụ công trực tuyến"], [/\bTTHC\b/g, "thủ tục hành chính"], [/\bDVC\b/g, "dịch vụ công"],
  [/\bTMĐT(?![\p{L}])/gu, "thương mại điện tử"], [/\bCBCC\b/g, "cán bộ công chức"], [/\bCBCCVC\b/g, "cán bộ công chức viên chức"],
  [/\bQLNN\b/g, "quản lý nhà nước"], [/\bCSDL\b/g, "cơ sở dữ liệu"], [/\bCNTT\b/g, "công nghệ thông tin"],
  [/\bATTT\b/g, "an toàn thông tin"], [/\bDNNVV\b/g, "doanh nghiệp nhỏ và vừa"], [/\bDN\b/g, "doanh nghiệp"],
  [/\bHS\b/g, "hồ sơ"], [/\bBC\b/g, "báo cáo"], [/\bKT-XH\b/g, "kinh tế xã hội"], [/\bHĐĐT(?![\p{L}])/gu, "hợp đồng điện tử"],
  [/\bHSSKĐT(?![\p{L}])/gu, "hồ sơ sức khỏe điện tử"], [/\bCKS\b/g, "chữ ký số"], [/\bTT(?=\s*(và|đạt|$|[;.,]))/gu, "trực tuyến"],
];

/** "Hồ sơ giải quyết TTHC được xử lý hoàn toàn TT" → "Hồ sơ giải quyết thủ tục hành chính được xử lý hoàn toàn trực tuyến". */
export function expandAbbreviations(text: string): string {
  return ABBREVIATIONS.reduce((s, [re, full]) => s.replace(re, full), text);
}
