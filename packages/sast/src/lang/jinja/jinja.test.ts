import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../../engine/analyze.js';
import { SourceText } from '../../parse/syntax.js';
import { jinja } from './adapter.js';
import { dataNames } from './lexer.js';

const raw = (file: string, text: string) => (jinja.lex!(new SourceText(text), file).rawOutputs ?? []).map((o) => `${o.span.line}:${o.name}`);

describe('Jinja2 and Twig templates', () => {
  test('files are read by name: Twig anywhere, Jinja2 by its extensions or under templates/', () => {
    expect(['templates/a.html', 'app/templates/mail/x.txt', 'x.html.twig', 'roles/web/t.conf.j2', 'page.jinja2'].map((f) => jinja.grammarFor(f))).toEqual(['lexed', 'lexed', 'lexed', 'lexed', 'lexed']);
    expect(['public/index.html', 'templates/a.py', 'views/a.ejs'].map((f) => jinja.grammarFor(f))).toEqual([undefined, undefined, undefined]);
  });

  test('raw filters, escapes before them, autoescape blocks and raw blocks', () => {
    const text = [
      '<p>{{ name }}</p>',
      '<p>{{ name|safe }} {{ user.bio | striptags | safe }}</p>',
      '<p>{{ name|e|safe }} {{ count|int|safe }} {{ "<b>"|safe }}</p>',
      '{% autoescape false %}<p>{{ title }}</p>{% endautoescape %}<p>{{ title }}</p>',
      '{% raw %}{{ name|safe }}{% endraw %}{# {{ name|safe }} #}',
      '{% for item in items %}{{ item|safe }}{% endfor %}{{ item|safe }}',
      "{% set greeting = 'Hi ' ~ who %}{{ greeting|safe }}",
    ].join('\n');
    expect(raw('templates/page.html', text)).toEqual(['2:name', '2:user', '4:title', '6:items', '6:item', '7:who']);
  });

  test('autoescape by file name: Flask escapes .html, .xml, .svg only; Twig all but .txt.twig', () => {
    expect(raw('templates/mail.txt', 'Dear {{ name }}')).toEqual(['1:name']);
    expect(raw('templates/page.htm', 'Dear {{ name }}')).toEqual([]);
    expect(raw('templates/mail.txt.twig', 'Dear {{ name }}')).toEqual(['1:name']);
    expect(raw('templates/page.html.twig', 'Dear {{ name }} {{ name|raw }} {{ name|safe }}')).toEqual(['1:name']);
    expect(raw('templates/page.html.twig', "{% autoescape 'html' %}{{ a }}{% endautoescape %}{% autoescape false %}{{ b }}{% endautoescape %}")).toEqual(['1:b']);
  });

  test('data names: not keywords, attributes or string contents', () => {
    expect(dataNames("user.name ~ ' and ' ~ other if loop.first else none")).toEqual(['user', 'other']);
  });

  test('a Flask handler rendering a template that prints its data |safe: the flow ends on the template line', async () => {
    const { log } = await analyzeSources([
      { path: 'shop/app.py', text: "from flask import Flask, request, render_template\napp = Flask(__name__)\n\n@app.route('/p')\ndef p():\n    q = request.args.get('q')\n    return render_template('search/results.html', query=q)\n" },
      { path: 'shop/templates/search/results.html', text: '<h1>Search</h1>\n<p>{{ query|safe }}</p>\n' },
      { path: 'other/templates/search/results.html', text: '<p>{{ query|safe }}</p>\n' },
    ]);
    const results = (log.runs[0]!.results ?? []).filter((r) => r.ruleId === 'py-template-reflected-xss');
    expect(results.map((r) => [r.locations![0]!.physicalLocation!.artifactLocation!.uri, r.locations![0]!.physicalLocation!.region!.startLine])).toEqual([['shop/templates/search/results.html', 2]]);
    expect(results[0]!.codeFlows![0]!.threadFlows[0]!.locations.map((l) => `${l.location!.physicalLocation!.artifactLocation!.uri}:${l.location!.physicalLocation!.region!.startLine} ${l.location!.message!.text}`)).toEqual([
      'shop/app.py:6 request parameter `q`',
      'shop/app.py:6 assigned to `q`',
      'shop/app.py:7 passed to `render_template` as `query`',
      'shop/templates/search/results.html:2 printed unescaped by `{{ query|safe }}` (template output)',
    ]);
  });
});
