// Problems and rectification (SPEC 4.5) and Open311: the state machine (problems-machine), bodies and queries
// (problems-bodies), views (problems-views), Open311 pieces (problems-open311) and messages.
import './problems-messages';

export * from './problems-machine';
export * from './problems-bodies';
export * from './problems-open311';
export * from './problems-views';
export * from './problems-my-reports';
