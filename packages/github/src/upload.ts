import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Octokit } from './client.js';

export interface UploadResult {
  file: string;
  id?: string | undefined;
  status: 'complete' | 'failed' | 'pending' | 'refused';
  errors: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Uploads each GitHub-ready SARIF file to code scanning (gzip + base64, the commit and ref), then waits for
 * GitHub to process it and reports what it rejected.
 */
export async function uploadSarif(octokit: Octokit, options: { owner: string; repo: string; commitSha: string; ref: string; files: readonly string[]; waitSeconds: number; pollMs?: number }): Promise<UploadResult[]> {
  const results: UploadResult[] = [];
  for (const file of options.files) {
    const sarif = gzipSync(await readFile(file)).toString('base64');
    const response = await octokit.rest.codeScanning.uploadSarif({ owner: options.owner, repo: options.repo, commit_sha: options.commitSha, ref: options.ref, sarif, tool_name: 'Pipewarden' });
    const id = response.data.id;
    const result: UploadResult = { file: basename(file), id, status: 'pending', errors: [] };
    results.push(result);
    if (!id) continue;
    const deadline = Date.now() + options.waitSeconds * 1000;
    let delay = options.pollMs ?? 2000;
    while (Date.now() < deadline) {
      const status = await octokit.rest.codeScanning.getSarif({ owner: options.owner, repo: options.repo, sarif_id: id });
      const processing = status.data.processing_status;
      if (processing === 'complete' || processing === 'failed') {
        result.status = processing;
        result.errors = (status.data.errors ?? []).map(String);
        break;
      }
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
      delay = Math.min(delay * 2, 15_000);
    }
  }
  return results;
}
