// Servlets and Spring: what a request handler gets from the framework. A parameter typed as a request gets the
// role `$req` (the rules' source patterns start with it: `$req.getParameter()`), a response `$res`; Spring's
// binding annotations make the parameter itself untrusted input.

const TYPE_ROLES: [RegExp, string][] = [
  [/^(?:HttpServletRequest|ServletRequest|HttpServletRequestWrapper|MultipartHttpServletRequest|StandardMultipartHttpServletRequest|WebRequest|NativeWebRequest)$/, '$req'],
  [/^(?:HttpServletResponse|ServletResponse|HttpServletResponseWrapper)$/, '$res'],
];

export function roleOfType(type: string | undefined): string | undefined {
  if (!type) return undefined;
  return TYPE_ROLES.find(([pattern]) => pattern.test(type))?.[1];
}

/** Spring MVC's request mapping annotations: their methods are route handlers. */
export const MAPPING_ANNOTATIONS = new Set(['RequestMapping', 'GetMapping', 'PostMapping', 'PutMapping', 'DeleteMapping', 'PatchMapping']);

const SPRING_SOURCES: Record<string, { kind: string; label: string }> = {
  RequestParam: { kind: 'http.query', label: 'request parameter' },
  PathVariable: { kind: 'http.params', label: 'path parameter' },
  MatrixVariable: { kind: 'http.params', label: 'path parameter' },
  RequestBody: { kind: 'http.body', label: 'request body' },
  RequestPart: { kind: 'http.body', label: 'request part' },
  ModelAttribute: { kind: 'http.body', label: 'request form' },
  RequestHeader: { kind: 'http.headers', label: 'request header' },
  CookieValue: { kind: 'http.cookies', label: 'cookie' },
};

/** @RequestParam("id") String id: the parameter is untrusted input, named in the flow. */
export function sourceOfAnnotation(name: string, value: string | undefined): { kind: string; label: string } | undefined {
  const source = SPRING_SOURCES[name];
  if (!source) return undefined;
  return { kind: source.kind, label: value ? `${source.label} \`${value}\`` : source.label };
}
