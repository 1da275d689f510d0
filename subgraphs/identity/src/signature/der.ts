/**
 * A minimal BER/DER reader: only the framing (tag, length, children), no value decoding.
 *
 * The typed CMS parser (@peculiar/asn1-cms) re-builds values from the parsed tree, but verifying a
 * signature needs a few things *exactly as received*: the signed-attributes bytes (the signature is
 * over them), the embedded certificates (fingerprint, issuer signature) and the attached content
 * when it is a BER constructed OCTET STRING (streamed signatures). This reader finds those bytes.
 */

export interface Tlv {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  tagClass: number;
  constructed: boolean;
  tagNumber: number;
  /** Offsets into the buffer: whole element [start, end), contents [contentStart, contentEnd). */
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

export class DerError extends Error {}

const MAX_DEPTH = 32;

export function readTlv(buf: Uint8Array, offset: number, limit: number = buf.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) throw new DerError('nesting too deep');
  let p = offset;
  const need = (n: number) => {
    if (p + n > limit) throw new DerError('truncated');
  };
  need(1);
  const first = buf[p++];
  const tagClass = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      need(1);
      if (i >= 4) throw new DerError('tag number too large');
      const b = buf[p++];
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  need(1);
  const lenByte = buf[p++];
  if (lenByte === 0x80) {
    // Indefinite length (BER, e.g. streamed CMS): children up to an end-of-contents 00 00.
    if (!constructed) throw new DerError('indefinite length on a primitive');
    const contentStart = p;
    for (;;) {
      need(2);
      if (buf[p] === 0 && buf[p + 1] === 0) {
        return { tagClass, constructed, tagNumber, start: offset, contentStart, contentEnd: p, end: p + 2 };
      }
      p = readTlv(buf, p, limit, depth + 1).end;
    }
  }
  let length = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n > 4) throw new DerError('length too large');
    need(n);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[p++];
  }
  need(length);
  return { tagClass, constructed, tagNumber, start: offset, contentStart: p, contentEnd: p + length, end: p + length };
}

export function children(buf: Uint8Array, tlv: Tlv, depth = 0): Tlv[] {
  if (!tlv.constructed) throw new DerError('not constructed');
  const out: Tlv[] = [];
  for (let p = tlv.contentStart; p < tlv.contentEnd; ) {
    const child = readTlv(buf, p, tlv.contentEnd, depth + 1);
    out.push(child);
    p = child.end;
  }
  return out;
}

export function bytesOf(buf: Uint8Array, tlv: Tlv): Buffer {
  return Buffer.from(buf.subarray(tlv.start, tlv.end));
}

/** The octets of an OCTET STRING, primitive or constructed (BER segments, nested or not). */
export function octetStringValue(buf: Uint8Array, tlv: Tlv, depth = 0): Buffer {
  if (tlv.tagClass !== 0 || tlv.tagNumber !== 4) throw new DerError('not an OCTET STRING');
  if (!tlv.constructed) return Buffer.from(buf.subarray(tlv.contentStart, tlv.contentEnd));
  return Buffer.concat(children(buf, tlv, depth).map((c) => octetStringValue(buf, c, depth + 1)));
}

export const isUniversal = (t: Tlv, tagNumber: number) => t.tagClass === 0 && t.tagNumber === tagNumber;
export const isContext = (t: Tlv, tagNumber: number) => t.tagClass === 2 && t.tagNumber === tagNumber;

/** DER header + content: for building the SET OF signed attributes when signing. */
export function encodeTlv(tag: number, content: Uint8Array): Buffer {
  const len = content.length;
  let header: number[];
  if (len < 0x80) header = [tag, len];
  else {
    const lenBytes: number[] = [];
    for (let l = len; l > 0; l = Math.floor(l / 256)) lenBytes.unshift(l & 0xff);
    header = [tag, 0x80 | lenBytes.length, ...lenBytes];
  }
  return Buffer.concat([Buffer.from(header), content]);
}
