// Run by plain Node (no bundler, no test runner): imports every entry with
// Node's own ESM resolution and prints where each resolved and what it exports.
const specifiers = process.argv.slice(2);
const report = {};
for (const specifier of specifiers) {
  const module = await import(specifier);
  report[specifier] = { url: import.meta.resolve(specifier), exports: Object.keys(module).sort() };
}
process.stdout.write(JSON.stringify(report));
