/** A code's label in zh-CN, zh-TW and en. */
export type Label = readonly [zhCN: string, zhTW: string, en: string];

/** Labels keyed `family.code` (e.g. `problemStatus.submitted`). */
export type LabelDict = Record<string, Label>;
