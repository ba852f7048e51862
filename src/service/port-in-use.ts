/** A port the service cannot listen on, as a configuration problem naming the setting (serve then exits 3). */
import { ConfigError } from '../config/config-error.js';

/** A server that could not listen: says which setting to change and why. */
export function portInUse(setting: string, port: number, error: Error, file: string | null): ConfigError {
  return new ConfigError([{ path: setting, message: `cannot listen on port ${port} (${error.message}); choose a free port or stop the program using it` }], file);
}
