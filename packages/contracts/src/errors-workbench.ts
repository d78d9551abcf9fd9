// Error codes of the workbench module.
import { defineErrors } from './errors';

export const workbenchErrors = defineErrors({
  WORKBENCH_ROLE_NOT_HELD: {
    status: 403,
    message: [
      '您没有该角色，不能查看其工作台',
      '您沒有該角色，不能查看其工作台',
      'You do not hold this role, so its workbench is not yours',
    ],
  },
});
