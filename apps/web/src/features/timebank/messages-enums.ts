import type { Dict } from '../../app/messages/types';

export const timebankEnumMessages: Dict = {};
