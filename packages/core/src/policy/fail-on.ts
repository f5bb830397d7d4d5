import type { Severity } from '../finding.js';
import type { Stage } from '../model/stage.js';
import type { PipewardenConfig } from './config-schema.js';

export const FAIL_ON = ['policy', 'never', 'critical', 'high', 'medium', 'low'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * The platforms' one-word gate override: "policy" keeps the configured gate, "never" reports without failing,
 * a severity fails on new findings at or above it (instead of the stage's and the gate's rules).
 */
export function applyFailOn(config: PipewardenConfig, stage: Stage, failOn: FailOn): PipewardenConfig {
  if (failOn === 'policy') return config;
  const profile = { ...config.stages?.[stage] };
  delete profile.rules;
  if (failOn === 'never') return { ...config, stages: { ...config.stages, [stage]: { ...profile, gate: 'none' } } };
  return {
    ...config,
    stages: { ...config.stages, [stage]: { ...profile, gate: 'default' } },
    gate: { on_scanner_error: config.gate?.on_scanner_error ?? 'fail', scope: config.gate?.scope ?? 'new', ...config.gate, rules: [{ severity: failOn as Severity, max: 0 }] },
  };
}
