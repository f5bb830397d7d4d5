/** The lowest version a Gradle (or Maven) version notation admits: exact, a "[a,b)" range, a "1.+" prefix. */
export function lowestGradle(spec: string): { version: string; exact: boolean } {
  const s = spec.trim();
  if (s === '' || s === '+' || /^latest\./.test(s) || s.includes('$')) return { version: '', exact: false };
  const range = /^([[(\]])\s*([^,]*?)\s*,/.exec(s);
  if (range) return { version: range[1] === '[' ? (range[2] ?? '') : '', exact: false };
  if (s.endsWith('+')) return { version: s.slice(0, -1).replace(/\.$/, ''), exact: false };
  // "1.2.3!!" is Kotlin DSL's strictly
  return { version: s.replace(/!!$/, ''), exact: true };
}
