// Labels that need the dictionaries: region levels and subject levels of results.

/** `township` → 乡镇街道; `unit`/`point` → 责任单位/点位; anything else as it came. */
export function levelLabel(t: (k: string, o?: Record<string, unknown>) => string, level: string | undefined): string {
  if (!level) return '';
  if (level === 'unit' || level === 'point') return t(`evaluationSubjectKind.${level}`);
  return t(`regionLevel.${level}`, { defaultValue: level });
}
