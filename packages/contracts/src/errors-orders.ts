// Error codes of the orders module
import { defineErrors } from './errors';

export const ordersErrors = defineErrors({
  FILE_NOT_FOUND: {
    status: 404,
    message: ['文件不存在或无权查看', '檔案不存在或無權查看', 'This file does not exist or is not visible to you'],
  },
  ORDER_ALREADY_TAKEN: {
    status: 409,
    message: ['该订单已被其他志愿者接单', '該訂單已被其他志願者接單', 'Another volunteer has already taken this order'],
  },
  ORDER_ID_TAKEN: {
    status: 409,
    message: ['该编号已用于其他记录', '該編號已用於其他記錄', 'This id belongs to another record'],
  },
  ORDER_MERGE_INVALID: {
    status: 422,
    message: [
      '只能合并到同一阵地尚未结束的其他订单',
      '只能合併到同一陣地尚未結束的其他訂單',
      'An order merges only into another open order of the same site',
    ],
  },
  ORDER_NOT_A_VOLUNTEER: {
    status: 422,
    message: ['请先注册成为志愿者', '請先註冊成為志願者', 'Register as a volunteer first'],
  },
  ORDER_NOT_FOUND: {
    status: 404,
    message: [
      '服务订单不存在或无权查看',
      '服務訂單不存在或無權查看',
      'This service order does not exist or is not visible to you',
    ],
  },
  ORDER_NOT_YOURS: { status: 403, message: ['该订单未派给您', '該訂單未派給您', 'This order is not assigned to you'] },
  ORDER_TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: [
      '服务订单当前状态下不能执行此操作',
      '服務訂單目前狀態下不能執行此操作',
      'This action is not allowed in the order’s state',
    ],
  },
  SERVICE_ITEM_NOT_FOUND: {
    status: 404,
    message: [
      '服务项目不存在或无权查看',
      '服務項目不存在或無權查看',
      'This service item does not exist or is not visible to you',
    ],
  },
});
