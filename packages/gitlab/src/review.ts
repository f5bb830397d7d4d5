import type { Platform, ReviewRequest } from '@pipewarden/core';
import type { GitlabClient } from './client.js';

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
      const rules = (await api.MergeRequestApprovals.allApprovalRules(projectId, { mergerequestIId: iid })) as unknown as { id: number; name: string }[];
      const existing = rules.find((r) => r.name === ruleName);
      const options = { mergerequestIId: iid, usernames: [...request.users] };
      if (existing) await api.MergeRequestApprovals.editApprovalRule(projectId, existing.id, ruleName, request.approvals, options);
      else await api.MergeRequestApprovals.createApprovalRule(projectId, ruleName, request.approvals, options);
      return `approval rule "${ruleName}" (${request.approvals} of ${request.users.join(', ')}) ${existing ? 'updated' : 'added'} on MR !${iid}`;
    },
  };
}
