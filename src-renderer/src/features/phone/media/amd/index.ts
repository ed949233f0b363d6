export { detectAnsweringMachine, type AmdRun } from './detect-answering-machine';
export { defaultAmdOptions, type AmdCause, type AmdFeatures, type AmdOptions, type AmdVerdict, type AmdVerdictKind } from './greeting-classifier';
