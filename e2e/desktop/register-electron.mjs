/**
 * `node --import` target of the desktop project's main process: the bare specifier `electron` (which under Node
 * is the npm package that only knows where the binary would be) resolves to the stand-in instead. Loader hooks
 * run in their own thread, so the hook is a module of its own.
 */
import { register } from 'node:module'

register('./electron-resolve-hook.mjs', import.meta.url)
