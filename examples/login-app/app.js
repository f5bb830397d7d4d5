'use strict';
// Pipewarden's second demo target, deliberately flawed: everything worth testing is behind a login form with a
// CSRF token, next to the pages a scanner must never touch (logout, password change, data reset, setup).
// Never deploy it. Each request is counted by path (and by method and path when not a GET), so a test can tell
// what a scan asked for.
const http = require('http');
const { execFile } = require('child_process');
const { randomBytes } = require('crypto');
const path = require('path');
// The SQL database is the vulnerable-app's sql.js (SQLite compiled to WebAssembly): one dependency for both demos.
const initSqlJs = require(require.resolve('sql.js', { paths: [path.join(__dirname, '..', 'vulnerable-app')] }));

const page = (title, body) => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
const menu = '<nav><a href="/">Home</a> <a href="/search?q=lamp">Search</a> <a href="/item?id=1">Item 1</a> <a href="/stock?item=Lamp">Stock</a> <a href="/ping?host=127.0.0.1">Ping</a> <a href="/go?to=/">Back</a> <a href="/account/password">Change password</a> <a href="/admin/reset">Reset data</a> <a href="/setup">Setup</a> <a href="/logout">Log out</a></nav>';

async function createApp({ username = 'admin', password, fixed = false, slowMs = 0 }) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL)');
  for (const [name, price] of [['Lamp', 19.9], ['Chair', 49.5], ['Desk', 129]]) db.run('INSERT INTO items (name, price) VALUES (?, ?)', [name, price]);
  // MySQL's sleep(), so time-based (blind) injection shows as on a real MySQL: the answer to the request that
  // called it comes that much later (the delay is added to the response, so other requests are not held up).
  let delayMs = 0;
  db.create_function('sleep', (seconds) => {
    delayMs += Math.min(Number(seconds) || 0, 30) * 1000;
    return 0;
  });
  const sessions = new Set();
  const csrfTokens = new Set();
  const counts = {};
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // A payload Node itself refuses (a NUL byte in a command): an error page, never a crash.
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Error: ${error.code || 'internal'}`);
    }
  });
  function handle(req, res) {
    const url = new URL(req.url, 'http://app.local');
    counts[url.pathname] = (counts[url.pathname] || 0) + 1;
    if (req.method !== 'GET') counts[`${req.method} ${url.pathname}`] = (counts[`${req.method} ${url.pathname}`] || 0) + 1;
    const cookie = /(?:^|;\s*)sid=([a-f0-9]+)/.exec(req.headers.cookie || '');
    const loggedIn = cookie && sessions.has(cookie[1]);
    const send = (status, html, headers = {}) =>
      setTimeout(() => {
        try {
          res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
        } catch {
          // Node refuses a header with a line break in it (CRLF injection): the app answers 400 instead of crashing.
          res.writeHead(400, { 'content-type': 'text/plain' });
        }
        res.end(html);
      }, slowMs);
    if (url.pathname === '/login' && req.method === 'GET') {
      const token = randomBytes(16).toString('hex');
      csrfTokens.add(token);
      return send(200, page('Log in', `<form method="post" action="/login"><input type="hidden" name="csrf" value="${token}"><input name="username"><input type="password" name="password"><input type="submit" name="login" value="Log in"></form>`));
    }
    if (url.pathname === '/login' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      return req.on('end', () => {
        const form = new URLSearchParams(body);
        if (!csrfTokens.delete(form.get('csrf') || '')) return send(403, page('Forbidden', 'Bad CSRF token'));
        if (form.get('username') !== username || form.get('password') !== password) return send(200, page('Log in', 'Wrong user name or password. <a href="/login">Again</a>'));
        const sid = randomBytes(16).toString('hex');
        sessions.add(sid);
        send(302, '', { location: '/', 'set-cookie': `sid=${sid}; Path=/; HttpOnly` });
      });
    }
    if (!loggedIn) return send(302, '', { location: '/login' });
    const q = (name) => url.searchParams.get(name) || '';
    switch (url.pathname) {
      case '/':
        return send(200, page('Shop', `${menu}<p>Welcome, ${username}. <a href="/logout">Log out</a></p><form action="/search"><input name="q"><input type="submit" value="Search"></form><form method="post" action="/feedback"><textarea name="message"></textarea><input type="submit" value="Send"></form>`));
      case '/feedback':
        return send(200, page('Thanks', `${menu}<p>Thank you.</p>`));
      case '/search':
        // Reflected XSS: the query goes back into the page unescaped.
        return send(200, page('Search', `${menu}<p>Results for ${fixed ? escapeHtml(q('q')) : q('q')}</p>`));
      case '/item': {
        // SQL injection, error-based: the id is pasted into the query and the database's error shown.
        try {
          const rows = fixed ? db.exec('SELECT id, name, price FROM items WHERE id = ?', [q('id')]) : db.exec(`SELECT id, name, price FROM items WHERE id = ${q('id')}`);
          return send(200, page('Item', `${menu}<p>${escapeHtml(JSON.stringify(rows[0]?.values || []))}</p>`));
        } catch (error) {
          // The database error leaks with SQLite's result code (1, SQLITE_ERROR), as many apps do.
          return send(500, page('Error', `${menu}<p>SQLite error 1: ${escapeHtml(error.message)}</p>`));
        }
      }
      case '/stock': {
        // SQL injection, blind: the name is pasted into the query, and the page only says yes or no, never an error.
        delayMs = 0;
        let found = false;
        try {
          const rows = fixed ? db.exec('SELECT id FROM items WHERE name = ?', [q('item')]) : db.exec(`SELECT id FROM items WHERE name = '${q('item')}'`);
          found = rows.length > 0;
        } catch {
          found = false;
        }
        const wait = delayMs;
        return setTimeout(() => send(200, page('Stock', `${menu}<p>${found ? 'In stock' : 'Sold out'}</p>`)), wait);
      }
      case '/api/openapi.json':
        // The JSON API, linked from no page: only its OpenAPI document tells a scanner it is there.
        return send(200, JSON.stringify({ openapi: '3.0.3', info: { title: 'Shop API', version: '1' }, servers: [{ url: '/api' }], paths: { '/items': { get: { parameters: [{ name: 'id', in: 'query', schema: { type: 'integer', example: 2 } }], responses: { 200: { description: 'the item' } } }, delete: { responses: { 204: { description: 'deleted' } } } } } }), { 'content-type': 'application/json' });
      case '/api/items':
        // SQL injection in the JSON API, error-based: the error goes back in the JSON.
        try {
          const rows = fixed ? db.exec('SELECT id, name, price FROM items WHERE id = ?', [q('id')]) : db.exec(`SELECT id, name, price FROM items WHERE id = ${q('id')}`);
          return send(200, JSON.stringify(rows[0]?.values || []), { 'content-type': 'application/json' });
        } catch (error) {
          return send(500, JSON.stringify({ error: `SQLite error 1: ${error.message}` }), { 'content-type': 'application/json' });
        }
      case '/ping':
        // Command injection: the host goes to a shell. Without the app's environment, so no secret can come back.
        if (fixed && !/^[\w.-]+$/.test(q('host'))) return send(400, page('Ping', 'Bad host'));
        // In the temp folder: what an injected command writes (a scanner's payload redirecting to a file) lands
        // there, not in the checkout.
        return execFile('/bin/sh', ['-c', `echo pinging ${q('host')}`], { cwd: require('os').tmpdir(), env: { PATH: '/usr/bin:/bin' }, timeout: 5000 }, (_error, stdout) => send(200, page('Ping', `${menu}<pre>${escapeHtml(stdout)}</pre>`)));
      case '/go':
        // Open redirect: any URL is followed.
        // Node writes headers as Latin-1: the target is sent percent-encoded, as a browser would need it.
        return send(302, '', { location: fixed && !q('to').startsWith('/') ? '/' : encodeURI(q('to')) || '/' });
      case '/account/password':
        if (q('password_new')) return send(200, page('Password', 'Password changed.'));
        return send(200, page('Password', `${menu}<form action="/account/password"><input type="password" name="password_new"><input type="password" name="password_conf"><input type="submit" name="Change" value="Change"></form>`));
      case '/admin/reset':
        if (req.method === 'POST') {
          db.run('DELETE FROM items');
          return send(200, page('Reset', 'All data deleted.'));
        }
        return send(200, page('Reset', `${menu}<form method="post" action="/admin/reset"><input type="submit" name="confirm" value="Reset all data"></form>`));
      case '/setup':
        return send(200, page('Setup', 'Database rebuilt.'));
      case '/logout':
        sessions.delete(cookie[1]);
        return send(302, '', { location: '/login', 'set-cookie': 'sid=; Path=/; Max-Age=0' });
      default:
        return send(404, page('Not found', menu));
    }
  }
  return { server, counts };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

module.exports = { createApp };
