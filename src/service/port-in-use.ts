/** A port the service cannot listen on, as a configuration problem naming the setting (serve then exits 3). */
import { ConfigError } from '../config/config-error.js';

/** A server that could not listen: says which setting to change and why. */
export function portInUse(setting: string, port: number, error: Error, file: string | null): ConfigError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EADDRINUSE' ? '已被其他程序占用' : code === 'EACCES' ? '没有权限使用' : '无法使用';
  return new ConfigError([{ path: setting, message: `端口 ${port} ${why}；请换一个空闲端口，或停止占用它的程序` }], file, { cause: error });
}
