// Small pieces the campaign routes share: file downloads and multipart uploads.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors';

export const jobAccepted = z.object({ jobId: z.string().uuid() });

/** Send stored bytes as an attachment with a UTF-8 file name. */
export function sendDownload(reply: FastifyReply, f: { name: string; contentType: string; bytes: Buffer }) {
  return reply
    .header('content-type', f.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
    .send(f.bytes);
}

/** The multipart field `file` of an upload; 400 naming `file` when it is missing. */
export async function uploadedFile(req: FastifyRequest): Promise<{ bytes: Buffer; name: string }> {
  const part = req.isMultipart() ? await req.file() : undefined;
  if (part?.fieldname !== 'file')
    throw new AppError('VALIDATION_FAILED', 400, { fieldKeys: [{ field: 'file', key: 'required' }] });
  return { bytes: await part.toBuffer(), name: part.filename || 'import.xlsx' };
}
