import fs from 'node:fs';
import path from 'node:path';
import {
  activityTypes,
  availabilitySlots,
  educationLevels,
  orderActions,
  orderStatuses,
  orderUrgencies,
  politicalStatuses,
  serviceCategories,
  timebankJournalKinds,
  volunteerSkills,
} from '@wenming/contracts';
import { describe, expect, it } from 'vitest';
import { allMessages } from '../../app/messages';

const here = path.dirname(new URL(import.meta.url).pathname);
const sources = [here, path.join(here, 'components'), path.resolve(here, '../../mobile/pages/volunteer')].flatMap(
  (dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8')),
);

describe('volunteering messages', () => {
  it('has every literal key the phone pages use, in three languages', () => {
    const keys = new Set(sources.flatMap((src) => [...src.matchAll(/\bt\('([a-zA-Z.]+)'/g)].map((m) => m[1])));
    expect(keys.size).toBeGreaterThan(50);
    for (const key of keys) {
      expect(allMessages[key], key).toBeDefined();
      expect(
        allMessages[key].every((text) => text.trim().length > 0),
        key,
      ).toBe(true);
    }
  });

  it('names every code of the contracts the pages show', () => {
    const expected = [
      ...volunteerSkills.map((s) => `mvol.skill.${s}`),
      ...activityTypes.map((s) => `mvol.activityType.${s}`),
      ...politicalStatuses.map((s) => `mvol.political.${s}`),
      ...educationLevels.map((s) => `mvol.education.${s}`),
      ...availabilitySlots.flatMap((s) => s.split('_').map((p, i) => `mvol.${i === 0 ? 'weekday' : 'dayPart'}.${p}`)),
      ...orderStatuses.map((s) => `msvc.status.${s}`),
      ...orderActions.map((s) => `msvc.action.${s}`),
      ...orderUrgencies.map((s) => `msvc.urgencyName.${s}`),
      ...serviceCategories.map((s) => `msvc.category.${s}`),
      ...timebankJournalKinds.map((s) => `mtb.kind.${s}`),
    ];
    for (const key of expected) expect(allMessages[key], key).toBeDefined();
  });
});
