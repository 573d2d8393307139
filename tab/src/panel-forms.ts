/**
 * The secretary's forms in the meeting panel: next paragraph, note, decision, action. Shown only to
 * whom the server says may record (`canRecord`); the server checks again. Each submission carries a
 * request id; a form that failed on the way is resent with the same id, so it records once.
 */
import { api, ApiError, type LiveMeetingView, type PanelForm } from './api';
import { byId, say } from './dom';

const WRITABLE: ReadonlyArray<LiveMeetingView['status']> = ['pågår', 'utkast', 'justering'];

export function wireRecordForms(meetingId: string): (view: LiveMeetingView) => void {
  const section = byId('record-section');
  const status = byId('record-status');
  const pending = new Map<string, string>();

  const submit = async (what: PanelForm, fields: Record<string, string>, form: HTMLFormElement | null, button: HTMLButtonElement) => {
    // The same content again after a failure is the same request: the server records it once.
    const key = `${what}\n${JSON.stringify(fields)}`;
    const requestId = pending.get(key) ?? crypto.randomUUID();
    pending.set(key, requestId);
    button.disabled = true;
    try {
      const answer = await api.record(meetingId, what, fields, requestId);
      pending.delete(key);
      status.className = answer.warning ? 'notice warning' : 'notice';
      say(status, answer.warning ? `${answer.text} ${answer.warning}` : answer.text);
      form?.reset();
    } catch (error) {
      // A refusal is final: the same request would be refused again.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) pending.delete(key);
      status.className = 'notice error';
      say(status, error instanceof Error ? error.message : 'Det gick inte att spara.');
    } finally {
      button.disabled = false;
    }
  };

  const onForm = (formId: string, what: PanelForm, fields: (data: FormData) => Record<string, string>) => {
    const form = byId<HTMLFormElement>(formId);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      void submit(what, fields(new FormData(form)), form, button);
    });
  };
  const text = (data: FormData, name: string) => String(data.get(name) ?? '');
  onForm('note-form', 'notes', (data) => ({ text: text(data, 'text') }));
  onForm('decision-form', 'decisions', (data) => ({ clause: text(data, 'clause') }));
  onForm('action-form', 'actions', (data) => ({ text: text(data, 'text'), owner: text(data, 'owner'), dueDate: text(data, 'dueDate') }));
  const next = byId<HTMLButtonElement>('next-item');
  next.addEventListener('click', () => void submit('next', {}, null, next));

  return (view) => {
    section.hidden = !(view.canRecord && WRITABLE.includes(view.status));
  };
}
