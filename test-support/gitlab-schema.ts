import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { hasShared, sharedDir } from './shared.js';

const require = createRequire(import.meta.url);
const Ajv = require('ajv') as typeof import('ajv').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const FILES: Record<string, string> = {
  sast: 'sast-report-format.json',
  dependency_scanning: 'dependency-scanning-report-format.json',
  container_scanning: 'container-scanning-report-format.json',
  dast: 'dast-report-format.json',
  secret_detection: 'secret-detection-report-format.json',
};
const validators = new Map<string, ValidateFunction>();

/** Validates a report against GitLab's official security report schema (15.2.1, draft-07) from ../shared. */
export function validateGitlab(type: string, data: unknown): string[] {
  if (!hasShared) throw new Error('validateGitlab needs ../shared');
  let validate = validators.get(type);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(join(sharedDir, 'schemas', 'gitlab-15.2.1', FILES[type]!), 'utf8')) as object);
    validators.set(type, validate);
  }
  validate(data);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
