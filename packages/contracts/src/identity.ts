// Pure validation and masking rules for personal and organisational identifiers.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Check character of the first 17 digits of a 居民身份证 number (GB 11643). */
export function computeIdCardCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Why an 18-digit 居民身份证 number is invalid, or null when it is valid. */
export function checkIdCard(value: string): 'format' | 'birthdate' | 'checksum' | null {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'format';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'birthdate';
  if (date.getTime() > Date.now()) return 'birthdate';
  if (computeIdCardCheck(v) !== v[17]) return 'checksum';
  return null;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check character of the first 17 characters of a unified social credit code (GB 32100). */
export function computeUsccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Why a unified social credit code is invalid, or null when it is valid. */
export function checkUscc(value: string): 'format' | 'checksum' | null {
  const v = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return 'format';
  if (computeUsccCheck(v) !== v[17]) return 'checksum';
  return null;
}

/** Mainland mobile number: 11 digits starting with 1. */
export function isMobilePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value.trim());
}

/** 110***********1234 — first three and last four kept. */
export function maskIdCard(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.slice(0, 3) + '*'.repeat(Math.max(0, value.length - 7)) + value.slice(-4);
}

/** 138****1234 */
export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length < 8) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
