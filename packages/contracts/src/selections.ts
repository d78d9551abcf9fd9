// Selections (SPEC 4.10): kinds and state machines (selections-machine), bodies and views (selections-bodies) and
// messages.
import './selections-messages';

export * from './selections-machine';
export * from './selections-bodies';
export * from './errors-selections';
