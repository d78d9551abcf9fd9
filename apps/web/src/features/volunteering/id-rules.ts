// Client-side checks of the registration form, the same rules the server applies (GB 11643 check digit).
import { checkIdCard, isMobilePhone } from '@wenming/contracts';
import type { TFunction } from 'i18next';

/** An antd-mobile Form rule validating a 居民身份证 number with its check digit. */
export function idCardRule(t: TFunction) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value?.trim()) throw new Error(t('mvol.register.required', { field: t('mvol.register.idNumber') }));
      const why = checkIdCard(value);
      if (why) throw new Error(t(`mvol.id.${why}`));
    },
  };
}

/** An antd-mobile Form rule for an 11-digit mainland mobile number; `optional` lets it be empty. */
export function phoneRule(t: TFunction, optional = false) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value?.trim()) {
        if (optional) return;
        throw new Error(t('mvol.register.required', { field: t('mvol.register.phone') }));
      }
      if (!isMobilePhone(value)) throw new Error(t('mvol.phone.invalid'));
    },
  };
}
