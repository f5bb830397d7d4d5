import { afterEach, beforeEach, describe, it } from 'vitest';
import { FakeGitlab } from '../../../test-support/fake-gitlab.js';
import { twoWayScenario } from '../../../test-support/ticket-scenario.js';

describe('GitLab issues, two-way, through `pipewarden scan --tickets gitlab` in a GitLab job against a GitLab API on 127.0.0.1 (gitbeaker)', () => {
  let gitlab: FakeGitlab;
  beforeEach(async () => {
    gitlab = new FakeGitlab();
    await gitlab.start();
  });
  afterEach(async () => gitlab.stop());

  it('MR run, default-branch run, retry, fixed, closed with a risk-accepted label, reopened by a person, acceptance expired', async () => {
    const job = {
      GITLAB_CI: 'true',
      CI_SERVER_URL: gitlab.url,
      CI_API_V4_URL: `${gitlab.url}/api/v4`,
      CI_PROJECT_ID: '7',
      CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
      CI_DEFAULT_BRANCH: 'main',
      CI_JOB_TOKEN: 'job-token',
      PIPEWARDEN_GITLAB_TOKEN: 'glpat-fake',
      CI_PIPELINE_URL: 'https://gitlab.example.com/acme/shop/-/pipelines/77',
    };
    await twoWayScenario({
      tickets: 'gitlab',
      prVars: { ...job, CI_COMMIT_SHA: '0'.repeat(40), CI_MERGE_REQUEST_IID: '12', CI_PIPELINE_SOURCE: 'merge_request_event' },
      mainVars: (sha) => ({ ...job, CI_COMMIT_SHA: sha, CI_COMMIT_BRANCH: 'main', CI_PIPELINE_SOURCE: 'push' }),
      issues: () => gitlab.issues.map((i) => ({ id: i.iid, title: i.title, state: i.state === 'opened' ? 'open' : 'closed', labels: i.labels, comments: i.notes, body: i.description })),
      writes: () => gitlab.writes().filter((r) => /\/issues/.test(r.path)).length,
      closeAsAccepted: (id, by, at) => gitlab.closeAsPerson(id, 'risk-accepted', by, at),
      reopenAsPerson: (id) => gitlab.reopenAsPerson(id),
      setClosedAt: (id, at) => void (gitlab.issues.find((i) => i.iid === id)!.closed_at = at),
      edit: (id, change) => {
        const issue = gitlab.issues.find((i) => i.iid === id)!;
        Object.assign(issue, { title: change.title, labels: [...issue.labels, change.label], description: `${change.note}\n\n${issue.description}` });
      },
    });
  }, 240_000);
});
