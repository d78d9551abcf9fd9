// Error codes of the open311 module
import { defineErrors } from './errors';

export const open311Errors = defineErrors({
  OPEN311_CLIENT_NOT_FOUND: {
    status: 404,
    message: [
      '接入方不存在或无权查看',
      '接入方不存在或無權查看',
      'This Open311 client does not exist or is not visible to you',
    ],
  },
  OPEN311_CLIENT_REVOKED: {
    status: 409,
    message: ['该接入方已停用', '該接入方已停用', 'The client is already revoked'],
  },
});
