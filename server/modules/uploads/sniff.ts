/**
 * The evidence types, told by their leading bytes — never by the name or the declared type. WebP
 * photos and AMR voice notes are what many Chinese phones and WeChat save by default.
 */
export type EvidenceMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | 'audio/mpeg' | 'audio/mp4' | 'audio/amr' | 'audio/amr-wb' | 'video/mp4';

export const EVIDENCE_MIMES: EvidenceMime[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'audio/mpeg', 'audio/mp4', 'audio/amr', 'audio/amr-wb', 'video/mp4'];

const startsWith = (b: Buffer, bytes: number[], at = 0) => bytes.every((v, i) => b[at + i] === v);

export function sniffMime(b: Buffer): EvidenceMime | null {
  if (b.length < 12) return null;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF container with the WEBP form type (the RIFF size between them is not trusted).
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  // AMR storage format (RFC 4867 §5): the magic line of narrowband or wideband speech.
  if (b.subarray(0, 6).toString('latin1') === '#!AMR\n') return 'audio/amr';
  if (b.subarray(0, 9).toString('latin1') === '#!AMR-WB\n') return 'audio/amr-wb';
  if (b.subarray(0, 3).toString('latin1') === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame header: 11 sync bits, layer not 00, bitrate not 1111.
  if (b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0 && (b[2] & 0xf0) !== 0xf0) return 'audio/mpeg';
  if (b.subarray(4, 8).toString('latin1') === 'ftyp') {
    const brand = b.subarray(8, 12).toString('latin1');
    return brand.startsWith('M4A') || brand.startsWith('M4B') ? 'audio/mp4' : 'video/mp4';
  }
  return null;
}

export const EXTENSION: Record<EvidenceMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/amr': 'amr',
  'audio/amr-wb': 'amr',
  'video/mp4': 'mp4',
};
