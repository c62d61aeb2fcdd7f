/**
 * The documents the default pack cites (rules, programmes, policy values, code lists), each with
 * what was checked against its text on 07/12/2026 (issue 16, ADR 049): number, issuer, dates,
 * the article read, what it says, and the page read. `status: 'open'` means some part could not
 * be checked: it is listed as open in docs/guide/standards-needs-ratings.md (section 6, a test
 * keeps the two in step) and no certificate prints any citation.
 */
export interface LegalReference {
  /** Kind and number/symbol, as cited: "Nghị định 171/2025/NĐ-CP". */
  document: string;
  issuer: string;
  /** Date of issue (yyyy-mm-dd), when known. */
  issuedOn?: string;
  /** In force from / until (yyyy-mm-dd), when known. */
  effectiveFrom?: string;
  effectiveTo?: string;
  /** The article (and clause) read, when the page read names it. */
  article?: string;
  /** What the text says, as far as the pack uses it. */
  says: string;
  /** The page read. */
  url?: string;
  status: 'checked' | 'open';
  /** What is still open (status 'open'). */
  open?: string;
}

export const LEGAL_REFERENCES = {
  LAW80: {
    document: 'Luật Cán bộ, công chức số 80/2025/QH15',
    issuer: 'Quốc hội',
    issuedOn: '2025-06-24',
    effectiveFrom: '2025-07-01',
    article: 'Chương VII, điều về hiệu lực thi hành, khoản 1',
    says: 'Có hiệu lực từ 01/7/2025 (riêng đánh giá công chức, Mục 3 Chương IV, từ 01/01/2026); cán bộ, công chức ở trung ương, cấp tỉnh, cấp xã (không còn nhóm riêng "cán bộ, công chức cấp xã").',
    url: 'https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Luat-Can-bo-cong-chuc-2025-so-80-2025-QH15-649688.aspx',
    status: 'checked',
  },
  D171: {
    document: 'Nghị định 171/2025/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: '2025-06-30',
    effectiveFrom: '2025-07-01',
    article: 'Điều 1 (phạm vi: công chức)',
    says: 'Quy định về đào tạo, bồi dưỡng công chức (cơ quan Đảng, Nhà nước, Mặt trận, tổ chức chính trị - xã hội ở trung ương, cấp tỉnh, cấp xã); cử đi sau đại học: không quá 45 tuổi tính từ khi được cử đi lần đầu, cam kết phục vụ ít nhất gấp 03 lần thời gian đào tạo (trước đây gấp 02 lần).',
    url: 'https://thuviennhadat.vn/vbpl/nghi-dinh-171-2025-nd-cp-quy-dinh-ve-dao-tao-boi-duong-cong-chuc-663215.html',
    status: 'open',
    open: 'Ngày hiệu lực 01/7/2025 theo domain.md (trang đã đọc ẩn ngày hiệu lực); số điều của điều kiện sau đại học (45 tuổi, 3 năm công tác, 2 năm hoàn thành tốt, gấp 3 lần), đọc qua bản tóm tắt của Sở Nội vụ Điện Biên.',
  },
  D101: {
    document: 'Nghị định 101/2017/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: '2017-09-01',
    effectiveFrom: '2017-10-15',
    effectiveTo: '2025-07-01',
    says: 'Đào tạo, bồi dưỡng cán bộ, công chức, viên chức (ngày 01/9/2017, dẫn trong phần căn cứ của Thông tư 07/2023/TT-BNV); cam kết phục vụ sau đào tạo sau đại học ít nhất gấp 02 lần thời gian đào tạo (theo Sở Nội vụ Điện Biên khi so với Nghị định 171/2025).',
    url: 'https://snv.dienbien.gov.vn/vi/news/cong-chuc-vien-chuc/chinh-phu-ban-hanh-quy-dinh-moi-ve-dao-tao-boi-duong-cong-chuc-672.html',
    status: 'open',
    open: 'Ngày hiệu lực 15/10/2017 và ngày hết hiệu lực (thay bởi Nghị định 171/2025) chưa đọc trong văn bản; số điều của cam kết gấp 2 lần.',
  },
  D89: {
    document: 'Nghị định 89/2021/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: '2021-10-18',
    effectiveFrom: '2021-12-10',
    effectiveTo: '2025-07-01',
    says: 'Sửa đổi, bổ sung một số điều của Nghị định 101/2017/NĐ-CP (ngày 18/10/2021, dẫn trong phần căn cứ của Thông tư 07/2023/TT-BNV).',
    url: 'https://hethongphapluat.com/thong-tu-07-2023-tt-bnv-quy-dinh-tieu-chi-tieu-chuan-danh-gia-chat-luong-va-nghiem-thu-dich-vu-su-nghiep-cong-su-dung-ngan-sach-nha-nuoc-thuoc-linh-vuc-noi-vu-ve-boi-duong-can-bo-cong-chuc-vien-chuc-do-bo-truong-bo-noi-vu-ban-hanh.html',
    status: 'open',
    open: 'Ngày hiệu lực 10/12/2021 và việc bãi bỏ mức tối thiểu 40 tiết/năm chưa đọc trong văn bản.',
  },
  Q350: {
    document: 'Quy định 350-QĐ/TW',
    issuer: 'Ban Bí thư',
    issuedOn: '2025-08-29',
    effectiveFrom: '2025-08-29',
    says: 'Đối tượng, tiêu chuẩn và phân cấp đào tạo lý luận chính trị. Trung cấp: đối tượng từ phó trưởng phòng (tương đương) trở lên; tiêu chuẩn: đảng viên, tốt nghiệp cao đẳng trở lên, hai năm liền kề hoàn thành tốt nhiệm vụ trở lên. Cao cấp: trưởng phòng cấp xã trở lên; chủ tịch HĐND, UBND, UBMTTQ cấp xã; trưởng phòng cấp tỉnh trở lên.',
    url: 'https://hcma.vn/Pages/chi-tiet-tin.aspx?ItemID=19863&cm=28',
    status: 'open',
    open: 'Số điều của từng đối tượng, tiêu chuẩn; hiệu lực từ ngày ký chưa đọc trong văn bản.',
  },
  D335: {
    document: 'Nghị định 335/2025/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: '2025-12-21',
    effectiveFrom: '2026-01-01',
    article: 'Điều quy định mức xếp loại công chức, khoản 5 điểm a',
    says: 'Thang 100 điểm: từ 90 hoàn thành xuất sắc, 70 đến dưới 90 hoàn thành tốt, 50 đến dưới 70 hoàn thành; số "xuất sắc" không quá 20% số "hoàn thành tốt" trong cùng cơ quan, đơn vị và từng nhóm công chức có nhiệm vụ tương đồng. Hiệu lực 01/01/2026 (trước đó Nghị định 90/2020, sửa bởi 48/2023: tỷ lệ xuất sắc không quá tỷ lệ đảng viên xuất sắc, không có trần 20%).',
    url: 'https://cafef.vn/cong-chuc-khong-hoan-thanh-nhiem-vu-trong-truong-hop-nao-188251228100335529.chn',
    status: 'open',
    open: 'Ngày ban hành 21/12/2025 và số điều chưa đọc trong văn bản (hiệu lực 01/01/2026 đọc ở laodong.vn).',
  },
  T03_2023: {
    document: 'Thông tư 03/2023/TT-BNV',
    issuer: 'Bộ Nội vụ',
    article: 'Điều 12 khoản 2',
    says: 'Chậm nhất sau 15 ngày kể từ ngày đoàn về nước, báo cáo của học viên gửi cơ quan quyết định thành lập đoàn và cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức.',
    url: 'https://thuvienphapluat.vn/lao-dong-tien-luong/tim-kiem?loc=right_news&page=163&q=V%E1%BB%A5+Th%E1%BB%91ng+k%C3%AA+Gi%C3%A1',
    status: 'open',
    open: 'Ngày ban hành, ngày hiệu lực; còn hiệu lực sau khi Nghị định 101/2017 mà thông tư hướng dẫn bị thay bởi Nghị định 171/2025 hay không.',
  },
  T01_2018: {
    document: 'Thông tư 01/2018/TT-BNV',
    issuer: 'Bộ Nội vụ',
    says: 'Hướng dẫn Nghị định 101/2017 (cấp chứng chỉ: học đủ thời gian, mọi bài đạt từ 5/10, chấp hành quy chế), theo domain.md.',
    status: 'open',
    open: 'Không tìm thấy văn bản trong nguồn tra cứu: ngày, điều khoản về chứng chỉ chưa đối chiếu.',
  },
  T36_2018: {
    document: 'Thông tư 36/2018/TT-BTC',
    issuer: 'Bộ Tài chính',
    effectiveFrom: '2018-05-13',
    article: 'Điều 5 (nội dung chi)',
    says: 'Lập dự toán, quản lý, sử dụng và quyết toán kinh phí đào tạo, bồi dưỡng cán bộ, công chức, viên chức (theo domain.md).',
    status: 'open',
    open: 'Không tìm thấy văn bản, lần sửa đổi hay văn bản thay thế trong nguồn tra cứu; ngày, Điều 5 và mức chi (thưởng tới 200.000 đồng) chưa đối chiếu.',
  },
  Q89_2017: {
    document: 'Quy định 89-QĐ/TW',
    issuer: 'Bộ Chính trị',
    issuedOn: '2017-08-04',
    effectiveFrom: '2017-08-04',
    says: 'Khung tiêu chuẩn chức danh, định hướng khung tiêu chí đánh giá cán bộ lãnh đạo, quản lý (theo trí nhớ).',
    status: 'open',
    open: 'Chưa đối chiếu văn bản; có thể đã được thay thế.',
  },
  T2_2021: {
    document: 'Thông tư 2/2021/TT-BNV',
    issuer: 'Bộ Nội vụ',
    issuedOn: '2021-06-11',
    effectiveFrom: '2021-08-01',
    says: 'Mã số, tiêu chuẩn chuyên môn, nghiệp vụ và xếp lương đối với các ngạch công chức chuyên ngành hành chính và văn thư (tên văn bản đọc ở hoatieu.vn).',
    url: 'https://hoatieu.vn/download/phap-luat/thong-tu-2-2021-tt-bnv-tieu-chuan-xep-luong-doi-voi-cong-chuc-hanh-chinh-van-thu-208909',
    status: 'open',
    open: 'Ngày, hiệu lực và điều khoản về trình độ đại học chưa đối chiếu.',
  },
  D33_2023: {
    document: 'Nghị định 33/2023/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: '2023-06-10',
    effectiveFrom: '2023-08-01',
    says: 'Cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã (tiêu chuẩn cán bộ cấp xã), theo trí nhớ.',
    status: 'open',
    open: 'Chưa đối chiếu văn bản; hiệu lực sau 01/7/2025 (bỏ cấp huyện, Luật 80/2025) chưa rõ.',
  },
  D13_2014: {
    document: 'Nghị định 13/2014/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: '2014-02-25',
    says: 'Hướng dẫn Luật Giáo dục quốc phòng và an ninh (đối tượng bồi dưỡng kiến thức quốc phòng và an ninh), theo trí nhớ.',
    status: 'open',
    open: 'Chưa đối chiếu văn bản, ngày hiệu lực và các nhóm đối tượng.',
  },
  LAW_QPAN: {
    document: 'Luật Giáo dục quốc phòng và an ninh 2013',
    issuer: 'Quốc hội',
    issuedOn: '2013-06-19',
    says: 'Luật ngày 19/6/2013 (dẫn trong phần căn cứ của Nghị định 171/2025).',
    url: 'https://thuviennhadat.vn/vbpl/nghi-dinh-171-2025-nd-cp-quy-dinh-ve-dao-tao-boi-duong-cong-chuc-663215.html',
    status: 'open',
    open: 'Ngày hiệu lực chưa đối chiếu.',
  },
  T03_2014_BTTTT: {
    document: 'Thông tư 03/2014/TT-BTTTT',
    issuer: 'Bộ Thông tin và Truyền thông',
    says: 'Chuẩn kỹ năng sử dụng công nghệ thông tin (theo trí nhớ).',
    status: 'open',
    open: 'Chưa đối chiếu văn bản.',
  },
  DA06: {
    document: 'Đề án 06/QĐ-TTg',
    issuer: 'Thủ tướng Chính phủ',
    says: 'Đề án phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử (theo trí nhớ).',
    status: 'open',
    open: 'Chưa đối chiếu văn bản.',
  },
  BTGDV: {
    document: 'Hướng dẫn của Ban Tuyên giáo và Dân vận Trung ương',
    issuer: 'Ban Tuyên giáo và Dân vận Trung ương',
    issuedOn: '2025-02-03',
    effectiveFrom: '2025-02-03',
    says: 'Ban Tuyên giáo và Dân vận Trung ương được lập khi hợp nhất Ban Tuyên giáo Trung ương và Ban Dân vận Trung ương (công bố ngày 03/02/2025).',
    url: 'https://znews.vn/ong-nguyen-trong-nghia-lam-truong-ban-tuyen-giao-va-dan-van-trung-uong-post1527701.html',
    status: 'open',
    open: 'Số, ngày của hướng dẫn chương trình Sơ cấp lý luận chính trị chưa tìm thấy (tên cơ quan đã đối chiếu).',
  },
} as const satisfies Record<string, LegalReference>;

export type ReferenceKey = keyof typeof LEGAL_REFERENCES;

/** Policy values that are a province's own choice, not a central document. */
export const PROVINCIAL_POLICY = 'Chính sách của tỉnh';
