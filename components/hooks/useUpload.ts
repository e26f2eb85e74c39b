'use client';
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '@/lib/ingest/types';

export interface UploadItem {
  name: string;
  size: number;
  progress: number; // 0..1 of the bytes sent
  state: 'queued' | 'uploading' | 'importing' | 'done' | 'error';
  results: ImportResult[];
  error?: string;
}

/** Uploads files one after another with XHR (fetch has no upload progress), tracking each. */
export function useUpload() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const queryClient = useQueryClient();
  const update = (i: number, patch: Partial<UploadItem>) => setItems((all) => all.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  const upload = useCallback(
    async (files: File[]) => {
      let offset = 0;
      setItems((prev) => {
        offset = prev.length;
        return [...prev, ...files.map((f) => ({ name: f.name, size: f.size, progress: 0, state: 'queued' as const, results: [] }))];
      });
      for (const [k, file] of files.entries()) {
        const i = offset + k;
        update(i, { state: 'uploading' });
        try {
          const results = await send(file, (p) => update(i, { progress: p, state: p >= 1 ? 'importing' : 'uploading' }));
          update(i, { state: 'done', progress: 1, results });
        } catch (e) {
          update(i, { state: 'error', error: (e as Error).message });
        }
      }
      await queryClient.invalidateQueries();
    },
    [queryClient],
  );
  return { items, upload };
}

function send(file: File, onProgress: (fraction: number) => void): Promise<ImportResult[]> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error('The upload failed: is the server running?'));
    xhr.onload = () => {
      let body: { results?: ImportResult[]; error?: { message: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* reported below */
      }
      if (xhr.status >= 400 || !body.results) reject(new Error(body.error?.message ?? `The server answered ${xhr.status}.`));
      else resolve(body.results);
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
