// Every code the product shows (roles, scopes, audit actions and object types, states, kinds, workbench keys) has a
// label in zh-CN, zh-TW and en, here in one place shared by the server's documents and the UI. code-labels.test.ts
// fails when a code of a listed family has none.
import { auditObjectLabels, auditVerbLabels } from './code-labels-audit';
import { orgCodeLabels } from './code-labels-org';
import { selectionCodeLabels } from './code-labels-selections';
import { serviceCodeLabels } from './code-labels-service';
import { surveyCodeLabels } from './code-labels-survey';
import type { Label, LabelDict } from './code-labels-types';
import { workCodeLabels } from './code-labels-work';
import { workbenchCodeLabels } from './code-labels-workbench';
import { venueNewsCodeLabels } from './code-labels-venues';
import type { Language } from './common';

export type { Label, LabelDict } from './code-labels-types';

/** All code labels, keyed `family.code`. */
export const codeLabels: LabelDict = {
  ...orgCodeLabels,
  ...workCodeLabels,
  ...serviceCodeLabels,
  ...auditObjectLabels,
  ...auditVerbLabels,
  ...workbenchCodeLabels,
  ...surveyCodeLabels,
  ...selectionCodeLabels,
  ...venueNewsCodeLabels,
};

const index: Record<Language, 0 | 1 | 2> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/** The labels of one family as `{code: label}` (e.g. `codeNames('orderStatus').submitted`). */
export function codeNames(family: string): Record<string, Label> {
  const prefix = `${family}.`;
  return Object.fromEntries(
    Object.entries(codeLabels)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** A code's label in a language, or null when the code has none. */
export function findCodeLabel(family: string, code: string, lang: Language = 'zh-CN'): string | null {
  return codeLabels[`${family}.${code}`]?.[index[lang]] ?? null;
}

/** The verb of an action code in a language: its own label, else the problem, order or task action's. */
function verbLabel(verb: string, lang: Language): string | null {
  for (const family of ['auditVerb', 'problemAction', 'orderAction', 'taskAction', 'tbJournalKind']) {
    const label = findCodeLabel(family, verb, lang);
    if (label) return label;
  }
  return null;
}

/**
 * An audit action code in words: 「问题 · 验收通过」 for `problem.verify`. Null when a part has no label, which the
 * label tests treat as a missing label.
 */
export function findAuditActionLabel(action: string, lang: Language = 'zh-CN'): string | null {
  const dot = action.lastIndexOf('.');
  const object = dot > 0 ? findCodeLabel('auditObject', action.slice(0, dot), lang) : null;
  const verb = verbLabel(action.slice(dot + 1), lang);
  if (!verb || (dot > 0 && !object)) return null;
  return object ? `${object} · ${verb}` : verb;
}

/** An audit action in words, or the code itself when unlabelled (never hidden from an auditor). */
export function auditActionLabel(action: string, lang: Language = 'zh-CN'): string {
  return findAuditActionLabel(action, lang) ?? action;
}
