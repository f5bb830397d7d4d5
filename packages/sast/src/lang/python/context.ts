import { BaseLowerContext } from '../lower-context.js';
import type { SyntaxNode } from '../../parse/syntax.js';
import type { ArgvShape, KnownList } from './lists.js';

/** One function being lowered: its own names (params, assignments) and the constants folded in its branches. */
export interface FunctionScope {
  /** Names bound in the function: an imported module alias with the same name is shadowed there. */
  locals: Set<string>;
  /** Names assigned exactly once, to a number: `num = 86` makes `if 7 * 42 - num > 200` constant. */
  constants: Map<string, number>;
  /** The method's receiver (`self`), lowered as `this` so that `self.m()` reaches the method. */
  self?: string | undefined;
  /** Parameters typed as Flask's request (`request: flask.Request`): they are `flask.request`. */
  requestNames: Set<string>;
  /** A Flask handler of fixed routes only (no `<converter>`): its `request.path` is that route, not request data. */
  staticPath?: string | undefined;
  /** Flask route handler: its `return x` is the response body (lowered as `$return(x)`). */
  respond: boolean;
  /** Constants known at this point of the function's straight-line code (`bar = 'safe'`), for folding conditions. */
  known: Map<string, number | string | boolean>;
  /** The expression each name was last assigned (`p = (base / name).resolve()`), for reading checks on it; dropped when it is assigned otherwise. */
  defs: Map<string, SyntaxNode>;
  /** SAX parsers given feature_external_ges/pes here: they resolve external entities. */
  entityParsers: Set<string>;
  /** Local lists that may hold a shell and its -c flag (lists.ts), over every branch. */
  argv: Map<string, ArgvShape>;
  /** Local lists followed item by item (lists.ts). */
  lists: Map<string, KnownList>;
  /** How deep in branches and loops lowering is: only top-level assignments set `known`. */
  depth: number;
}

/** What lowering one file collects besides the statements: every function, the imports and exports. */
export class LowerContext extends BaseLowerContext {
  /** Names that stand for a module: `import a.b` (the chain `a.b`), `import x as y`, `from p import m`. */
  readonly modules = new Map<string, string>();
  /** The file uses FastAPI (its handlers' parameters are request data, its returns JSON). */
  fastapi = false;
  readonly scopes: FunctionScope[] = [];
  /** What each top-level name was last assigned at module level (`NAME = re.compile(r'…')`). */
  readonly moduleDefs = new Map<string, SyntaxNode>();
  /** In the methods of a class, its fields that hold Flask's request (`request: flask.Request`, `self.r = request`). */
  requestFields: ReadonlySet<string> = new Set();
  /** The followed list whose use is being lowered (lst.append(x), lst[1]): that use does not stop following it. */
  listUse: string | undefined;

  /** Whether a type annotation names Flask's (werkzeug's) request class. */
  isRequestType(type: string | undefined): boolean {
    if (!type || this.fastapi) return false;
    const text = type.replace(/\s+/g, '');
    if (/^(?:flask|werkzeug)(?:\.wrappers)?(?:\.request)?\.Request$/.test(text)) return true;
    return this.imports.some((i) => i.local === text && i.imported === 'Request' && /^(?:flask|werkzeug)\b/.test(i.module));
  }

  get scope(): FunctionScope | undefined {
    return this.scopes.at(-1);
  }

  /** Whether `name` is bound by the function being lowered (or an enclosing one). */
  isLocal(name: string): boolean {
    return this.scopes.some((s) => s.locals.has(name));
  }
}

/** A string literal's text without its prefix (r, b, f, u) and quotes. */
export function stringValue(ctx: LowerContext, node: SyntaxNode): string {
  return node.children
    .filter((c) => c.type === 'string_content' || c.type === 'escape_sequence')
    .map((c) => ctx.text(c))
    .join('');
}
