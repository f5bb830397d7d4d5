import { corpusSuite } from '../corpus-harness.js';

function inList(text: string, list: string, element: string): number {
  const section = new RegExp(`<${list}>([\\s\\S]*?)</${list}>`).exec(text)?.[1] ?? '';
  return (section.match(new RegExp(`<${element}>`, 'g')) ?? []).length;
}

corpusSuite({
  folder: 'qualys_webapp',
  format: 'qualys-was',
  // Vulnerabilities and sensitive content are findings; "information gathered" items are not.
  count: (text) => inList(text, 'VULNERABILITY_LIST', 'VULNERABILITY') + inList(text, 'SENSITIVE_CONTENT_LIST', 'SENSITIVE_CONTENT'),
});
