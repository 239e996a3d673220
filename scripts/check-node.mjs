// Refuses an old Node with one clear sentence instead of a cryptic failure deep inside a tool.
const [major, minor] = process.versions.node.split('.').map(Number);
// 22.13: the first Node 22 with node:sqlite (the app's database) without a flag.
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `Ingest Desk needs Node.js 22.13 or newer (Node 24 LTS recommended); this is ${process.versions.node}. ` +
      'Install a current Node (for example "npm install -g --prefix ~/.local/node24 node@24" and put its bin first on PATH).',
  );
  process.exit(1);
}
