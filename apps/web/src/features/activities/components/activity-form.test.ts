import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toActivityBody } from './activity-form';

describe('toActivityBody', () => {
  it('sends instants, defaults and nulls for blanks', () => {
    const body = toActivityBody(
      {
        title: ' 清洁家园 ',
        type: 'environment',
        regionCode: '620302001001',
        place: '广场',
        lat: 38.5,
        lng: 102.2,
        startsAt: dayjs('2026-03-01T01:00:00Z'),
        endsAt: dayjs('2026-03-01T03:00:00Z'),
        recruitLimit: 20,
        description: '  ',
      },
      'b1f1c7d2-5b1e-4c8e-9a70-1f0d1a2b3c4d',
    );
    expect(body).toMatchObject({
      id: 'b1f1c7d2-5b1e-4c8e-9a70-1f0d1a2b3c4d',
      title: '清洁家园',
      radiusM: 300,
      startsAt: '2026-03-01T01:00:00.000Z',
      endsAt: '2026-03-01T03:00:00.000Z',
      siteId: null,
      teamOnly: false,
      requiredSkills: [],
      description: null,
    });
  });
  it('leaves missing numbers out, so the server names the field', () => {
    const body = toActivityBody({ title: 'x', type: 'other', regionCode: '620302', place: 'p' });
    expect(body.lat).toBeUndefined();
    expect(body.recruitLimit).toBeUndefined();
    expect(body.startsAt).toBeUndefined();
  });
});
