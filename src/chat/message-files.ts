/** The files and images a message carries (file, image, media, audio, and images inside a post), with the names to show. */
import type { InboundMessage } from './inbound.js';

/** One file of a message: its name, and the key that downloads it (messageResource). */
export interface MessageFile {
  name: string;
  fileKey: string;
}

type Obj = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function parse(content: string): Obj | null {
  try {
    const value = JSON.parse(content);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;
  } catch {
    return null;
  }
}

/** The files of a message, in order; images are named 图片 (they carry no name). Empty for text and for stickers/folders (not downloadable). */
export function messageFiles(message: InboundMessage): MessageFile[] {
  const content = parse(message.content);
  if (!content) return [];
  const fileKey = str(content.file_key);
  switch (message.messageType) {
    case 'file':
    case 'media':
    case 'audio':
      return fileKey ? [{ name: str(content.file_name) ?? (message.messageType === 'audio' ? '语音' : '视频'), fileKey }] : [];
    case 'image':
      return str(content.image_key) ? [{ name: '图片', fileKey: str(content.image_key)! }] : [];
    case 'post': {
      const paragraphs = Array.isArray(content.content) ? content.content : [];
      return paragraphs.flatMap((segments: unknown) =>
        (Array.isArray(segments) ? segments : []).flatMap((s: Obj) => {
          if (s?.tag === 'img' && str(s.image_key)) return [{ name: '图片', fileKey: str(s.image_key)! }];
          if (s?.tag === 'media' && str(s.file_key)) return [{ name: str(s.file_name) ?? '视频', fileKey: str(s.file_key)! }];
          return [];
        }),
      );
    }
    default:
      return [];
  }
}
