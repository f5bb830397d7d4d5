import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

// pipewarden-sast through the built CLI on three small apps whose XSS is in their templates: Flask with Jinja2,
// Symfony with Twig, a servlet forwarding to a JSP. Each finding sits on the template line, its flow starting at the
// handler's request parameter; the escaped outputs beside them are not reported.
const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

/** The part of results.sarif read here. */
interface Place {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
}
interface SarifResult {
  ruleId: string;
  locations: Place[];
  codeFlows: { threadFlows: { locations: { location: Place }[] }[] }[];
}

const APPS: Record<string, string> = {
  'flask/app.py': `from flask import Flask, request, render_template
app = Flask(__name__)

@app.route('/search')
def search():
    q = request.args.get('q', '')
    return render_template('search.html', query=q, echo=q)
`,
  'flask/templates/search.html': `<h1>Search</h1>
<p>{{ echo }}</p>
<p>You searched for {{ query|safe }}</p>
`,
  'symfony/src/Controller/BlogController.php': `<?php
namespace App\\Controller;
use Symfony\\Component\\HttpFoundation\\Request;
class BlogController extends AbstractController {
    public function show(Request $request) {
        $title = $request->query->get('title');
        return $this->render('blog/show.html.twig', ['title' => $title]);
    }
}
`,
  'symfony/templates/blog/show.html.twig': `<h1>{{ title }}</h1>
{% autoescape false %}
<title>{{ title }}</title>
{% endautoescape %}
`,
  'shop/src/main/java/org/acme/ItemServlet.java': `package org.acme;
import javax.servlet.http.*;
public class ItemServlet extends HttpServlet {
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
    request.setAttribute("item", request.getParameter("item"));
    request.getRequestDispatcher("/WEB-INF/item.jsp").forward(request, response);
  }
}
`,
  'shop/src/main/webapp/WEB-INF/item.jsp': `<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<p><c:out value="\${item}"/></p>
<p>\${item}</p>
`,
};

describe('pipewarden-sast on templates, through the CLI', () => {
  let results: SarifResult[];
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-sast-templates-'));
    for (const [name, text] of Object.entries(APPS)) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const out = join(dir, '.out');
    const run = spawnSync(process.execPath, [CLI, 'scan', dir, '--scanners', 'pipewarden-sast', '--out-dir', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const log = JSON.parse(await readFile(join(out, 'results.sarif'), 'utf8')) as { runs: { results?: SarifResult[] }[] };
    results = log.runs.flatMap((r) => r.results ?? []).filter((r) => r.ruleId.endsWith('-reflected-xss'));
  }, 120_000);

  it('reports each unescaped output in its template, with the flow from the handler', () => {
    const where = (r: SarifResult) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`;
    expect(results.map(where).sort()).toEqual([
      'java-jsp-reflected-xss shop/src/main/webapp/WEB-INF/item.jsp:3',
      'php-twig-reflected-xss symfony/templates/blog/show.html.twig:3',
      'py-template-reflected-xss flask/templates/search.html:3',
    ]);
    const flask = results.find((r) => r.ruleId === 'py-template-reflected-xss')!;
    const steps = flask.codeFlows[0]!.threadFlows[0]!.locations.map((l) => `${l.location.physicalLocation.artifactLocation.uri}:${l.location.physicalLocation.region.startLine}`);
    expect(steps[0]).toBe('flask/app.py:6');
    expect(steps.at(-1)).toBe('flask/templates/search.html:3');
  });
});
