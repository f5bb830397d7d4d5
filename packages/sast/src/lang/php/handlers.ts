// PHP has no route registration the engine needs: superglobals ($_GET, $_POST, …) are sources anywhere. Frameworks
// pass the request as a typed parameter: Laravel's Illuminate\Http\Request (and FormRequest subclasses), Symfony's
// HttpFoundation Request, PSR-7's ServerRequestInterface. Such a parameter gets the role `$req`, which the source
// patterns of src/rules/php/models.yaml start with ($req.input(), $req.query.get(), …).

const TYPE_ROLES: [RegExp, string][] = [
  [/^(?:\w*Request|ServerRequestInterface|RequestInterface)$/, '$req'],
];

export function roleOfType(type: string | undefined): string | undefined {
  if (!type) return undefined;
  return TYPE_ROLES.find(([pattern]) => pattern.test(type))?.[1];
}
