// Rule files are bundled as text (tsup's text loader; the vitest config does the same).
declare module '*.yaml' {
  const text: string;
  export default text;
}
