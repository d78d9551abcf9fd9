// The code labels live in @wenming/contracts (one place for server documents and the UI); the UI merges them here.
import { codeLabels } from '@wenming/contracts';
import type { Dict } from './types';

export const enumMessages: Dict = codeLabels as Dict;
