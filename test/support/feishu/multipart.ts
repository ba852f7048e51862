/** Parsing a multipart/form-data body (file uploads to im/v1/files) as Feishu's gateway would, for the loopback. */

export interface FormFile {
  /** The part's filename, or undefined when the client sent none (Feishu then refuses the upload). */
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface FormBody {
  fields: Record<string, string>;
  files: Record<string, FormFile>;
}

/** The fields and files of a multipart body, or null when it is not well formed (no boundary, no closing delimiter). */
export function parseMultipart(body: Buffer, contentType: string): FormBody | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const form: FormBody = { fields: {}, files: {} };
  let start = body.indexOf(delimiter);
  if (start < 0) return null;
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return form;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return null;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return null;
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) return null;
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
    if (filename !== undefined || type) form.files[name] = { filename, contentType: type, data };
    else form.fields[name] = data.toString('utf8');
    start = next;
  }
}
