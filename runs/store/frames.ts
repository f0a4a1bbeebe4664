/**
 * The shard file format: a sequence of frames, each `magic (4) | payload length (4, LE) | CRC-32 of payload (4,
 * LE) | payload`, the payload one self-contained msgpackr record. The frame, not msgpackr, says where a record
 * ends: a process killed mid-write leaves a torn last frame that the length and checksum expose, and a damaged
 * frame in the middle is skipped by searching for the next magic, so every complete record is recovered.
 */
import { crc32 } from 'node:zlib';

export const FRAME_MAGIC = 0x4654474c; // "LGTF" read as little-endian bytes
export const FRAME_HEADER_BYTES = 12;
/** A record larger than this is treated as a corrupt length field. */
export const MAX_FRAME_PAYLOAD = 1 << 30;

export function encodeFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.byteLength);
  frame.writeUInt32LE(FRAME_MAGIC, 0);
  frame.writeUInt32LE(payload.byteLength, 4);
  frame.writeUInt32LE(crc32(payload), 8);
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

export interface ScannedFrame {
  /** Byte offset of the frame header in the shard. */
  offset: number;
  payload: Buffer;
}

export interface DamagedRegion {
  offset: number;
  bytes: number;
  reason: string;
}

export interface ShardScan {
  frames: ScannedFrame[];
  /** Byte ranges that held no valid frame (a torn tail, a damaged frame). */
  damaged: DamagedRegion[];
  /** The offset after the last valid frame: where appending may continue once the file is cut there. */
  validEnd: number;
}

/** Reads every valid frame of a shard's bytes. Never throws on damaged content. */
export function scanFrames(bytes: Buffer): ShardScan {
  const frames: ScannedFrame[] = [];
  const damaged: DamagedRegion[] = [];
  let offset = 0;
  let validEnd = 0;
  while (offset < bytes.length) {
    const problem = frameProblem(bytes, offset);
    if (problem === null) {
      const length = bytes.readUInt32LE(offset + 4);
      const start = offset + FRAME_HEADER_BYTES;
      frames.push({ offset, payload: bytes.subarray(start, start + length) });
      offset = start + length;
      validEnd = offset;
      continue;
    }
    const next = nextMagic(bytes, offset + 1);
    const end = next === -1 ? bytes.length : next;
    damaged.push({ offset, bytes: end - offset, reason: problem });
    offset = end;
  }
  return { frames, damaged, validEnd };
}

function frameProblem(bytes: Buffer, offset: number): string | null {
  if (bytes.length - offset < FRAME_HEADER_BYTES) return 'a frame header cut off at the end of the shard';
  if (bytes.readUInt32LE(offset) !== FRAME_MAGIC) return 'bytes that do not start a frame';
  const length = bytes.readUInt32LE(offset + 4);
  if (length > MAX_FRAME_PAYLOAD) return `an impossible frame length (${length} bytes)`;
  const start = offset + FRAME_HEADER_BYTES;
  if (start + length > bytes.length) {
    return `a frame cut off at the end of the shard (${bytes.length - start} of ${length} payload bytes)`;
  }
  if (crc32(bytes.subarray(start, start + length)) !== bytes.readUInt32LE(offset + 8)) {
    return 'a frame whose checksum does not match its payload';
  }
  return null;
}

function nextMagic(bytes: Buffer, from: number): number {
  const magic = Buffer.allocUnsafe(4);
  magic.writeUInt32LE(FRAME_MAGIC, 0);
  return bytes.indexOf(magic, from);
}
