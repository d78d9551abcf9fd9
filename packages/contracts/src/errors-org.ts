// Error codes of the org module
import { defineErrors } from './errors';

export const orgErrors = defineErrors({
  ACCOUNT_NOT_FOUND: {
    status: 404,
    message: ['账号不存在或无权查看', '帳號不存在或無權查看', 'This account does not exist or is not visible to you'],
  },
  EXPORT_TOO_LARGE: {
    status: 422,
    message: [
      '导出的记录过多，请缩小筛选范围',
      '匯出的記錄過多，請縮小篩選範圍',
      'Too many records to export; narrow the filter',
    ],
  },
  GRID_CODE_TAKEN: { status: 409, message: ['网格编码已存在', '網格編碼已存在', 'This grid code already exists'] },
  GRID_NOT_FOUND: {
    status: 404,
    message: ['网格不存在或无权查看', '網格不存在或無權查看', 'This grid does not exist or is not visible to you'],
  },
  PAIRING_EXISTS: { status: 409, message: ['该包联关系已存在', '該包聯關係已存在', 'This pairing already exists'] },
  PAIRING_NOT_FOUND: {
    status: 404,
    message: [
      '结对关系不存在或无权查看',
      '結對關係不存在或無權查看',
      'This pairing does not exist or is not visible to you',
    ],
  },
  PERSON_ID_CARD_TAKEN: {
    status: 409,
    message: ['该身份证号已登记', '該身分證號已登記', 'A person with this ID number exists'],
  },
  PERSON_NOT_FOUND: {
    status: 404,
    message: ['人员不存在或无权查看', '人員不存在或無權查看', 'This person does not exist or is not visible to you'],
  },
  REGION_CODE_TAKEN: { status: 409, message: ['区划代码已存在', '區劃代碼已存在', 'This region code already exists'] },
  REGION_HAS_CHILDREN: {
    status: 422,
    message: ['该区划下仍有下级区划', '該區劃下仍有下級區劃', 'This region still has sub-regions'],
  },
  REGION_MERGE_INVALID: {
    status: 422,
    message: [
      '只能合并到同级的有效区划',
      '只能合併到同級的有效區劃',
      'A region can only merge into an active region of the same level',
    ],
  },
  REGION_NOT_FOUND: { status: 404, message: ['区划不存在', '區劃不存在', 'Region not found'] },
  REGION_RETIRED: { status: 422, message: ['该区划已撤销', '該區劃已撤銷', 'This region is retired'] },
  ROLE_ASSIGNMENT_NOT_FOUND: {
    status: 404,
    message: [
      '角色授权不存在或无权查看',
      '角色授權不存在或無權查看',
      'This role assignment does not exist or is not visible to you',
    ],
  },
  SITE_NOT_FOUND: {
    status: 404,
    message: [
      '阵地不存在或无权查看',
      '陣地不存在或無權查看',
      'This practice site does not exist or is not visible to you',
    ],
  },
  UNIT_CREDIT_CODE_TAKEN: {
    status: 409,
    message: [
      '统一社会信用代码已被其他单位使用',
      '統一社會信用代碼已被其他單位使用',
      'Another unit has this credit code',
    ],
  },
  USERNAME_TAKEN: { status: 409, message: ['用户名已存在', '使用者名稱已存在', 'This username is taken'] },
});
