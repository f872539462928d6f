// Binary to base64: bytes above 127 and inputs longer than one chunk survive the trip.
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';

describe('bytesToBase64', () => {
  it('encodes binary bytes, including ones above 127', () => {
    expect(bytesToBase64(new Uint8Array([0, 255, 128, 10]))).toBe('AP+ACg==');
  });

  it('encodes more bytes than one chunk so that they decode to the same bytes', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const decoded = Uint8Array.from(atob(bytesToBase64(bytes)), (char) => char.charCodeAt(0));
    expect(decoded).toEqual(bytes);
  });
});
