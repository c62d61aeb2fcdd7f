/**
 * Vietnamese personal names for synthetic staff. Family names follow the national distribution
 * (Nguyễn ~38%); minority peoples of Quảng Ninh (Tày, Dao, Sán Dìu, Sán Chay, Hoa) have their own
 * common family names. Middle and given names depend on gender.
 */
import { type Rng, Weighted, chance, zipf } from './random';

export type Gender = 'M' | 'F';

// Shares in percent, roughly the national figures (northern province: few Huỳnh/Võ).
const KINH_FAMILY = new Weighted<string>([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7.1],
  ['Hoàng', 5.1],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Đinh', 0.9],
  ['Đào', 0.8],
  ['Lý', 0.5],
  ['Trịnh', 0.6],
  ['Mai', 0.5],
  ['Lương', 0.5],
  ['Huỳnh', 0.5],
  ['Võ', 0.5],
  ['Tạ', 0.3],
  ['Hà', 0.4],
  ['Nghiêm', 0.2],
  ['Cao', 0.3],
  ['Chu', 0.2],
  ['Lưu', 0.3],
  ['Tô', 0.2],
  ['Văn', 0.15],
  ['Phùng', 0.25],
  ['Kiều', 0.15],
  ['Doãn', 0.1],
]);

const MINORITY_FAMILY: Record<string, Weighted<string>> = {
  TAY: new Weighted([
    ['Hoàng', 20],
    ['Nông', 14],
    ['Lương', 10],
    ['Hà', 8],
    ['Vi', 8],
    ['Lộc', 6],
    ['Mạc', 5],
    ['Lăng', 4],
    ['Triệu', 4],
    ['Nguyễn', 6],
    ['Đàm', 4],
  ]),
  DAO: new Weighted([
    ['Triệu', 22],
    ['Bàn', 18],
    ['Đặng', 14],
    ['Lý', 12],
    ['Chìu', 8],
    ['Phùn', 6],
    ['Tằng', 5],
    ['Dương', 4],
  ]),
  SAN_DIU: new Weighted([
    ['Diệp', 15],
    ['Lý', 12],
    ['Trương', 10],
    ['Lục', 10],
    ['Lam', 8],
    ['Đàm', 6],
    ['Nịnh', 5],
    ['Lê', 5],
  ]),
  SAN_CHAY: new Weighted([
    ['Hoàng', 15],
    ['Lâm', 12],
    ['La', 10],
    ['Ninh', 8],
    ['Vi', 6],
    ['Chu', 5],
    ['Sằm', 5],
  ]),
  HOA: new Weighted([
    ['Lý', 12],
    ['Trương', 10],
    ['Hoàng', 10],
    ['Lưu', 8],
    ['Chu', 6],
    ['Dương', 6],
    ['Tăng', 5],
    ['Quan', 4],
  ]),
};

const MIDDLE: Record<Gender, Weighted<string>> = {
  M: new Weighted([
    ['Văn', 34],
    ['Đức', 8],
    ['Minh', 8],
    ['Hữu', 6],
    ['Quang', 6],
    ['Mạnh', 4],
    ['Thanh', 4],
    ['Xuân', 4],
    ['Ngọc', 3],
    ['Công', 4],
    ['Duy', 3],
    ['Trọng', 3],
    ['Quốc', 3],
    ['Việt', 2],
    ['Thế', 2],
    ['Đình', 3],
    ['Tiến', 2],
    ['Hoàng', 2],
    ['Anh', 2],
    ['Trung', 2],
  ]),
  F: new Weighted([
    ['Thị', 46],
    ['Thu', 7],
    ['Ngọc', 6],
    ['Thanh', 6],
    ['Minh', 4],
    ['Phương', 4],
    ['Hồng', 4],
    ['Thùy', 4],
    ['Kim', 3],
    ['Hải', 2],
    ['Bích', 2],
    ['Mai', 2],
    ['Diệu', 2],
    ['Hoài', 2],
    ['Khánh', 2],
    ['Quỳnh', 2],
    ['Lan', 1],
  ]),
};

// Second middle names, for the few people with four-word names ("Nguyễn Thị Thu Hà").
const SECOND_MIDDLE: Record<Gender, readonly string[]> = {
  M: ['Đức', 'Minh', 'Quang', 'Tuấn', 'Hoàng', 'Anh'],
  F: ['Thu', 'Thanh', 'Ngọc', 'Hồng', 'Minh', 'Phương'],
};

// Ordered from most to least common; drawn with Zipf weights.
const GIVEN: Record<Gender, Weighted<string>> = {
  M: zipf(
    [
      'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Hải', 'Nam', 'Long', 'Cường', 'Thắng', 'Sơn', 'Trung', 'Hưng',
      'Hiếu', 'Quân', 'Đức', 'Huy', 'Thành', 'Tùng', 'Hoàng', 'Phong', 'Khánh', 'Bình', 'Hòa', 'Kiên',
      'Toàn', 'Tiến', 'Thịnh', 'Vinh', 'Quang', 'Anh', 'Việt', 'Lâm', 'Đạt', 'Khoa', 'Phúc', 'Trọng',
      'Chiến', 'Thái', 'Tâm', 'Nghĩa', 'Lợi', 'Hậu', 'Tài', 'Công', 'Thanh', 'Quý', 'Vũ', 'Hà', 'Duy',
      'Dương', 'Giang', 'Hoàn', 'Lực', 'Mạnh', 'Ninh', 'Phương', 'Tân', 'Thiện', 'Thuận', 'Tú', 'Luân',
    ],
    0.8,
  ),
  F: zipf(
    [
      'Hương', 'Lan', 'Hằng', 'Linh', 'Trang', 'Thảo', 'Hà', 'Mai', 'Ngọc', 'Phương', 'Nga', 'Huyền',
      'Yến', 'Dung', 'Hạnh', 'Thủy', 'Nhung', 'Oanh', 'Hoa', 'Loan', 'Vân', 'Thu', 'Hiền', 'Quỳnh',
      'Anh', 'Duyên', 'Giang', 'Nhàn', 'Tâm', 'Thúy', 'Liên', 'Hồng', 'Trâm', 'Vy', 'Nhi', 'Chi',
      'Diệp', 'Hậu', 'Huệ', 'Lý', 'Minh', 'My', 'Nguyệt', 'Phượng', 'Sen', 'Tuyết', 'Uyên', 'Xuân',
      'Ánh', 'Bích', 'Châu', 'Dịu', 'Gấm', 'Thơ', 'Trinh', 'Vui',
    ],
    0.8,
  ),
};

/** A whole name, family name first ("Nguyễn Văn Hùng"). */
export function drawName(rng: Rng, gender: Gender, ethnicity: string): string {
  const families = MINORITY_FAMILY[ethnicity];
  // Many minority people carry Kinh-looking family names too.
  const family = families && !chance(rng, 0.25) ? families.draw(rng) : KINH_FAMILY.draw(rng);
  let middle = MIDDLE[gender].draw(rng);
  if (chance(rng, 0.06)) {
    const second = SECOND_MIDDLE[gender][Math.floor(rng() * SECOND_MIDDLE[gender].length)];
    if (second !== middle) middle = `${middle} ${second}`;
  }
  let given = GIVEN[gender].draw(rng);
  if (middle.endsWith(given)) given = GIVEN[gender].draw(rng);
  return `${family} ${middle} ${given}`;
}
