// Runs before anything else so an old Node gets one clear sentence, not a stack trace from a dependency.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Clientbase needs Node.js 22.12 or newer (24 LTS recommended); this is ${process.version}.\n` +
      'Install a current Node, e.g. `npm install -g --prefix /usr/local node@24`, then run the command again.',
  );
  process.exit(1);
}
