import type { TestApp } from './test-app.js';

/** What the calls import answers, on upload and on every poll. */
export interface ImportStatus {
  id: string;
  status: string;
  total: number;
  processed: number;
  imported: number;
  errorCount: number;
  errors: Array<{ line: number; column: string | null; message: string }>;
}

/** The required columns of a valid row after its external_id, in the order of the file's header. */
export const VALID_CALL_COLUMNS = {
  agent_email: 'agent1@demo.test',
  started_at: '2026-11-02T09:30:00+01:00',
  duration_seconds: '240',
  direction: 'INBOUND',
  purpose: 'SUPPORT',
};

/** POST /api/imports/calls as `token`, the file sent as the web's upload sends it. */
export async function uploadCallsCsv(app: TestApp, token: string, content: string | Uint8Array): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/csv' }), 'calls.csv');
  return fetch(`${app.url}/api/imports/calls`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Polls import `id` as `token` every 100 ms until it is DONE or FAILED; throws after `polls` polls. */
export async function importFinished(app: TestApp, token: string, id: string, polls = 100): Promise<ImportStatus> {
  for (let i = 0; i < polls; i++) {
    const response = await fetch(`${app.url}/api/imports/calls/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as ImportStatus;
    if (body.status === 'DONE' || body.status === 'FAILED') return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not finish after ${polls} polls`);
}

/** Uploads a CSV as `token` and waits for the import to finish: its final status. */
export async function importCallsCsv(app: TestApp, token: string, content: string, polls = 100): Promise<ImportStatus> {
  const uploaded = (await (await uploadCallsCsv(app, token, content)).json()) as ImportStatus;
  return importFinished(app, token, uploaded.id, polls);
}
