// @vitest-environment jsdom
import type { FormInstance } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { applyFieldErrors, groupFieldErrors, toNamePath } from './form-errors';

describe('form errors', () => {
  it('turns dotted field paths into antd name paths', () => {
    expect(toNamePath('creditCode')).toEqual(['creditCode']);
    expect(toNamePath('contacts.0.phone')).toEqual(['contacts', 0, 'phone']);
  });

  it('groups several messages of one field', () => {
    expect(
      groupFieldErrors([
        { field: 'name', message: 'a' },
        { field: 'name', message: 'b' },
        { field: 'fiveHas.plan', message: 'c' },
      ]),
    ).toEqual([
      { name: ['name'], errors: ['a', 'b'] },
      { name: ['fiveHas', 'plan'], errors: ['c'] },
    ]);
  });

  it('puts known fields under their inputs and returns the rest', () => {
    const setFields = vi.fn();
    const form = {
      getFieldsError: () => [{ name: ['name'] }, { name: ['creditCode'] }],
      setFields,
    } as unknown as FormInstance;
    const err = new ApiError(400, 'VALIDATION_FAILED', '输入有误', {
      fields: [
        { field: 'creditCode', message: '统一社会信用代码：校验位不符' },
        { field: '(body)', message: '格式不正确' },
      ],
    });
    expect(applyFieldErrors(form, err)).toEqual(['格式不正确']);
    expect(setFields).toHaveBeenCalledWith([{ name: ['creditCode'], errors: ['统一社会信用代码：校验位不符'] }]);
    expect(applyFieldErrors(form, new ApiError(409, 'STALE_VERSION', 'stale'))).toBeNull();
  });
});
