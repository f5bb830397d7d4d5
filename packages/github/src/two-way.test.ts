import { afterEach, beforeEach, describe, it } from 'vitest';
import { FakeGitHub } from '../../../test-support/fake-github.js';
import { twoWayScenario } from '../../../test-support/ticket-scenario.js';

describe('GitHub issues, two-way, through `pipewarden scan --tickets github` against a GitHub API on 127.0.0.1 (octokit)', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = new FakeGitHub();
    await github.start();
  });
  afterEach(async () => github.stop());

  it('PR run, default-branch run, retry, fixed, closed as not planned, reopened by a person, acceptance expired', async () => {
    const vars = { PIPEWARDEN_GITHUB_TOKEN: 'ghs_fake', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: github.url, PIPEWARDEN_DEFAULT_BRANCH: 'main' };
    await twoWayScenario({
      tickets: 'github',
      prVars: { ...vars, BRANCH_NAME: 'PR-5', CHANGE_ID: '5' },
      mainVars: (sha) => ({ ...vars, BRANCH_NAME: 'main', GIT_COMMIT: sha }),
      issues: () => github.issues.map((i) => ({ id: i.number, title: i.title, state: i.state, labels: i.labels, comments: i.comments, body: i.body })),
      writes: () => github.writes().length,
      closeAsAccepted: (id, by, at) => github.closeAsPerson(id, 'not_planned', by, at),
      reopenAsPerson: (id) => github.reopenAsPerson(id),
      setClosedAt: (id, at) => void (github.issues.find((i) => i.number === id)!.closed_at = at),
      edit: (id, change) => {
        const issue = github.issues.find((i) => i.number === id)!;
        Object.assign(issue, { title: change.title, labels: [...issue.labels, change.label], body: `${change.note}\n\n${issue.body}` });
      },
    });
  }, 240_000);
});
