import { z } from 'zod';
import { InputError } from '../../errors.js';
import { formatIssuePath } from '../../sarif/validate.js';
import type { Log, ReportingDescriptor, Result } from '../../sarif/types.js';
import { checkedRegion } from '../toolkit.js';
import type { InputFormat } from '../types.js';

// ShellCheck's `-f json1` ({"comments": [...]}) and older `-f json` (a bare array) carry the same comments.
const comment = z.object({
  file: z.string(),
  // Any number: one that is not a line or column number is dropped by checkedRegion with a warning, not the report.
  line: z.number(),
  endLine: z.number().optional(),
  column: z.number(),
  endColumn: z.number().optional(),
  level: z.enum(['error', 'warning', 'info', 'style']),
  code: z.number().int(),
  message: z.string(),
});
const json1 = z.object({ comments: z.array(comment) });
const json = z.array(comment);

const LEVEL = { error: 'error', warning: 'warning', info: 'note', style: 'note' } as const;
// ShellCheck is a correctness linter: its findings rank below those of security scanners.
const SEVERITY = { error: '5.0', warning: '3.5', info: '2.0', style: '1.0' } as const;

function looksLikeComment(value: unknown): boolean {
  // Hadolint writes the same fields with a string code ("DL3008"); ShellCheck's code is a number.
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number' && 'level' in value && 'file' in value && 'line' in value;
}

export const shellcheck: InputFormat = {
  id: 'shellcheck',
  title: 'ShellCheck JSON (json1 and json)',
  producedBy: 'shellcheck -f json1 / -f json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const data = document.data;
    const list = Array.isArray(data) ? data : (data as { comments?: unknown } | null)?.comments;
    if (!Array.isArray(list)) return 0;
    if (list.length === 0) return Array.isArray(data) ? 0 : 0.6;
    return looksLikeComment(list[0]) ? 1 : 0;
  },
  parse(document, { file }): Log {
    if (document.kind !== 'json') throw new InputError('is not ShellCheck JSON (expected one JSON document)', { file });
    const data = document.data;
    // Chosen by shape first, so an error points into the document rather than at "no union member matched".
    const parsed = Array.isArray(data) ? json.safeParse(data) : json1.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`is not valid ShellCheck JSON: ${formatIssuePath(issue.path)}: ${issue.message}`, { file });
    }
    const comments = Array.isArray(parsed.data) ? parsed.data : (parsed.data as z.output<typeof json1>).comments;
    const rules = new Map<string, ReportingDescriptor>();
    const results: Result[] = comments.map((c) => {
      const ruleId = `SC${c.code}`;
      if (!rules.has(ruleId)) {
        rules.set(ruleId, {
          id: ruleId,
          name: ruleId,
          shortDescription: { text: c.message },
          helpUri: `https://www.shellcheck.net/wiki/${ruleId}`,
          defaultConfiguration: { level: LEVEL[c.level] },
          properties: { tags: ['shell', 'correctness'], 'security-severity': SEVERITY[c.level] },
        });
      }
      const region = checkedRegion({ startLine: c.line, startColumn: c.column, endLine: c.endLine, endColumn: c.endColumn });
      return {
        ruleId,
        level: LEVEL[c.level],
        message: { text: c.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: c.file },
              ...(region
                ? {
                    region: {
                      startLine: region.startLine!,
                      ...(region.startColumn !== undefined ? { startColumn: region.startColumn } : {}),
                      ...(region.endLine !== undefined ? { endLine: region.endLine } : {}),
                      ...(region.endColumn !== undefined ? { endColumn: region.endColumn } : {}),
                    },
                  }
                : {}),
            },
          },
        ],
      };
    });
    const ruleList = [...rules.values()];
    const indexOf = new Map(ruleList.map((rule, index) => [rule.id, index]));
    for (const result of results) result.ruleIndex = indexOf.get(result.ruleId!)!;
    return {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'ShellCheck', informationUri: 'https://www.shellcheck.net', rules: ruleList } },
          results,
        },
      ],
    };
  },
};
