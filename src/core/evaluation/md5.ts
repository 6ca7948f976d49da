// A small MD5 (RFC 1321) that only produces what bucketing needs: the first four digest bytes read
// as a little-endian signed int32. Dispatch keys are short strings; for those this is several times
// faster than node:crypto's createHash per call (see docs/performance.md) and stays bit-exact
// (tested against the published vectors and against createHash).

// Reusable UTF-8 buffer (grown on demand); evaluation is synchronous, so one buffer suffices.
let buf = new Uint8Array(256);
let words = new Int32Array(buf.buffer);
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function ensure(capacity: number): void {
  if (capacity <= buf.length) return;
  let size = buf.length;
  while (size < capacity) size *= 2;
  const next = new Uint8Array(size);
  next.set(buf);
  buf = next;
  words = new Int32Array(buf.buffer);
}

/** Writes the UTF-8 bytes of `s` at `pos` (capacity ensured by the caller); returns the new end. */
function encode(s: string, pos: number): number {
  const b = buf;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80) return encodeFrom(s, i, pos);
    b[pos++] = code;
  }
  return pos;
}

function encodeFrom(s: string, from: number, pos: number): number {
  const b = buf;
  for (let i = from; i < s.length; i++) {
    let code = s.charCodeAt(i);
    if (code < 0x80) {
      b[pos++] = code;
    } else if (code < 0x800) {
      b[pos++] = 0xc0 | (code >> 6);
      b[pos++] = 0x80 | (code & 0x3f);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
      const cp = ((code - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      b[pos++] = 0xf0 | (cp >> 18);
      b[pos++] = 0x80 | ((cp >> 12) & 0x3f);
      b[pos++] = 0x80 | ((cp >> 6) & 0x3f);
      b[pos++] = 0x80 | (cp & 0x3f);
      i++;
    } else {
      // A lone surrogate becomes U+FFFD, as in .NET's Encoding.UTF8 and Node's Buffer.
      if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
      b[pos++] = 0xe0 | (code >> 12);
      b[pos++] = 0x80 | ((code >> 6) & 0x3f);
      b[pos++] = 0x80 | (code & 0x3f);
    }
  }
  return pos;
}

function word(offset: number): number {
  return buf[offset] | (buf[offset + 1] << 8) | (buf[offset + 2] << 16) | (buf[offset + 3] << 24);
}

/**
 * MD5 of the UTF-8 bytes of `prefix + suffix`; returns digest bytes 0..3 as a little-endian int32.
 * Passing the two parts separately avoids building the concatenated string on the hot path.
 */
export function md5Int32LE(prefix: string, suffix = ''): number {
  ensure((prefix.length + suffix.length) * 3 + 72);
  let len: number;
  const p = prefix.length;
  // A surrogate pair split across the boundary must be encoded as one code point.
  if (p > 0 && suffix.length > 0 && isHigh(prefix.charCodeAt(p - 1)) && isLow(suffix.charCodeAt(0))) {
    len = encode(prefix + suffix, 0);
  } else {
    len = encode(suffix, encode(prefix, 0));
  }
  // Padding: 0x80, zeros, then the bit length as a little-endian 64-bit integer.
  const b = buf;
  const end = (((len + 8) >> 6) + 1) << 6;
  const bitLen = len * 8;
  b[len] = 0x80;
  let z = len + 1;
  while ((z & 3) !== 0) b[z++] = 0;
  if (littleEndian) {
    const w = words;
    for (let i = z >> 2, last = (end - 8) >> 2; i < last; i++) w[i] = 0;
    w[(end - 8) >> 2] = bitLen | 0;
    w[(end - 4) >> 2] = Math.floor(bitLen / 2 ** 32) | 0;
  } else {
    while (z < end - 8) b[z++] = 0;
    const high = Math.floor(bitLen / 2 ** 32);
    for (let k = 0; k < 4; k++) {
      b[end - 8 + k] = (bitLen >>> (8 * k)) & 0xff;
      b[end - 4 + k] = (high >>> (8 * k)) & 0xff;
    }
  }

  let h0 = 0x67452301;
  let h1 = -271733879;
  let h2 = -1732584194;
  let h3 = 0x10325476;
  for (let off = 0; off < end; off += 64) {
    let x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15: number;
    if (littleEndian) {
      const w = words;
      const i = off >> 2;
      x0 = w[i];
      x1 = w[i + 1];
      x2 = w[i + 2];
      x3 = w[i + 3];
      x4 = w[i + 4];
      x5 = w[i + 5];
      x6 = w[i + 6];
      x7 = w[i + 7];
      x8 = w[i + 8];
      x9 = w[i + 9];
      x10 = w[i + 10];
      x11 = w[i + 11];
      x12 = w[i + 12];
      x13 = w[i + 13];
      x14 = w[i + 14];
      x15 = w[i + 15];
    } else {
      x0 = word(off);
      x1 = word(off + 4);
      x2 = word(off + 8);
      x3 = word(off + 12);
      x4 = word(off + 16);
      x5 = word(off + 20);
      x6 = word(off + 24);
      x7 = word(off + 28);
      x8 = word(off + 32);
      x9 = word(off + 36);
      x10 = word(off + 40);
      x11 = word(off + 44);
      x12 = word(off + 48);
      x13 = word(off + 52);
      x14 = word(off + 56);
      x15 = word(off + 60);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let t: number;
    t = (a + ((b & c) | (~b & d)) + -680876936 + x0) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + ((a & b) | (~a & c)) + -389564586 + x1) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + ((d & a) | (~d & b)) + 606105819 + x2) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + ((c & d) | (~c & a)) + -1044525330 + x3) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + ((b & c) | (~b & d)) + -176418897 + x4) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + ((a & b) | (~a & c)) + 1200080426 + x5) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + ((d & a) | (~d & b)) + -1473231341 + x6) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + ((c & d) | (~c & a)) + -45705983 + x7) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + ((b & c) | (~b & d)) + 1770035416 + x8) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + ((a & b) | (~a & c)) + -1958414417 + x9) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + ((d & a) | (~d & b)) + -42063 + x10) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + ((c & d) | (~c & a)) + -1990404162 + x11) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + ((b & c) | (~b & d)) + 1804603682 + x12) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + ((a & b) | (~a & c)) + -40341101 + x13) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + ((d & a) | (~d & b)) + -1502002290 + x14) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + ((c & d) | (~c & a)) + 1236535329 + x15) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + ((d & b) | (~d & c)) + -165796510 + x1) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + ((c & a) | (~c & b)) + -1069501632 + x6) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + ((b & d) | (~b & a)) + 643717713 + x11) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + ((a & c) | (~a & d)) + -373897302 + x0) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + ((d & b) | (~d & c)) + -701558691 + x5) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + ((c & a) | (~c & b)) + 38016083 + x10) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + ((b & d) | (~b & a)) + -660478335 + x15) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + ((a & c) | (~a & d)) + -405537848 + x4) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + ((d & b) | (~d & c)) + 568446438 + x9) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + ((c & a) | (~c & b)) + -1019803690 + x14) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + ((b & d) | (~b & a)) + -187363961 + x3) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + ((a & c) | (~a & d)) + 1163531501 + x8) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + ((d & b) | (~d & c)) + -1444681467 + x13) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + ((c & a) | (~c & b)) + -51403784 + x2) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + ((b & d) | (~b & a)) + 1735328473 + x7) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + ((a & c) | (~a & d)) + -1926607734 + x12) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (b ^ c ^ d) + -378558 + x5) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + -2022574463 + x8) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + 1839030562 + x11) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + -35309556 + x14) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + -1530992060 + x1) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + 1272893353 + x4) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + -155497632 + x7) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + -1094730640 + x10) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + 681279174 + x13) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + -358537222 + x0) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + -722521979 + x3) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + 76029189 + x6) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + -640364487 + x9) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + -421815835 + x12) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + 530742520 + x15) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + -995338651 + x2) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (c ^ (b | ~d)) + -198630844 + x0) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + 1126891415 + x7) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + -1416354905 + x14) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + -57434055 + x5) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + 1700485571 + x12) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + -1894986606 + x3) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + -1051523 + x10) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + -2054922799 + x1) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + 1873313359 + x8) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + -30611744 + x15) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + -1560198380 + x6) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + 1309151649 + x13) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + -145523070 + x4) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + -1120210379 + x11) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + 718787259 + x2) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + -343485551 + x9) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
  }
  return h0;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
