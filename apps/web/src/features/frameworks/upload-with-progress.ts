// A multipart POST that reports upload progress (fetch cannot), with the same headers and error mapping as the
// API client: CSRF token, UI language, and the server's error body turned into an ApiError.
import i18n from 'i18next';
import { ApiError, apiUrl, buildRequestHeaders, errorFromResponse } from '../../api/client';

/** POSTs `form` to `path`; `onProgress` gets 0–100 while the bytes go up. Resolves with the parsed JSON answer. */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(buildRequestHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve((text ? JSON.parse(text) : undefined) as T);
        return;
      }
      const res = new Response(text || null, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: { 'Content-Type': 'application/json' },
      });
      void errorFromResponse(res).then(reject, reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', i18n.t('framework.networkError')));
    xhr.send(form);
  });
}
