/**
 * A hand-written codec for the long connection's protobuf `pbbp2.Frame`, so the loopback speaks the
 * wire format independently of the SDK's generated code. Fields: SeqID(1) LogID(2) service(3) method(4)
 * headers(5: key(1) value(2)) payloadEncoding(6) payloadType(7) payload(8) LogIDNew(9).
 */

export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: { key: string; value: string }[];
  payload?: Buffer;
}

function varint(value: number): number[] {
  const out: number[] = [];
  let v = BigInt.asUintN(64, BigInt(value));
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

const key = (field: number, wire: number) => varint((field << 3) | wire);
const bytesField = (field: number, data: Buffer) => [...key(field, 2), ...varint(data.length), ...data];

/** Encodes a frame. */
export function encodeFrame(frame: Frame): Buffer {
  const parts: number[] = [
    ...key(1, 0), ...varint(frame.SeqID),
    ...key(2, 0), ...varint(frame.LogID),
    ...key(3, 0), ...varint(frame.service),
    ...key(4, 0), ...varint(frame.method),
  ];
  for (const h of frame.headers) {
    parts.push(...bytesField(5, Buffer.from([...bytesField(1, Buffer.from(h.key)), ...bytesField(2, Buffer.from(h.value))])));
  }
  if (frame.payload) parts.push(...bytesField(8, frame.payload));
  return Buffer.from(parts);
}

interface Field {
  field: number;
  int?: number;
  bytes?: Buffer;
}

function* fields(buf: Buffer): Generator<Field> {
  let i = 0;
  const readVarint = () => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buf[i++];
      if (byte === undefined) throw new Error('truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const tag = Number(readVarint());
    const field = tag >> 3;
    const wire = tag & 7;
    if (wire === 0) yield { field, int: Number(BigInt.asIntN(64, readVarint())) };
    else if (wire === 2) {
      const len = Number(readVarint());
      yield { field, bytes: buf.subarray(i, i + len) };
      i += len;
    } else throw new Error(`unsupported wire type ${wire}`);
  }
}

/** Decodes a frame. */
export function decodeFrame(buf: Buffer): Frame {
  const frame: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: [] };
  for (const f of fields(buf)) {
    if (f.field === 1) frame.SeqID = f.int ?? 0;
    else if (f.field === 2) frame.LogID = f.int ?? 0;
    else if (f.field === 3) frame.service = f.int ?? 0;
    else if (f.field === 4) frame.method = f.int ?? 0;
    else if (f.field === 5 && f.bytes) {
      const header = { key: '', value: '' };
      for (const h of fields(f.bytes)) {
        if (h.field === 1) header.key = h.bytes?.toString('utf8') ?? '';
        if (h.field === 2) header.value = h.bytes?.toString('utf8') ?? '';
      }
      frame.headers.push(header);
    } else if (f.field === 8) frame.payload = Buffer.from(f.bytes ?? []);
  }
  return frame;
}

/** A header's value, or undefined. */
export const header = (frame: Frame, name: string) => frame.headers.find((h) => h.key === name)?.value;
