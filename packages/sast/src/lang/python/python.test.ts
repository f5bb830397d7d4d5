import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../../engine/analyze.js';

/** A file of the given lines. */
function file(path: string, lines: string[]): { path: string; text: string } {
  return { path, text: `${lines.join('\n')}\n` };
}

async function rulesFound(files: { path: string; text: string }[]): Promise<string[]> {
  const { log } = await analyzeSources(files);
  return (log.runs[0]!.results ?? []).map((r) => `${r.ruleId}@${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri}:${r.locations?.[0]?.physicalLocation?.region?.startLine}`);
}

describe('Python', () => {
  test('Django class-based views read self.request; FastAPI parameters are request data', async () => {
    const found = await rulesFound([
      { path: 'views.py', text: "import os\nfrom django.views import View\nclass Run(View):\n    def get(self, request):\n        os.system('ls ' + self.request.GET['d'])\n" },
      { path: 'api.py', text: "import os\nfrom fastapi import FastAPI, Query\napp = FastAPI()\n@app.get('/run/{name}')\ndef run(name: str, q: str = Query(None)):\n    os.system(name + q)\n" },
    ]);
    expect(found).toEqual(expect.arrayContaining(['py-command-injection@views.py:5', 'py-command-injection@api.py:6']));
  });

  test('a helper module imported as a dotted name carries data across files', async () => {
    const found = await rulesFound([
      { path: 'lib/db.py', text: "def find(cur, name):\n    cur.execute(\"SELECT * FROM u WHERE n = '%s'\" % name)\n" },
      { path: 'app.py', text: "import lib.db\nfrom flask import request\n@app.route('/u')\ndef u():\n    lib.db.find(cur, request.args.get('n'))\n    return 'ok'\n" },
    ]);
    expect(found.some((f) => f.startsWith('py-sql-injection@'))).toBe(true);
  });

  test('branches fixed by constants are not followed; tuple unpacking keeps items apart', async () => {
    const found = await rulesFound([
      file('dead.py', [
        'from flask import request',
        "@app.route('/x')",
        'def x():',
        "    param = request.args.get('p')",
        '    num = 86',
        "    bar = 'safe' if 7 * 42 - num > 200 else param",
        "    s = 'This should never happen'",
        "    if 'never' not in s:",
        '        bar = param',
        "    a, b = 'const', param",
        "    guess = 'ABC'[1]",
        '    match guess:',
        "        case 'A':",
        '            bar = param',
        '        case _:',
        '            pass',
        '    eval(bar)',
        '    eval(a)',
        "    return 'ok'",
      ]),
    ]);
    expect(found.filter((f) => f.startsWith('py-code-injection'))).toEqual([]);
  });

  test('an instance of another file\'s class reaches its methods; a field typed flask.Request is the request', async () => {
    const found = await rulesFound([
      file('lib/wrap.py', [
        'import flask',
        'class RequestWrapper:',
        '    request: flask.Request',
        '    def __init__(self, request: flask.Request):',
        '        self.request = request',
        '    def form(self, name):',
        '        return self.request.form.get(name)',
        '    def fixed(self, name):',
        "        return 'bar'",
      ]),
      file('views.py', [
        'import os',
        'import lib.wrap',
        'from flask import request',
        "@app.route('/run', methods=['POST'])",
        'def run():',
        '    w = lib.wrap.RequestWrapper(request)',
        "    os.system(w.form('cmd'))",
        "    os.system(w.fixed('cmd'))",
        "    return 'ok'",
      ]),
    ]);
    expect(found.filter((f) => f.startsWith('py-command-injection'))).toEqual(['py-command-injection@views.py:7']);
  });

  test('a method called on an instance of a class of the same file reaches its sinks', async () => {
    const found = await rulesFound([
      file('app.py', [
        'from flask import request',
        'class Repo:',
        '    def __init__(self, db):',
        '        self.db = db',
        '    def find(self, name):',
        "        return self.db.execute(\"SELECT * FROM u WHERE n = '\" + name + \"'\")",
        '    def count(self, name):',
        "        return self.db.execute('SELECT count(*) FROM u WHERE n = ?', (name,))",
        "@app.route('/u')",
        'def u():',
        '    repo = Repo(db)',
        "    repo.count(request.args.get('n'))",
        "    return str(repo.find(request.args.get('n')))",
      ]),
    ]);
    expect(found.filter((f) => f.startsWith('py-sql-injection'))).toEqual(['py-sql-injection@app.py:6']);
  });

  test('an instance built from request data still carries it through its methods, less surely', async () => {
    const { log } = await analyzeSources([
      file('app.py', [
        'import os',
        'from flask import request',
        'class Box:',
        '    def __init__(self, v):',
        '        self.v = v',
        '    def value(self):',
        '        return self.v',
        "@app.route('/u')",
        'def u():',
        "    os.system(Box(request.args.get('n')).value())",
        "    return 'ok'",
      ]),
    ]);
    const results = (log.runs[0]!.results ?? []).filter((r) => r.ruleId === 'py-command-injection');
    expect(results.map((r) => [r.locations?.[0]?.physicalLocation?.region?.startLine, r.properties?.['pipewarden/confidence']])).toEqual([[10, 'medium']]);
  });
});
