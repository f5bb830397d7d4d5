import { z } from 'zod';
import { CATEGORIES, PRIORITIES, SEVERITIES } from '../finding.js';
import { STAGES } from '../scanners/types.js';

// pipewarden.yml: this schema is the single source of truth for every package and doc.

const scannerId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a scanner id is lower-case letters, digits and dashes');

export const stageConfigSchema = z.strictObject({
  scanners: z.array(scannerId).optional().describe('Scanners this stage runs (default: every installed scanner of the stage).'),
  gate: z.enum(['default', 'none']).default('default').describe('"default" applies the gate; "none" reports without failing.'),
});

/** A gate rule matches findings; the gate fails when more than `max` findings match it. */
export const gateRuleSchema = z
  .strictObject({
    severity: z.enum(SEVERITIES).optional().describe('Findings of this severity or worse.'),
    category: z.enum(CATEGORIES).optional().describe('Findings of this category (secrets, sast, sca, …).'),
    risk: z.number().min(0).max(100).optional().describe('Findings with a risk score at or above this.'),
    priority: z.enum(PRIORITIES).optional().describe('Findings of this priority or more urgent.'),
    max: z.number().int().min(0).default(0).describe('How many matching findings are tolerated.'),
  })
  .refine((rule) => rule.severity !== undefined || rule.category !== undefined || rule.risk !== undefined || rule.priority !== undefined, {
    message: 'a gate rule needs at least one of severity, category, risk, priority',
  });

export const gateSchema = z.strictObject({
  on_scanner_error: z.enum(['fail', 'warn']).default('fail').describe('A scanner that could not run: fail (exit 2) or warn and go on.'),
  scope: z.enum(['new', 'all']).default('new').describe('Gate on new findings only, or on all of them (without a baseline every finding is new).'),
  rules: z.array(gateRuleSchema).optional().describe('Fail when any rule matches more than its max; default: critical or high, or any secret.'),
});

export const dedupeSchema = z.strictObject({
  sca: z.boolean().default(true).describe('One finding for one vulnerability in one package, whichever tools report it.'),
  sast: z.boolean().default(true).describe('One finding for one CWE on one line, whichever SAST tools report it.'),
});

export const configSchema = z.strictObject({
  stages: z.partialRecord(z.enum(STAGES), stageConfigSchema).optional(),
  gate: gateSchema.optional(),
  dedupe: dedupeSchema.optional(),
});

export type PipewardenConfigInput = z.input<typeof configSchema>;
export type PipewardenConfig = z.output<typeof configSchema>;
export type GateRule = z.output<typeof gateRuleSchema>;
export type GateConfig = z.output<typeof gateSchema>;
export type StageConfig = z.output<typeof stageConfigSchema>;

/** Built in: fail on any critical or high finding, or on any secret. */
export const DEFAULT_GATE_RULES: readonly GateRule[] = [
  { severity: 'high', max: 0 },
  { category: 'secrets', max: 0 },
];
