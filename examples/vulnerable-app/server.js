'use strict';
// Pipewarden's demo: a small shop API with deliberate, documented flaws (see FLAWS.md).
// It exists to be scanned and attacked in CI. Never deploy it.
const express = require('express');
const { exec } = require('child_process');
const fs = require('fs');
const path = require('path');
const _ = require('lodash');
const { openDatabase } = require('./db');
const config = require('./config');

// DEMO_FIXED=1 serves the fixed variant of the two flaws DAST finds (output encoding, a bound parameter):
// scanning it on the default branch closes their tickets (pnpm e2e:dast).
const FIXED = process.env.DEMO_FIXED === '1';

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title, body) {
  return `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

async function createApp() {
  const db = await openDatabase();
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(express.json());

  app.get('/', (req, res) => {
    res.send(layout('Shop', '<h1>Shop</h1><form action="/search"><input name="q"></form><a href="/item?id=1">Item 1</a>'));
  });

  // Reflected XSS: the query goes into the page unescaped.
  app.get('/search', (req, res) => {
    const q = req.query.q || '';
    res.send(layout('Search', '<h1>Results for ' + (FIXED ? escapeHtml(q) : q) + '</h1><p>No items found.</p>'));
  });

  // SQL injection: the id is concatenated into the statement.
  app.get('/item', (req, res) => {
    const id = req.query.id || '1';
    try {
      const rows = FIXED ? db.exec('SELECT id, name, price FROM items WHERE id = ?', [id]) : db.exec("SELECT id, name, price FROM items WHERE id = " + id);
      const items = rows.length ? rows[0].values : [];
      res.send(layout('Item', items.map((r) => `<p>${escapeHtml(r[1])}: ${escapeHtml(r[2])}</p>`).join('')));
    } catch (err) {
      // The database error leaks to the client with SQLite's result code (1, SQLITE_ERROR), as many apps do.
      res.status(500).send(layout('Error', `<pre>SQLite error 1: ${escapeHtml(err.message)}</pre>`));
    }
  });

  // Command injection: the host goes to a shell.
  app.get('/ping', (req, res) => {
    const host = req.query.host || '127.0.0.1';
    exec('ping -c 1 ' + host, (err, stdout) => {
      res.type('text/plain').send(err ? String(err) : stdout);
    });
  });

  // Code injection: the expression is evaluated as JavaScript.
  app.post('/calc', (req, res) => {
    const expression = req.body.expression;
    const result = eval(expression);
    res.json({ result });
  });

  // Path traversal: the name is joined to the docs folder without a check.
  app.get('/docs', (req, res) => {
    const file = path.join(__dirname, 'docs', req.query.name || 'readme.txt');
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return res.status(404).send('not found');
      res.type('text/plain').send(text);
    });
  });

  // Prototype pollution through the old lodash pinned in package.json.
  app.post('/settings', (req, res) => {
    const settings = _.merge({}, req.body);
    res.json({ saved: Object.keys(settings).length, region: config.aws.region });
  });

  return app;
}

if (require.main === module) {
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || '127.0.0.1';
  createApp().then((app) => {
    app.listen(port, host, () => {
      console.log(`vulnerable-app listening on http://${host}:${port}`);
    });
  });
}

module.exports = { createApp };
