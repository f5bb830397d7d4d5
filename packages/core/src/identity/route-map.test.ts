import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROP, SRCROOT, type Log } from '../sarif/types.js';
import { fileRouteFor, findRoutes, mapDastRoutes, routeFor } from './route-map.js';

async function project(files: Record<string, string>): Promise<{ root: string; paths: string[] }> {
  const root = await mkdtemp(join(tmpdir(), 'pw-routes-'));
  const paths: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text);
    paths.push(path);
  }
  return { root, paths };
}

describe('DAST URL → handler in the code', () => {
  it('finds routes of Express, Flask, FastAPI, Spring, Go and Django, with parameters', async () => {
    const { root, paths } = await project({
      'app/server.js': "const app = express();\napp.get('/search', h);\napp.post('/calc', h);\nrouter.get(\"/users/:id/orders\", h);\napp.use('/static', serve);\n",
      'py/app.py': "@app.route('/login', methods=['POST'])\ndef login(): pass\n\n@api.get('/items/{item_id}')\ndef item(): pass\n",
      'java/Ctl.java': '@RestController\nclass C {\n  @GetMapping("/accounts/{id}")\n  A get() {}\n  @RequestMapping(value = "/admin")\n  void admin() {}\n}\n',
      'go/main.go': 'func main() {\n\thttp.HandleFunc("/health", h)\n\tr.POST("/upload", u)\n}\n',
      'dj/urls.py': "urlpatterns = [\n    path('blog/<int:year>/', views.year),\n]\n",
      'README.md': "app.get('/not-code', h)\n",
    });
    const routes = await findRoutes(paths, root);
    const where = (url: string, method?: string) => {
      const route = routeFor(routes, url, method);
      return route ? `${route.file}:${route.line}` : undefined;
    };
    expect(where('http://127.0.0.1:3000/search?q=%3Cscript%3E')).toBe('app/server.js:2');
    expect(where('http://127.0.0.1:3000/calc', 'POST')).toBe('app/server.js:3');
    expect(where('http://127.0.0.1:3000/calc', 'GET')).toBeUndefined();
    expect(where('http://h/users/42/orders')).toBe('app/server.js:4');
    expect(where('http://h/login', 'post')).toBe('py/app.py:1');
    expect(where('http://h/items/abc')).toBe('py/app.py:4');
    expect(where('http://h/accounts/7')).toBe('java/Ctl.java:3');
    expect(where('http://h/admin', 'DELETE')).toBe('java/Ctl.java:5');
    expect(where('http://h/health')).toBe('go/main.go:2');
    expect(where('http://h/upload', 'POST')).toBe('go/main.go:3');
    expect(where('http://h/blog/2024/')).toBe('dj/urls.py:2');
    expect(where('http://h/not-code')).toBeUndefined();
    expect(where('http://h/nowhere')).toBeUndefined();
  });

  it('a literal route beats a parameter route, and a handler of the method beats a mount', async () => {
    const { root, paths } = await project({ 'a.js': "app.get('/item/:id', h);\napp.get('/item/new', h);\napp.all('/x', m);\napp.get('/x', h);\n" });
    const routes = await findRoutes(paths, root);
    expect(routeFor(routes, 'http://h/item/new', 'GET')?.line).toBe(2);
    expect(routeFor(routes, 'http://h/item/9', 'GET')?.line).toBe(1);
    expect(routeFor(routes, 'http://h/x', 'GET')?.line).toBe(4);
  });

  it('maps a finding to its handler with the request kept as a logical location; an unknown route keeps only the request', async () => {
    const { root, paths } = await project({ 'server.js': "app.get('/search', h);\n" });
    const dast = (url: string) => ({ ruleId: 'xss', message: { text: 'XSS' }, properties: { 'pipewarden/dast': { url, method: 'GET', parameter: 'q' } } });
    const log: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'ZAP' } }, results: [dast('http://127.0.0.1:3000/search?q=x'), dast('http://127.0.0.1:3000/gone')], properties: { [PROP.category]: 'dast' } }] };
    expect(await mapDastRoutes(log, { srcRoot: root, files: async () => paths })).toEqual({ mapped: 1, unmapped: 1 });
    const [mapped, unmapped] = log.runs[0]!.results!;
    expect(mapped!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'server.js', uriBaseId: SRCROOT }, region: { startLine: 1 } }, logicalLocations: [{ fullyQualifiedName: 'GET http://127.0.0.1:3000/search?q=x', kind: 'resource' }] },
    ]);
    expect(mapped!.properties!['pipewarden/route']).toEqual({ template: '/search', method: 'GET', file: 'server.js', line: 1 });
    expect(unmapped!.locations).toEqual([{ logicalLocations: [{ fullyQualifiedName: 'GET http://127.0.0.1:3000/gone', kind: 'resource' }] }]);
  });

  it('file-routed applications: a PHP URL is the file under the document root, on the line that reads the parameter', async () => {
    const files = new Set(['public/index.php', 'public/vulnerabilities/sqli/index.php', 'public/login.php', 'public/about.html', 'src/lib.php']);
    expect(fileRouteFor(files, 'http://127.0.0.1/login.php?x=1')).toBe('public/login.php');
    expect(fileRouteFor(files, 'http://127.0.0.1/vulnerabilities/sqli/?id=1')).toBe('public/vulnerabilities/sqli/index.php');
    expect(fileRouteFor(files, 'http://127.0.0.1/vulnerabilities/sqli')).toBe('public/vulnerabilities/sqli/index.php');
    expect(fileRouteFor(files, 'http://127.0.0.1/login')).toBe('public/login.php');
    expect(fileRouteFor(files, 'http://127.0.0.1/')).toBe('public/index.php');
    expect(fileRouteFor(files, 'http://127.0.0.1/about.html')).toBe('public/about.html');
    expect(fileRouteFor(files, 'http://127.0.0.1/missing.php')).toBeUndefined();

    const { root, paths } = await project({ 'app/vulnerabilities/sqli/index.php': "<?php\n$id = $_REQUEST[ 'id' ];\n$q = \"SELECT * FROM users WHERE id = '$id'\";\n", 'app/index.php': '<?php echo 1;\n' });
    const log: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Wapiti' } }, results: [{ ruleId: 'sqli', message: { text: 'SQLi' }, properties: { 'pipewarden/dast': { url: 'http://127.0.0.1:8080/vulnerabilities/sqli/?id=1&Submit=Submit', method: 'GET', parameter: 'id' } } }], properties: { [PROP.category]: 'dast' } }] };
    expect(await mapDastRoutes(log, { srcRoot: root, files: async () => paths })).toEqual({ mapped: 1, unmapped: 0 });
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'app/vulnerabilities/sqli/index.php', uriBaseId: SRCROOT }, region: { startLine: 2 } });
  });

  it("Node's own http server: case '/x': and pathname === '/x' are routes", async () => {
    const { root, paths } = await project({ 'app.js': "switch (url.pathname) {\n  case '/search':\n    return 1;\n}\nif (url.pathname === '/login') {}\n" });
    const routes = await findRoutes(paths, root);
    expect(routes.map((r) => [r.template, r.line])).toEqual([['/search', 2], ['/login', 5]]);
  });

  it('Laravel route files and Rails config/routes.rb', async () => {
    const { root, paths } = await project({
      'routes/web.php': "<?php\nRoute::get('/orders/{id}', [OrderController::class, 'show']);\nRoute::match(['get', 'post'], 'search', 'SearchController@index');\n",
      'config/routes.rb': "Rails.application.routes.draw do\n  get '/profile/:id', to: 'profiles#show'\n  post 'comments' => 'comments#create'\nend\n",
    });
    const routes = await findRoutes(paths, root);
    expect(routes.map((r) => [r.template, r.method, r.file, r.line])).toEqual([
      ['/orders/{id}', 'GET', 'routes/web.php', 2],
      ['/search', undefined, 'routes/web.php', 3],
      ['/profile/:id', 'GET', 'config/routes.rb', 2],
      ['/comments', 'POST', 'config/routes.rb', 3],
    ]);
    expect(routeFor(routes, 'http://127.0.0.1/orders/42', 'GET')?.file).toBe('routes/web.php');
  });
});
