/**
 * The password policy (ADR 027): a maintained strength estimator (zxcvbn-ts) with the common
 * leaked-password list and a Vietnamese dictionary (names, provinces, "matkhau", "123456a@"), and
 * the user's own username and name. Refused below score 3, with the estimator's hint in
 * Vietnamese and English. Every path that sets a password (create, reset, change, CLI) uses it.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { foldText } from '../../../contracts/text';
import type { Localized } from '../errors';
import { COMMON_WORDS, FAMILY_NAMES, GIVEN_NAMES, PROVINCES } from './vietnamese-words';

/** zxcvbn scores 0..4; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_SCORE = 3;
export const MIN_LENGTH = 8;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: {
      ...dictionary,
      viCommon: COMMON_WORDS,
      viFamilyNames: FAMILY_NAMES,
      viGivenNames: GIVEN_NAMES,
      viProvinces: PROVINCES,
    },
    useLevenshteinDistance: false,
  });
  return factory;
}

const WARNINGS: Record<string, Localized> = {
  straightRow: { vi: 'Một hàng phím liền nhau rất dễ đoán.', en: 'Straight rows of keys are easy to guess.' },
  keyPattern: { vi: 'Các phím gõ theo hình rất dễ đoán.', en: 'Short keyboard patterns are easy to guess.' },
  simpleRepeat: {
    vi: 'Ký tự lặp lại như "aaa" rất dễ đoán.',
    en: 'Repeated characters like "aaa" are easy to guess.',
  },
  extendedRepeat: {
    vi: 'Chuỗi lặp lại như "abcabc" rất dễ đoán.',
    en: 'Repeated patterns like "abcabc" are easy to guess.',
  },
  sequences: {
    vi: 'Dãy như "abc" hay "123" rất dễ đoán.',
    en: 'Sequences like "abc" or "123" are easy to guess.',
  },
  recentYears: { vi: 'Các năm gần đây rất dễ đoán.', en: 'Recent years are easy to guess.' },
  dates: { vi: 'Ngày tháng rất dễ đoán.', en: 'Dates are easy to guess.' },
  topTen: { vi: 'Đây là một trong 10 mật khẩu phổ biến nhất.', en: 'This is a top-10 common password.' },
  topHundred: {
    vi: 'Đây là một trong 100 mật khẩu phổ biến nhất.',
    en: 'This is a top-100 common password.',
  },
  common: {
    vi: 'Đây là mật khẩu thường dùng, đã bị lộ nhiều.',
    en: 'This is a commonly used, widely leaked password.',
  },
  similarToCommon: {
    vi: 'Mật khẩu gần giống một mật khẩu thường dùng.',
    en: 'This is similar to a commonly used password.',
  },
  wordByItself: { vi: 'Một từ đơn lẻ rất dễ đoán.', en: 'Single words are easy to guess.' },
  namesByThemselves: {
    vi: 'Họ hoặc tên đứng một mình rất dễ đoán.',
    en: 'Single names or surnames are easy to guess.',
  },
  commonNames: {
    vi: 'Họ tên và địa danh phổ biến rất dễ đoán.',
    en: 'Common names, surnames and places are easy to guess.',
  },
  userInputs: {
    vi: 'Mật khẩu không được chứa tên đăng nhập hay họ tên của bạn.',
    en: 'The password must not contain your username or name.',
  },
  pwned: { vi: 'Mật khẩu này đã bị lộ trên Internet.', en: 'This password was exposed in a data breach.' },
};

const SUGGESTIONS: Record<string, Localized> = {
  l33t: {
    vi: 'Thay chữ bằng số kiểu "@" cho "a" không làm mật khẩu mạnh hơn.',
    en: "Avoid predictable letter substitutions like '@' for 'a'.",
  },
  reverseWords: {
    vi: 'Viết ngược một từ thông dụng không làm mật khẩu mạnh hơn.',
    en: 'Avoid reversed spellings of common words.',
  },
  allUppercase: {
    vi: 'Viết hoa một vài chữ, không phải tất cả.',
    en: 'Capitalize some, but not all letters.',
  },
  capitalization: { vi: 'Viết hoa không chỉ chữ đầu.', en: 'Capitalize more than the first letter.' },
  dates: {
    vi: 'Tránh ngày tháng và năm gắn với bạn.',
    en: 'Avoid dates and years that are associated with you.',
  },
  recentYears: { vi: 'Tránh các năm gần đây.', en: 'Avoid recent years.' },
  associatedYears: { vi: 'Tránh các năm gắn với bạn.', en: 'Avoid years that are associated with you.' },
  sequences: { vi: 'Tránh các dãy ký tự liền nhau.', en: 'Avoid common character sequences.' },
  repeated: { vi: 'Tránh lặp lại từ và ký tự.', en: 'Avoid repeated words and characters.' },
  longerKeyboardPattern: {
    vi: 'Dùng hình gõ phím dài hơn và đổi hướng gõ nhiều lần.',
    en: 'Use longer keyboard patterns and change typing direction multiple times.',
  },
  anotherWord: { vi: 'Thêm những từ ít phổ biến hơn.', en: 'Add more words that are less common.' },
  useWords: {
    vi: 'Dùng nhiều từ ghép lại, tránh các cụm quen thuộc.',
    en: 'Use multiple words, but avoid common phrases.',
  },
  noNeed: {
    vi: 'Có thể tạo mật khẩu mạnh mà không cần ký hiệu, số hay chữ hoa.',
    en: 'You can create strong passwords without using symbols, numbers, or uppercase letters.',
  },
  pwned: {
    vi: 'Nếu bạn còn dùng mật khẩu này ở nơi khác, hãy đổi ngay.',
    en: 'If you use this password elsewhere, you should change it.',
  },
};

const BASE: Localized = {
  vi: 'Mật khẩu quá dễ đoán.',
  en: 'The password is too easy to guess.',
};
const FALLBACK_HINT: Localized = {
  vi: 'Hãy dùng một cụm vài từ ít gặp, ví dụ "Kho-doan-9-Ngua-Xanh".',
  en: 'Use a few uncommon words together, e.g. "Kho-doan-9-Ngua-Xanh".',
};

/** The user's own words: username and name, whole and in parts, folded (no accents). */
function ownWords(inputs: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const raw of inputs) {
    if (!raw) continue;
    const folded = foldText(raw).replace(/\s+/g, ' ').trim();
    out.add(folded.replace(/[^a-z0-9]/g, ''));
    for (const part of folded.split(/[^a-z0-9]+/)) if (part.length >= 3) out.add(part);
  }
  out.delete('');
  return [...out];
}

/** Why the password is refused (VI/EN, with the estimator's hint), or null when it is fine. */
export function passwordProblems(
  password: string,
  userInputs: (string | null | undefined)[] = [],
): Localized | null {
  const p = password.normalize('NFC');
  if (p.length < MIN_LENGTH)
    return {
      vi: `Mật khẩu cần ít nhất ${MIN_LENGTH} ký tự. ${FALLBACK_HINT.vi}`,
      en: `The password needs at least ${MIN_LENGTH} characters. ${FALLBACK_HINT.en}`,
    };
  // Accents dropped (case kept), so "Mật khẩu" meets the same dictionary word as "matkhau".
  const plain = p
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const own = ownWords(userInputs);
  // Spaces and separators between words do not hide a dictionary word ("Mat khau 123").
  const joined = plain.replace(/[\s._-]+/g, '');
  const results = [plain, ...(joined !== plain ? [joined] : [])].map((v) =>
    estimator().check(v.slice(0, 200), own),
  );
  const result = results.reduce((a, b) => (b.score < a.score ? b : a));
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  const suggestion = result.feedback.suggestions.map((s) => SUGGESTIONS[s]).find(Boolean) ?? FALLBACK_HINT;
  const parts = [BASE, ...(warning ? [warning] : []), suggestion];
  return { vi: parts.map((x) => x.vi).join(' '), en: parts.map((x) => x.en).join(' ') };
}
