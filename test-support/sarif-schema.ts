import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { hasShared, sarifSchemaFile } from './shared.js';

// ajv's packages are CommonJS; require keeps their constructors callable under NodeNext.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

let validator: ValidateFunction | undefined;

/** Validates against the official OASIS SARIF 2.1.0 schema (draft-04, errata 01) from ../shared. */
export function validateSarif(data: unknown): { valid: boolean; errors: string[] } {
  if (!hasShared) throw new Error('validateSarif needs ../shared');
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(sarifSchemaFile, 'utf8')) as object);
  }
  const valid = validator(data);
  const errors = (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  return { valid, errors };
}
