// Turns the SpamAssassin package's one-JSON-per-mail tree into one JSONL file on stdout,
// sorted by group and file name so that the output (and its SHA-256) is reproducible.
const fs = require('fs');
const path = require('path');
const root = process.argv[2];
const groups = fs.readdirSync(root).filter(g => fs.statSync(path.join(root, g)).isDirectory()).sort();
for (const group of groups) {
  for (const name of fs.readdirSync(path.join(root, group)).filter(n => n.endsWith('.json')).sort()) {
    const mail = JSON.parse(fs.readFileSync(path.join(root, group, name), 'utf8'));
    process.stdout.write(JSON.stringify({ id: mail.id, group, text: mail.text }) + '\n');
  }
}
