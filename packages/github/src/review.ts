import type { Platform, ReviewRequest } from '@pipewarden/core';
import type { Octokit } from './client.js';

interface Target {
  owner: string;
  repo: string;
  number: number;
}

/** GitHub takes a team by its slug in the repository's organisation: "org/team" and "team" both name it. */
const teamSlug = (team: string) => team.slice(team.indexOf('/') + 1);

/** The PR's labels and review requests, for high-risk changes. */
export function githubReview(octokit: Octokit, target: Target): NonNullable<Platform['review']> {
  const { owner, repo, number } = target;
  return {
    async labels() {
      const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { owner, repo, issue_number: number, per_page: 100 });
      return labels.map((l) => l.name);
    },
    async addLabel(name) {
      // GitHub creates a label it does not know yet, in its default colour.
      await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: [name] });
      return `label "${name}" added to PR #${number}`;
    },
    async requestReviewers(request: ReviewRequest) {
      const teams = request.teams.map(teamSlug);
      await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: number, reviewers: [...request.users], team_reviewers: teams });
      const who = [...request.users, ...teams.map((t) => `team ${t}`)].join(', ');
      return `review requested from ${who} on PR #${number}`;
    },
  };
}
