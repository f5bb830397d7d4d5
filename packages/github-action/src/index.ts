export { run } from './run.js';
export { readInputs, inputsSchema, INPUT_NAMES, type ActionInputs } from './inputs.js';
