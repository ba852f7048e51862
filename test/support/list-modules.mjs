// Preloaded with `node --import`: writes "MODULE <url>" on stderr for every file module the process resolves, so a test can tell what a command loads.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith('file:')) process.stderr.write('MODULE ' + result.url + '\\n');
  return result;
}`),
);
