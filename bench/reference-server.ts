// The floor the bench compares with (issue 12 item 10): raw node:http on loopback, no
// framework, no router, no envelope checks. Two paths, answered like our functions
// ({ ok: true, data }), each reading and parsing the JSON body:
// - POST /api/noop: nothing else;
// - POST /api/tx: one SQLite WAL transaction (synchronous = NORMAL, as the local store):
//   one insert and one increment.
// GET /__dev/stats answers the CPU time, as the dev server does. Prints READY <port> 0.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-floor-'));
const db = new Database(path.join(dir, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE rows (_id TEXT PRIMARY KEY, doc TEXT NOT NULL); CREATE TABLE counters (_id TEXT PRIMARY KEY, n INTEGER NOT NULL)');
db.prepare("INSERT INTO counters (_id, n) VALUES ('c', 0)").run();
const insert = db.prepare('INSERT INTO rows (_id, doc) VALUES (?, ?)');
const increment = db.prepare("UPDATE counters SET n = n + 1 WHERE _id = 'c'");
let seq = 0;
const tx = db.transaction((doc: string) => {
  insert.run(`r${++seq}`, doc);
  increment.run();
});

const reply = (res: http.ServerResponse, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/__dev/stats') {
    const cpu = process.cpuUsage();
    return reply(res, { ok: true, data: { reads: 0, writes: 0, commits: 0, cpuMicros: cpu.user + cpu.system } });
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return reply(res, { ok: false, error: { code: 'INVALID_INPUT', message: 'bad json' } });
    }
    if (req.url === '/api/noop') return reply(res, { ok: true, data: {} });
    if (req.url === '/api/tx') {
      tx(JSON.stringify(body));
      return reply(res, { ok: true, data: {} });
    }
    res.writeHead(404).end();
  });
});

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`READY ${typeof addr === 'object' && addr ? addr.port : 0} 0`);
});
const stop = () => {
  server.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
