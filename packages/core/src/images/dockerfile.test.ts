import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../test-support/shared.js';
import { analyzeDockerfile } from './dockerfile.js';
import { matchesPattern, parseReference } from './reference.js';

const rulesOf = (text: string, policy = { sanctioned: [{ name: 'node:20-*-slim' }, { name: 'registry.example.com/base/**' }] }) =>
  analyzeDockerfile(text, 'Dockerfile', policy).run.results!.map((r) => `${r.ruleId}@${r.locations?.[0]?.physicalLocation?.region?.startLine}`);

describe('image references', () => {
  it('are taken apart as Docker reads them', () => {
    expect(parseReference('node')).toEqual({ registry: 'docker.io', repository: 'library/node', tag: undefined, digest: undefined });
    expect(parseReference('localhost:5000/base/node:20@sha256:' + 'a'.repeat(64))).toMatchObject({ registry: 'localhost:5000', repository: 'base/node', tag: '20', digest: `sha256:${'a'.repeat(64)}` });
    expect(parseReference('bitnami/redis:7')).toMatchObject({ registry: 'docker.io', repository: 'bitnami/redis', tag: '7' });
    expect(parseReference('Not A Ref')).toBeUndefined();
  });

  it('match sanctioned patterns by familiar or full name, any tag unless the pattern names one', () => {
    const node = parseReference('node:20-bookworm-slim')!;
    expect(matchesPattern(node, 'node')).toBe(true);
    expect(matchesPattern(node, 'docker.io/library/node:20-*')).toBe(true);
    expect(matchesPattern(node, 'node:18-*')).toBe(false);
    expect(matchesPattern(parseReference('127.0.0.1:5000/base/busybox:1')!, '127.0.0.1:5000/base/*')).toBe(true);
    expect(matchesPattern(parseReference('127.0.0.1:5000/other/busybox:1')!, '127.0.0.1:5000/base/**')).toBe(false);
  });
});

describe('Dockerfile analysis', () => {
  it("finds the demo app's unpinned latest base, root, the ADD from a URL and the unsanctioned base", () => {
    const text = readFileSync(join(repoRoot, 'examples', 'vulnerable-app', 'Dockerfile'), 'utf8');
    expect(rulesOf(text).sort()).toEqual(['PW-DF001@1', 'PW-DF002@1', 'PW-DF003@1', 'PW-DF005@1', 'PW-DF006@3'].sort());
  });

  it('passes a pinned, sanctioned, non-root image with versioned packages', () => {
    const text = [
      'ARG BASE=node:20-bookworm-slim@sha256:' + 'b'.repeat(64),
      'FROM ${BASE}',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && npm install -g pnpm@9.15.9',
      'ADD --checksum=sha256:' + 'c'.repeat(64) + ' https://example.com/tool.tgz /opt/',
      'USER 10001',
    ].join('\n');
    expect(rulesOf(text)).toEqual([]);
  });

  it('judges the stage that ships: a toolchain build stage is fine, an unsanctioned final stage is not', () => {
    const text = ['FROM golang:1.22@sha256:' + 'd'.repeat(64) + ' AS build', 'RUN go build ./...', 'FROM alpine:3.20 AS final', 'COPY --from=build /out /app', 'USER root'].join('\n');
    expect(rulesOf(text).sort()).toEqual(['PW-DF001@3', 'PW-DF004@3', 'PW-DF005@5'].sort());
    const ok = ['FROM golang:1.22 AS build', 'FROM registry.example.com/base/runtime:2@sha256:' + 'e'.repeat(64), 'USER app'].join('\n');
    expect(rulesOf(ok)).toEqual(['PW-DF001@1']);
  });

  it('follows FROM <stage> back to the base it ships on, and the USER it inherits', () => {
    const text = ['FROM registry.example.com/base/runtime:2@sha256:' + 'e'.repeat(64) + ' AS base', 'USER app', 'FROM base', 'COPY . /app'].join('\n');
    expect(rulesOf(text)).toEqual([]);
  });

  it('reports secrets in ENV and ARG by name or shape, and never writes their values', () => {
    const token = 'ghp_' + 'x'.repeat(36);
    const text = ['FROM node:20-bookworm-slim@sha256:' + 'b'.repeat(64), `ENV DB_PASSWORD=hunter2 LOG_LEVEL=debug`, `ARG GITHUB_TOKEN=${token}`, 'ARG NPM_TOKEN', 'ENV API_KEY=${API_KEY}', 'USER node'].join('\n');
    const { run } = analyzeDockerfile(text, 'Dockerfile', undefined);
    expect(run.results!.map((r) => `${r.ruleId}@${r.locations?.[0]?.physicalLocation?.region?.startLine}`)).toEqual(['PW-DF007@2', 'PW-DF007@3']);
    const json = JSON.stringify(run);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain(token);
    expect(run.results!.every((r) => r.properties?.['pipewarden/category'] === 'secrets')).toBe(true);
  });

  it('names the packages installed without a version, per package manager', () => {
    const text = ['FROM registry.example.com/base/runtime:2@sha256:' + 'e'.repeat(64), 'RUN apt-get update && apt-get install -y curl git=1:2.39.2-1 \\\n    ca-certificates', 'RUN apk add --no-cache bash=5.2.15-r5 jq', 'RUN pip install requests==2.32.3 flask && pip install -r requirements.txt', 'RUN npm install -g typescript && npm install', 'USER app'].join('\n');
    const messages = analyzeDockerfile(text, 'Dockerfile', undefined).run.results!.map((r) => r.message.text);
    expect(messages).toEqual(['apt-get installs curl, ca-certificates without a version.', 'apk installs jq without a version.', 'pip installs flask without a version.', 'npm installs typescript without a version.']);
  });

  it('says nothing about the sanctioned list when there is none', () => {
    expect(rulesOf('FROM node:20@sha256:' + 'b'.repeat(64) + '\nUSER node', {} as never)).toEqual([]);
  });
});
