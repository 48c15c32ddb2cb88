/** The resolve hook registered by register-electron.mjs: `electron` is the stand-in, everything else as usual. */
const standIn = new URL('./electron-stand-in.ts', import.meta.url).href

export async function resolve(specifier, context, next) {
  // Passed on rather than answered, so that tsx (registered before) resolves and compiles the TypeScript.
  if (specifier === 'electron') return next(standIn, context)
  return next(specifier, context)
}
