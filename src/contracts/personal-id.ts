/**
 * CCCD (personal identity number) checks from domain.md: 12 digits; digits 1-3 the province of
 * birth registration, digit 4 gender and century (0/1 male/female 1900s, 2/3 2000s, 4/5 2100s),
 * digits 5-6 the last two digits of the birth year. A mismatch is a warning, not an error: old
 * records carry typing mistakes that offices must see and fix.
 */
export interface IdWarning {
  code: 'ID_GENDER_MISMATCH' | 'ID_CENTURY_MISMATCH' | 'ID_YEAR_MISMATCH';
  vi: string;
  en: string;
}

export function personalIdWarnings(
  personalId: string | null | undefined,
  birthDate: string | null | undefined,
  gender: string,
): IdWarning[] {
  if (!personalId || !/^\d{12}$/.test(personalId)) return [];
  const out: IdWarning[] = [];
  const g = Number(personalId[3]);
  const idFemale = g % 2 === 1;
  if ((gender === 'F') !== idFemale && (gender === 'F' || gender === 'M'))
    out.push({
      code: 'ID_GENDER_MISMATCH',
      vi: 'Chữ số thứ 4 của số định danh không khớp với giới tính.',
      en: 'The 4th digit of the personal ID does not match the gender.',
    });
  if (birthDate) {
    const year = Number(birthDate.slice(0, 4));
    const century = 1900 + Math.floor(g / 2) * 100;
    if (year < century || year >= century + 100)
      out.push({
        code: 'ID_CENTURY_MISMATCH',
        vi: 'Chữ số thứ 4 của số định danh không khớp với thế kỷ của năm sinh.',
        en: 'The 4th digit of the personal ID does not match the birth century.',
      });
    if (personalId.slice(4, 6) !== String(year % 100).padStart(2, '0'))
      out.push({
        code: 'ID_YEAR_MISMATCH',
        vi: 'Chữ số thứ 5-6 của số định danh không khớp với năm sinh.',
        en: 'Digits 5-6 of the personal ID do not match the birth year.',
      });
  }
  return out;
}
