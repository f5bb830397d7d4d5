import { z } from 'zod';
import { PRIORITIES } from '../finding.js';
import { ConfigError } from '../errors.js';

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name such as JIRA_API_TOKEN');
const fieldValue: z.ZodType<unknown> = z.lazy(() => z.union([z.string().max(1000), z.number(), z.boolean(), z.array(fieldValue).max(50), z.record(z.string(), fieldValue)]));

/** Jira as the tracker: Cloud (REST v3, email + API token, ADF) or Data Center (REST v2, personal access token, wiki markup). */
export const jiraSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), 'expected the http(s) base URL of Jira, such as https://acme.atlassian.net')
    .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), 'must not hold credentials (name them in token_env and email_env)')
    .describe('The base URL of Jira, e.g. https://acme.atlassian.net or https://jira.example.com.'),
  project: z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'a project key such as SEC').describe('The project key new tickets go to.'),
  flavor: z.enum(['cloud', 'data-center']).optional().describe('cloud (REST v3, email + API token, ADF bodies) or data-center (Jira Server / Data Center: REST v2, personal access token, wiki markup); default cloud for *.atlassian.net, else data-center.'),
  issue_type: z.string().trim().min(1).max(100).optional().describe('The issue type of new tickets (default Bug).'),
  priorities: z.partialRecord(z.enum(PRIORITIES), z.string().trim().min(1).max(100)).optional().describe('Jira priority names for P0–P4 (default Highest, High, Medium, Low, Lowest).'),
  components: z.array(z.string().trim().min(1).max(255)).max(20).optional().describe('Components set on new tickets.'),
  assignee: z.string().trim().min(1).max(200).optional().describe('Who new tickets are assigned to (Cloud: an account id; Data Center: a user name); default nobody. Never changed afterwards.'),
  fields: z
    .record(z.string().regex(/^customfield_\d+$/, 'a custom field id such as customfield_10042'), fieldValue)
    .optional()
    .describe('Custom fields by id, set on create and update; strings may use {severity}, {priority}, {risk}, {rule}, {scanner}, {category}, e.g. { customfield_10042: { value: "{severity}" } }.'),
  close_transition: z.string().trim().min(1).max(100).optional().describe('The workflow transition that closes a fixed ticket (default the first of Done, Close Issue, Close, Resolve Issue, Resolve).'),
  reopen_transition: z.string().trim().min(1).max(100).optional().describe('The workflow transition that reopens one (default the first of Reopen Issue, Reopen, To Do, Open, Backlog).'),
  token_env: envName.optional().describe('The environment variable holding the API token (Cloud) or personal access token (Data Center); default JIRA_API_TOKEN.'),
  email_env: envName.optional().describe('Cloud: the environment variable holding the account e-mail the API token belongs to; default JIRA_EMAIL.'),
});

export const ticketsSchema = z.strictObject({
  tracker: z.enum(['github', 'gitlab', 'jira']).optional().describe('Where tickets are kept when --tickets does not say (the Action and the GitLab component pass it on).'),
  min_priority: z.enum(PRIORITIES).optional().describe('New tickets only for finding groups this urgent or more (default P2); existing tickets are always kept up to date.'),
  max_new: z.number().int().min(0).max(1000).optional().describe('At most this many new tickets per run (default 10).'),
  labels: z.array(z.string().trim().min(1).max(50)).max(20).optional().describe('Extra labels on every ticket.'),
  confidential: z.boolean().optional().describe('GitLab: open tickets as confidential issues (default true).'),
  accepted_as: z
    .array(z.string().trim().min(1).max(100))
    .max(50)
    .optional()
    .describe('State reasons, Jira resolutions or labels (any case) that mean a person accepted the risk when closing a ticket; default not_planned, won\'t fix, won\'t do, wontfix, duplicate, risk accepted, risk-accepted, accepted risk, false positive, false-positive, declined.'),
  accepted_for_days: z.number().int().min(1).max(3650).optional().describe('How long a ticket closed as accepted waives its findings (default 90); then it is reopened with a comment.'),
  jira: jiraSchema.optional(),
});

export type JiraConfig = z.output<typeof jiraSchema>;

/**
 * pipewarden.yml with a platform's Jira inputs laid over tickets.jira (the Action's jira-url, the component's
 * jira_url…), checked by the same schema: every problem at once, named by its input.
 */
export function withJiraOptions<C extends { tickets?: z.output<typeof ticketsSchema> | undefined }>(config: C, inputs: { url?: string | undefined; project?: string | undefined }): C {
  if (!inputs.url && !inputs.project) return config;
  const merged = { ...config.tickets?.jira, ...(inputs.url ? { url: inputs.url } : {}), ...(inputs.project ? { project: inputs.project } : {}) };
  const parsed = jiraSchema.safeParse(merged);
  if (!parsed.success) {
    const names: Record<string, string> = { url: 'jira-url', project: 'jira-project' };
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return `${names[key] && (inputs as Record<string, unknown>)[key] ? names[key] : `tickets.jira.${key}`}: ${issue.message}`;
    });
    throw new ConfigError(problems.join('; '), { problems });
  }
  return { ...config, tickets: { ...config.tickets, jira: parsed.data } };
}
