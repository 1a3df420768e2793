import { apiRequest, type QueryParams } from './api-client';

export type ExportFormat = 'csv' | 'json';

const MIME: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json' };

/**
 * Downloads an export (?format=csv|json) through the API client, so the request carries the
 * session's token and correlation id like every other call, then hands the file to the browser.
 */
export async function downloadExport(path: string, query: QueryParams, format: ExportFormat, filename: string): Promise<void> {
  const response = await apiRequest<unknown>(path, {
    query: { ...query, format },
    headers: { Accept: MIME[format] },
    timeoutMs: 120_000,
  });
  const text = typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? [], null, 2);
  const url = URL.createObjectURL(new Blob([text], { type: `${MIME[format]};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${filename}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
