import { createHash } from 'node:crypto';
import { mediaType } from './http';

/**
 * What POST /upload received. Two shapes arrive: a real multipart/form-data body, or the JSON the bridge
 * flattens FormData into for requestRemote (forge-facts §2.3: keys starting with `file` base64-encoded, as a
 * data URL, with `__<key>Name` / `__<key>Type`).
 */

export interface UploadedFile {
  field: string;
  name: string | null;
  type: string | null;
  size: number;
  sha256: string;
}

export interface UploadReport {
  format: 'multipart' | 'json-flattened' | 'empty' | 'unrecognised';
  contentType: string | null;
  fields: Record<string, string>;
  files: UploadedFile[];
}

function fileOf(field: string, name: string | null, type: string | null, bytes: Buffer): UploadedFile {
  return { field, name, type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function headerParam(header: string, param: string): string | null {
  const m = new RegExp(`;\\s*${param}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${param}=([^;\\s]+)`, 'i').exec(header);
  return m ? m[1]! : null;
}

export function parseMultipart(body: Buffer, contentType: string): Pick<UploadReport, 'fields' | 'files'> {
  const boundary = headerParam(contentType, 'boundary');
  if (!boundary) throw new Error('multipart body without a boundary');
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const first = Buffer.from(`--${boundary}`);
  const delim = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(first);
  if (pos === -1) throw new Error('multipart boundary not found in the body');
  pos += first.length;
  for (;;) {
    if (body.subarray(pos, pos + 2).toString('latin1') === '--') break;
    const start = pos + 2; // CRLF after the boundary
    const next = body.indexOf(delim, start);
    if (next === -1) throw new Error('unterminated multipart part');
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    const head = headerEnd === -1 ? '' : part.subarray(0, headerEnd).toString('utf8');
    const content = headerEnd === -1 ? Buffer.alloc(0) : part.subarray(headerEnd + 4);
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
    const partType = /^content-type:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? null;
    const name = headerParam(disposition, 'name') ?? '';
    const filename = headerParam(disposition, 'filename');
    if (filename !== null) files.push(fileOf(name, filename, partType, content));
    else fields[name] = content.toString('utf8');
    pos = next + delim.length;
  }
  return { fields, files };
}

/** Decodes a data URL (`data:<type>;base64,<data>`) or bare base64. */
function decodeBase64(value: string): Buffer {
  const comma = value.startsWith('data:') ? value.indexOf(',') : -1;
  return Buffer.from(comma === -1 ? value : value.slice(comma + 1), 'base64');
}

export function parseFlattenedFormData(obj: Record<string, unknown>): Pick<UploadReport, 'fields' | 'files'> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const meta = (key: string, what: 'Name' | 'Type') => {
    const v = obj[`__${key}${what}`];
    return typeof v === 'string' ? v : null;
  };
  for (const [key, value] of Object.entries(obj)) {
    if (/^__.+(Name|Type)$/.test(key) && (key.slice(2, -4) in obj)) continue;
    if (key.startsWith('file') && typeof value === 'string') {
      files.push(fileOf(key, meta(key, 'Name'), meta(key, 'Type'), decodeBase64(value)));
    } else {
      fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return { fields, files };
}

export function describeUpload(body: Buffer, contentTypeHeader: string | undefined): UploadReport {
  const contentType = contentTypeHeader ?? null;
  if (body.length === 0) return { format: 'empty', contentType, fields: {}, files: [] };
  if (mediaType(contentTypeHeader) === 'multipart/form-data') {
    return { format: 'multipart', contentType, ...parseMultipart(body, contentTypeHeader ?? '') };
  }
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return { format: 'json-flattened', contentType, ...parseFlattenedFormData(parsed as Record<string, unknown>) };
    }
  } catch {
    // not JSON
  }
  return { format: 'unrecognised', contentType, fields: {}, files: [] };
}
