import type { Platform, ReviewRequest } from '@pipewarden/core';
import { statusOf, type GitlabClient } from './client.js';

/** Approval rules are a paid feature: GitLab Free answers 403 or 404, which says nothing about the token itself. */
export class ApprovalRuleRefused extends Error {
  override name = 'ApprovalRuleRefused';
}

/**
 * The MR's labels and an approval rule for its security reviewers. Approval rules need GitLab Premium and a
 * token with the Maintainer role or the MR's authorship: elsewhere GitLab refuses, and the run says so.
 */
export function gitlabReview(api: GitlabClient, projectId: string, iid: number): NonNullable<Platform['review']> {
  return {
    async labels() {
      const mr = (await api.MergeRequests.show(projectId, iid)) as unknown as { labels?: (string | { name?: string })[] };
      return (mr.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
    },
    async addLabel(name) {
      await api.MergeRequests.edit(projectId, iid, { addLabels: name });
      return `label "${name}" added to MR !${iid}`;
    },
    async requestReviewers(request: ReviewRequest, ruleName: string) {
      if (!request.users.length) throw new Error('GitLab approval rules name users here (review.high_risk.reviewers.users); teams are GitHub\'s');
      const options = { mergerequestIId: iid, usernames: [...request.users] };
      let existing: { id: number; name: string } | undefined;
      try {
        const rules = (await api.MergeRequestApprovals.allApprovalRules(projectId, { mergerequestIId: iid })) as unknown as { id: number; name: string }[];
        existing = rules.find((r) => r.name === ruleName);
        if (existing) await api.MergeRequestApprovals.editApprovalRule(projectId, existing.id, ruleName, request.approvals, options);
        else await api.MergeRequestApprovals.createApprovalRule(projectId, ruleName, request.approvals, options);
      } catch (error) {
        const status = statusOf(error);
        if (status !== 401 && status !== 403 && status !== 404) throw error;
        throw new ApprovalRuleRefused(`GitLab refused an MR approval rule (HTTP ${status}): approval rules need GitLab Premium or Ultimate and a token allowed to edit the MR's approvals; the "${ruleName}" reviewers were not added`, { cause: error });
      }
      return `approval rule "${ruleName}" (${request.approvals} of ${request.users.join(', ')}) ${existing ? 'updated' : 'added'} on MR !${iid}`;
    },
  };
}
