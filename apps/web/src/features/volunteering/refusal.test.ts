import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { isRefusal } from './refusal';

describe('isRefusal', () => {
  it('is true for a validation error or a conflict', () => {
    expect(isRefusal(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toBe(true);
    expect(isRefusal(new ApiError(409, 'VOLUNTEER_ALREADY_REGISTERED', 'x'))).toBe(true);
  });
  it('keeps the key for lost answers, server errors and a write still in progress', () => {
    expect(isRefusal(new ApiError(0, 'NETWORK_ERROR', 'x'))).toBe(false);
    expect(isRefusal(new ApiError(503, 'INTERNAL', 'x'))).toBe(false);
    expect(isRefusal(new ApiError(409, 'IDEMPOTENCY_IN_PROGRESS', 'x'))).toBe(false);
    expect(isRefusal(new Error('x'))).toBe(false);
  });
});
