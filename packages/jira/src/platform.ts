import { ConfigError, type BuildInfo, type JiraConfig, type Platform } from '@pipewarden/core';
import { jiraApi, type JiraFlavor, type RetryOptions } from './client.js';
import { jiraTracker } from './tracker.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Cloud when the config says so or the site is Atlassian's; a server of one's own is Data Center. */
export function jiraFlavor(config: JiraConfig): JiraFlavor {
  return config.flavor ?? (/\.atlassian\.net$/i.test(new URL(config.url).hostname) ? 'cloud' : 'data-center');
}

/**
 * Jira as the run's tracker (`--tickets jira`): the settings from pipewarden.yml's tickets.jira, the secrets
 * from the environment variables it names. Every problem is told at once, before the scan.
 */
export function jiraPlatform(config: JiraConfig | undefined, env: Env, build: BuildInfo, retry: RetryOptions = {}): Platform {
  if (!config) throw new ConfigError('--tickets jira: pipewarden.yml has no tickets.jira (url and project at least)');
  const flavor = jiraFlavor(config);
  const tokenEnv = config.token_env ?? 'JIRA_API_TOKEN';
  const emailEnv = config.email_env ?? 'JIRA_EMAIL';
  const problems: string[] = [];
  if (!env[tokenEnv]) problems.push(`tickets.jira: the environment variable ${tokenEnv} (the ${flavor === 'cloud' ? 'API token' : 'personal access token'}) is not set`);
  if (flavor === 'cloud' && !env[emailEnv]) problems.push(`tickets.jira: the environment variable ${emailEnv} (the e-mail the API token belongs to) is not set`);
  if (problems.length) throw new ConfigError(problems.join('; '), { problems });
  const api = jiraApi(config.url, flavor, { email: env[emailEnv], token: env[tokenEnv]! }, retry);
  return { name: 'jira', build, tracker: jiraTracker(api, config) };
}
