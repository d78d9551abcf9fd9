// Service orders (SPEC 4.8): the state machine and urgency targets (orders-machine), bodies and views
// (orders-bodies) and messages with the candidate reasons (orders-messages).
import './orders-messages';

export * from './orders-machine';
export * from './orders-bodies';
export { renderCandidateReason } from './orders-messages';
