import { commonMessages } from './common';
import { enumMessages } from './enums';
import type { Dict } from './types';

export type { Dict } from './types';

/** Every UI string of the app; feature dictionaries are merged here. */
export const allMessages: Dict = {
  ...commonMessages,
  ...enumMessages,
};
