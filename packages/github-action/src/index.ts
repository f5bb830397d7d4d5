export { run } from './run.js';
export { readInputs, inputsSchema, INPUT_NAMES, type ActionInputs } from './inputs.js';
export { upsertStickyComment, commentMarker } from './comment.js';
export { annotationsFor, ANNOTATIONS_PER_LEVEL } from './annotations.js';
