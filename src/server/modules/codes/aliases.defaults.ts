/**
 * The ways offices commonly write codes in their sheets, shipped as aliases (ADR 028). Only
 * unambiguous ones: "LLCT" alone names the kind (political theory), not a level; "Cử nhân" is a
 * university degree in the education list and nothing in the political theory list.
 */
import { aliasKey } from '../../../contracts/code-aliases';
import type { Queryable } from '../../db/client';
import { codeAliases } from '../../db/schema/index';

export const DEFAULT_ALIASES: Record<string, Record<string, string[]>> = {
  qualification_kind: {
    EDUCATION: ['Chuyên môn', 'Trình độ chuyên môn nghiệp vụ'],
    POLITICAL_THEORY: ['LLCT', 'Chính trị'],
    STATE_MANAGEMENT: ['QLNN', 'Quản lý nhà nước'],
    IT: ['CNTT', 'Công nghệ thông tin'],
    FOREIGN_LANGUAGE: ['NN'],
    DEFENCE_SECURITY: ['QP-AN', 'QPAN', 'Quốc phòng an ninh'],
  },
  level_POLITICAL_THEORY: {
    SO_CAP: ['Sơ cấp LLCT', 'SC LLCT', 'Sơ cấp lý luận chính trị', 'Sơ cấp chính trị'],
    TRUNG_CAP: ['Trung cấp LLCT', 'TC LLCT', 'TCLLCT', 'Trung cấp lý luận chính trị', 'Trung cấp chính trị'],
    CAO_CAP: [
      'Cao cấp LLCT',
      'CC LLCT',
      'CCLLCT',
      'Cao cấp lý luận chính trị',
      'Cao cấp chính trị',
      'Cao cấp lý luận',
    ],
    CU_NHAN_CT: ['Cử nhân LLCT', 'Cử nhân lý luận chính trị'],
  },
  /** Posts as offices write them in sheets (ADR 036); the unit name after the title is not part of it. */
  post: {
    CT_UBND_XA: ['Chủ tịch UBND xã', 'Chủ tịch UBND phường', 'Chủ tịch Ủy ban nhân dân xã'],
    PCT_UBND_XA: ['Phó Chủ tịch UBND xã', 'Phó Chủ tịch UBND phường', 'Phó Chủ tịch Ủy ban nhân dân xã'],
    BT_DU_XA: ['Bí thư Đảng ủy xã', 'Bí thư Đảng ủy phường'],
    CT_MTTQ_XA: ['Chủ tịch Ủy ban MTTQ xã', 'Chủ tịch UBMTTQ xã'],
    CT_HPN_XA: ['Chủ tịch Hội Liên hiệp Phụ nữ', 'Chủ tịch Hội LHPN xã'],
    PCT_HPN_XA: ['Phó Chủ tịch Hội Liên hiệp Phụ nữ'],
    CT_HND_XA: ['Chủ tịch Hội Nông dân'],
    PCT_HND_XA: ['Phó Chủ tịch Hội Nông dân'],
    CT_HCCB_XA: ['Chủ tịch Hội Cựu chiến binh'],
    PCT_HCCB_XA: ['Phó Chủ tịch Hội Cựu chiến binh'],
    BT_DTN_XA: ['Bí thư Đoàn Thanh niên'],
    PBT_DTN_XA: ['Phó Bí thư Đoàn Thanh niên'],
  },
  level_EDUCATION: {
    TRUNG_CAP: ['TC', 'Trung cấp chuyên nghiệp'],
    CAO_DANG: ['CĐ'],
    DAI_HOC: ['Cử nhân', 'ĐH', 'Kỹ sư', 'Đại học chính quy'],
    THAC_SI: ['ThS', 'Thạc sỹ', 'Cao học'],
    TIEN_SI: ['TS', 'Tiến sỹ'],
  },
  level_STATE_MANAGEMENT: {
    CV: ['Chuyên viên', 'QLNN ngạch chuyên viên'],
    CVC: ['Chuyên viên chính', 'QLNN ngạch chuyên viên chính'],
    CVCC: ['Chuyên viên cao cấp', 'QLNN ngạch chuyên viên cao cấp'],
  },
  level_IT: {
    CO_BAN: ['CNTT cơ bản', 'Tin học cơ bản'],
    NANG_CAO: ['CNTT nâng cao', 'Tin học nâng cao'],
  },
  level_FOREIGN_LANGUAGE: {
    BAC_1: ['A1'],
    BAC_2: ['A2'],
    BAC_3: ['B1'],
    BAC_4: ['B2'],
    BAC_5: ['C1'],
    BAC_6: ['C2'],
  },
  annual_rating: {
    EXCELLENT: ['Xuất sắc', 'HTXSNV', 'HTXS'],
    GOOD: ['Tốt', 'HTTNV', 'HTT'],
    COMPLETED: ['Hoàn thành', 'HTNV', 'HT'],
    FAILED: ['Không hoàn thành', 'KHTNV', 'KHT'],
  },
  gender: {
    M: ['Nam giới'],
    F: ['Nữ giới'],
  },
};

/** The default aliases as rows. */
export function defaultAliasRows(): (typeof codeAliases.$inferInsert)[] {
  return Object.entries(DEFAULT_ALIASES).flatMap(([list, byCode]) =>
    Object.entries(byCode).flatMap(([code, aliases]) =>
      aliases.map((alias) => ({ list, code, alias, aliasKey: aliasKey(alias), builtIn: true })),
    ),
  );
}

/**
 * Insert the default aliases. Idempotent: a key already in the list (an admin's alias, or a
 * default the admin deleted, whose row stays) is left alone. Call after the code lists.
 */
export async function seedCodeAliases(db: Queryable): Promise<number> {
  const inserted = await db
    .insert(codeAliases)
    .values(defaultAliasRows())
    .onConflictDoNothing()
    .returning({ id: codeAliases.id });
  return inserted.length;
}
