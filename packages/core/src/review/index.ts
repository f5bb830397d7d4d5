export { CHANGE_KINDS, highRiskObjectSchema, reviewSchema, type ChangeKind, type HighRiskConfig, type HighRiskRule } from './config.js';
export { detectHighRisk, type ReviewInput } from './detect.js';
export { BUILT_IN_RULES, applyRules, type HighRiskReason } from './rules.js';
export { applyReviewGate, reviewReportOf, whereOfReason, type ReviewReport } from './report.js';
export { describeRanges, type LineRange } from './lines.js';
export { ciSignals, workflowSignals, isCiDefinition } from './ci.js';
export { dependencySignals } from './manifests.js';
export { infraSignals } from './infra.js';
export type { ChangedFile, ChangeSignal } from './signal.js';
