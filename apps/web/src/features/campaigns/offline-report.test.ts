// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { multipartBlob } from './offline-report';

describe('multipartBlob', () => {
  it('writes the fields before the file, so the server reads the client id with the upload', async () => {
    const photo = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    const { body, contentType } = multipartBlob(
      [['id', '0190a000-0000-7000-8000-000000000001']],
      { blob: photo, name: 'photo-1.png', type: 'image/png' },
      'BOUNDARY',
    );
    expect(contentType).toBe('multipart/form-data; boundary=BOUNDARY');
    const text = new TextDecoder('latin1').decode(new Uint8Array(await body.arrayBuffer()));
    expect(text).toBe(
      '--BOUNDARY\r\nContent-Disposition: form-data; name="id"\r\n\r\n0190a000-0000-7000-8000-000000000001\r\n' +
        '--BOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="photo-1.png"\r\nContent-Type: image/png\r\n\r\n' +
        '\x89PNG\r\n--BOUNDARY--\r\n',
    );
  });
});
