// Secrets that are secrets: stand-ins are not findings, documentation ranks lower, generic hardcoded secrets are found.
export { isPlaceholderSecret, placeholderKind, type PlaceholderKind } from './placeholder.js';
export { DOCUMENTATION_SCORE, demoteDocumentationSecret, demoteDocumentationSecrets, dropPlaceholderSecrets, isPlaceholderFinding, isDocumentationPath, isSecretFinding, screenSecretFindings, secretCandidates, type SecretScreening } from './screen.js';
export { createLineReader, readTextUnder, type ReadLine } from './line-reader.js';
export { findSecrets, type SecretHit } from './detect.js';
export { secretKindOf, type SecretKind } from './names.js';
export { rejectValue, shannonEntropy, VALUE_RULES } from './values.js';
