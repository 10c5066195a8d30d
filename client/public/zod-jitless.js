// Zod probes for eval (`new Function`) when it builds a schema, to compile faster parsers. The
// server's Content-Security-Policy forbids eval, so the probe could only fail and report a
// violation on every page. Zod reads its settings from this global; a classic script runs
// before any module, whatever order the bundler gives the chunks.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
