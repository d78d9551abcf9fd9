import { useTranslation } from 'react-i18next';

/** Select options of an enum with labels `<prefix>.<value>` from the dictionaries. */
export function useEnumOptions<V extends string>(prefix: string, values: readonly V[]): { value: V; label: string }[] {
  const { t } = useTranslation();
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}

/** Label of one enum value, or '' for none. */
export function useEnumLabel(prefix: string): (value: string | null | undefined) => string {
  const { t } = useTranslation();
  return (value) => (value ? t(`${prefix}.${value}`) : '');
}
