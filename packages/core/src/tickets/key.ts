import { createHash } from 'node:crypto';
import type { Finding } from '../finding.js';
import { componentOf } from '../model/groups.js';

/** The group's stable key: its rule and component, so a ticket follows the thing to fix, not a line. */
export function ticketKey(finding: Finding): string {
  return createHash('sha256').update(`${finding.ruleId}\u0000${componentOf(finding)}`).digest('hex').slice(0, 20);
}
