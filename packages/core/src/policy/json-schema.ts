import { z } from 'zod';
import { configSchema } from './config-schema.js';

/** pipewarden.yml's JSON Schema, generated from the one zod schema, for editors (yaml-language-server). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://pipewarden.dev/schema/pipewarden.schema.json',
    title: 'pipewarden.yml',
    description: "Pipewarden's configuration: stages, gate, waivers, asset context, priorities, feeds, tickets.",
  };
}

/** What `pipewarden init` writes: every key, commented, with the defaults. */
export const STARTER_CONFIG = `# yaml-language-server: $schema=https://pipewarden.dev/schema/pipewarden.schema.json
# Pipewarden's configuration. Every key is optional; the values shown are the defaults unless noted.
# Reference: docs/configuration.md. Check it with: pipewarden schema > pipewarden.schema.json

# Per scanner: seconds before it is stopped (with the processes it started) and reported as failed.
scanners:
  shellcheck: { timeout: 300 }

# Which scanners each stage runs (default: every installed scanner of the stage), and whether it gates.
stages:
  precommit:
    scanners: [secretlint, eslint-security]
  commit:
    gate: default            # default: apply the gate below; none: report without failing

gate:
  on_scanner_error: fail     # fail (exit 2) when a scanner cannot run, or warn and go on
  scope: new                 # new: only findings new against --baseline fail; all
  rules:                     # fail when a rule matches more than max (default 0) findings
    - kev: true              # any finding whose CVE is in CISA KEV
    - severity: high         # high or critical
    - category: secrets      # any secret
    # - risk: 70             # risk score at or above
    # - priority: P1         # P0 or P1
    #   scope: new
    # - scanner: shellcheck
    #   severity: medium
    #   max: 20

# Join reports of one thing by several tools.
dedupe:
  sca: true                  # one CVE in one package
  sast: true                 # one CWE on one line

# What your paths, images and URLs are: findings weigh more in production and internet-facing code.
# Test files and fixtures weigh less by default.
context: []
#  - paths: ["services/api/**"]
#    environment: production      # production | staging | development | test
#    exposure: internet-facing    # internet-facing | internal
#    data_sensitivity: confidential  # public | internal | confidential | restricted
#    owner: api-team

# Exceptions that expire: a waived finding stays in the reports, the gate skips it until \`expires\`.
waivers: []
#  - rule: CVE-2021-44228         # or fingerprint:, path: (a glob), package: (name or name@version)
#    reason: patched by a WAF rule until the upgrade lands
#    owner: platform-team
#    expires: 2026-12-31

priorities:
  sla_days: { P0: 7, P1: 30, P2: 90, P3: 180, P4: 365 }

# CISA KEV and EPSS: downloaded once a day into a dated cache, or read from --feeds-dir.
feeds:
  offline: false
#  cache_dir: .pipewarden-cache

# Tickets (the GitHub Action's tickets: github, GitLab issues): one per finding group.
tickets:
  min_priority: P2     # new tickets only this urgent or more; existing ones are always kept up to date
  max_new: 10          # new tickets per run at most
#  labels: [security]
#  confidential: true  # GitLab
`;
