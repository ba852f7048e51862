/**
 * A private axios instance per client: the SDK's shared default has no timeout (a stalled call hangs forever) and
 * is global. It keeps the SDK's contract: calls resolve to the JSON body, or `{data, headers}` with `$return_headers`.
 */
import * as lark from '@larksuiteoapi/node-sdk';

export type HttpInstance = lark.HttpInstance;

/** Creates an HTTP instance for the SDK with a request timeout in milliseconds. */
export function createHttpInstance(timeoutMs: number): HttpInstance {
  const instance = lark.defaultHttpInstance.create({ timeout: timeoutMs });
  instance.interceptors.response.use((resp) => {
    const config = resp.config as { $return_headers?: boolean };
    return (config.$return_headers ? { data: resp.data, headers: resp.headers } : resp.data) as typeof resp;
  });
  // The SDK declares its own structural HttpInstance type; an axios instance with this interceptor fulfils it.
  return instance as unknown as HttpInstance;
}
