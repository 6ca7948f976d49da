import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { BadRequestError, PayloadTooLargeError } from '../http/api-errors';
import type { ImportResult } from './end-user-import.service';

/**
 * Receives the one-file multipart form of an end-user import and runs `run` on its stream; the
 * form's, the file's and the size limit's problems become 400 and 413 (env and global imports).
 */
export async function receiveImport(
  req: FastifyRequest,
  limitBytes: number,
  run: (file: Readable) => Promise<ImportResult>,
): Promise<ImportResult> {
  if (!req.isMultipart())
    throw new BadRequestError('file_is_required', 'send the file as multipart/form-data');
  const data = await req
    .file({ limits: { fileSize: limitBytes, files: 1, fields: 5, parts: 6 } })
    .catch((err: unknown) => {
      // The multipart parser's own errors (no boundary, a cut form) are the client's, not ours.
      const status = (err as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) throw err;
      throw new BadRequestError(
        'file_is_invalid',
        `the form is not valid multipart: ${(err as Error).message}`,
      );
    });
  if (!data) throw new BadRequestError('file_is_required', 'the form has no file');
  try {
    return await run(data.file);
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    // The file stream is cut at the size limit: the parser may report the cut first.
    if (status === 413 || data.file.truncated) {
      throw new PayloadTooLargeError(`the file is larger than ${limitBytes} bytes`);
    }
    throw new BadRequestError(
      'InvalidJson',
      `the file is not valid JSON in the import format: ${(err as Error).message}`,
    );
  }
}
