// Injected into the CommonJS bundle (dist/stdio-main.cjs) for `import.meta.url`, which CommonJS
// has not: the URL of the bundle itself, as an ES module would see it (esbuild --define/--inject).
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
