'use strict';
const initSqlJs = require('sql.js');

async function openDatabase() {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL)');
  db.run('CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, password TEXT)');
  const insert = db.prepare('INSERT INTO items (name, price) VALUES (?, ?)');
  for (const [name, price] of [['Lamp', 19.9], ['Chair', 49.5], ['Desk', 129]]) insert.run([name, price]);
  insert.free();
  db.run("INSERT INTO users (email, password) VALUES ('admin@example.test', 'hunter2')");
  return db;
}

module.exports = { openDatabase };
