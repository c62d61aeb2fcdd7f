/**
 * The code lists by name, in words, for messages: "mã X không có trong danh mục Đối tượng", never
 * the list's identifier ("danh mục category", issue 16). A list not named here (one an admin
 * added) is shown by its identifier.
 */
export const CODE_LIST_NAMES: Record<string, { vi: string; en: string }> = {
  category: { vi: 'Đối tượng (cán bộ, công chức, viên chức)', en: 'staff category' },
  rank: { vi: 'Ngạch, chức danh nghề nghiệp', en: 'rank or professional title' },
  leadership_tier: { vi: 'Cấp lãnh đạo', en: 'leadership tier' },
  unit_level: { vi: 'Cấp đơn vị', en: 'unit level' },
  unit_kind: { vi: 'Loại hình đơn vị', en: 'unit kind' },
  gender: { vi: 'Giới tính', en: 'gender' },
  ethnicity: { vi: 'Dân tộc', en: 'ethnicity' },
  status: { vi: 'Tình trạng công tác', en: 'employment status' },
  management_authority: { vi: 'Thẩm quyền quản lý', en: 'management authority' },
  qualification_kind: { vi: 'Loại trình độ, bằng cấp', en: 'qualification kind' },
  programme_kind: { vi: 'Loại chương trình đào tạo, bồi dưỡng', en: 'programme kind' },
  institution_kind: { vi: 'Loại cơ sở đào tạo', en: 'institution kind' },
  academic_title: { vi: 'Học hàm', en: 'academic title' },
  annual_rating: { vi: 'Xếp loại chất lượng hằng năm', en: 'annual rating' },
  reward_form: { vi: 'Hình thức khen thưởng', en: 'reward form' },
  discipline_form: { vi: 'Hình thức kỷ luật', en: 'discipline form' },
  funding_source: { vi: 'Nguồn kinh phí', en: 'funding source' },
  qualification_source: { vi: 'Nguồn dữ liệu bằng cấp', en: 'qualification source' },
};

/** The list's name in words: `level_X` lists are the levels of a qualification kind. */
export function codeListName(list: string): { vi: string; en: string } {
  if (list.startsWith('level_')) {
    const kind = list.slice(6);
    return { vi: `Trình độ (${kind})`, en: `levels of ${kind}` };
  }
  return CODE_LIST_NAMES[list] ?? { vi: list, en: list };
}
