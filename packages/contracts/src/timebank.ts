// Time bank (SPEC 4.9): ledger rules (timebank-rules), bodies and views (timebank-bodies) and messages.
import './timebank-messages';

export * from './timebank-rules';
export * from './timebank-bodies';
