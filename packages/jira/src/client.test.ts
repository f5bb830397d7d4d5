import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketDraft } from '@pipewarden/core';
import { FakeJira } from '../../../test-support/fake-jira.js';
import { jiraApi } from './client.js';
import { adfSection, spliceAdf, spliceWiki, wikiSection } from './render.js';

describe('the Jira client (jira.js) against a Jira on 127.0.0.1: retries', () => {
  let jira: FakeJira;
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  beforeEach(async () => {
    waits.length = 0;
    jira = new FakeJira('cloud');
    await jira.start();
  });
  afterEach(async () => jira.stop());
  const api = () => jiraApi(jira.url, 'cloud', { email: 'dev@example.com', token: 'api-token' }, { sleep });

  it('waits as Retry-After asks after a 429, and backs off 1, 2, 4 s after 5xx', async () => {
    jira.rateLimited = 1;
    expect(await api().search('labels = pipewarden')).toEqual([]);
    expect(waits).toEqual([1000]);
    waits.length = 0;
    jira.unavailable = 3;
    expect(await api().search('labels = pipewarden')).toEqual([]);
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('gives up after five tries, and never retries a refusal (401, 400)', async () => {
    jira.unavailable = 10;
    await expect(api().search('labels = pipewarden')).rejects.toMatchObject({ status: 503 });
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    waits.length = 0;
    jira.unavailable = 0;
    await expect(jiraApi(jira.url, 'cloud', { email: 'dev@example.com', token: 'wrong' }, { sleep }).search('labels = x')).rejects.toMatchObject({ status: 401 });
    await expect(api().create({ project: { key: 'NOPE' }, summary: 's', issuetype: { name: 'Bug' } }, { key: 'pipewarden', value: {} })).rejects.toMatchObject({ status: 400 });
    expect(waits).toEqual([]);
  });
});

describe('Jira bodies: report text is only ever text', () => {
  const hostile = '*bold* {code}x{code} [link|http://evil] {noformat} <b>h</b> !image.png! |cell| \\\\ h1. x';
  const draft = { key: 'k', title: 't', labels: [], confidential: true, marker: { key: 'k', scanner: 's', fingerprints: [] }, sections: [{ heading: 'What', blocks: [{ kind: 'paragraph', content: [{ text: hostile, max: 500 }] }, { kind: 'code', language: 'http', text: 'GET /x\n{noformat}\n{panel}' }] }] } as TicketDraft;

  it('wiki markup escapes every formatting character and no block can be closed early', () => {
    const wiki = wikiSection(draft);
    expect(wiki).toContain('\\*bold\\* \\{code\\}x\\{code\\} \\[link\\|http://evil\\] \\{noformat\\} <b>h</b> \\!image.png\\! \\|cell\\|');
    expect(wiki.match(/\{noformat\}/g)).toHaveLength(2);
    expect(wiki.match(/^\{panel\}$/gm)).toHaveLength(1);
    expect(spliceWiki(`notes of a person\n\n${wiki}`, wikiSection({ ...draft, sections: [] }))).toMatch(/^notes of a person\n\n\{panel:title=Pipewarden\|borderStyle=solid\}\n\{panel\}$/);
  });

  it('ADF keeps report text in text nodes, and a person\'s nodes around the panel', () => {
    const panel = adfSection(draft);
    expect(JSON.stringify(panel)).toContain(JSON.stringify(hostile).slice(1, -1));
    expect(panel.content![1]!.content![0]).toEqual({ type: 'text', text: hostile });
    const doc = spliceAdf({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'mine' }] }, panel] }, adfSection({ ...draft, sections: [] }));
    expect(doc.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'mine' }] }, { type: 'panel', attrs: { panelType: 'note' }, content: [] }]);
  });
});
