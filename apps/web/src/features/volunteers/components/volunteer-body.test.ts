import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { existingFrom, toVolunteerBody } from './volunteer-body';

describe('toVolunteerBody', () => {
  it('upper-cases the ID, trims, and sends blanks as null', () => {
    const body = toVolunteerBody({
      name: '王小明',
      idCard: ' 62030219900501123x ',
      phone: ' 13912345678 ',
      regionCode: '6203',
      emergencyName: '  ',
    });
    expect(body).toMatchObject({
      idCard: '62030219900501123X',
      phone: '13912345678',
      skills: [],
      availability: [],
      emergencyName: null,
      emergencyPhone: null,
      siteId: null,
    });
  });
});

describe('existingFrom', () => {
  it('reads the existing record of a 409 VOLUNTEER_ALREADY_REGISTERED', () => {
    const err = new ApiError(409, 'VOLUNTEER_ALREADY_REGISTERED', '已注册', { existing: { id: 'v1', number: 'V1' } });
    expect(existingFrom(err)).toEqual({ id: 'v1', number: 'V1', name: undefined });
  });
  it('ignores other errors', () => {
    expect(existingFrom(new ApiError(409, 'VOLUNTEER_ID_TAKEN', 'x'))).toBeNull();
    expect(existingFrom(new Error('x'))).toBeNull();
  });
});
