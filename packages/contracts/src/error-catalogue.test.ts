// The error catalogue is complete: every code has a status and a message in each UI language, and the error
// handler's translation finds it. The server side (a code thrown without an entry) is checked by tsc: fail() takes
// only catalogued codes.
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from './error-catalogue';
import { errorStatuses } from './errors';
import { translateError } from './messages';

describe('error catalogue', () => {
  const entries = Object.entries(errorCatalogue);

  it('has more than a hundred codes, each with a status and three messages', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [code, def] of entries) {
      expect(def.status, code).toBeGreaterThanOrEqual(400);
      expect(errorStatuses[code], code).toBe(def.status);
      expect(def.message, code).toHaveLength(3);
      for (const text of def.message) expect(text.trim().length, code).toBeGreaterThan(0);
      // zh-CN is Chinese, en is not
      expect(def.message[0], code).toMatch(/\p{Script=Han}/u);
      expect(def.message[2], code).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('translates every code into each language from its entry', () => {
    for (const [code, def] of entries) {
      expect(translateError(code, 'zh-CN'), code).toBe(def.message[0]);
      expect(translateError(code, 'zh-TW'), code).toBe(def.message[1]);
      expect(translateError(code, 'en'), code).toBe(def.message[2]);
    }
  });
});
