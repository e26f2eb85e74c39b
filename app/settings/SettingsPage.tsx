'use client';
import { useState } from 'react';
import { useKaggleSettings, useRemoveKaggleSettings, useSaveKaggleSettings, type KaggleCredentialsInput, type KaggleSettings } from '@/components/hooks/useSettings';
import { ErrorState, Skeleton } from '@/components/ui/States';

type Kind = 'token' | 'key';

export function SettingsPage() {
  const status = useKaggleSettings();
  const save = useSaveKaggleSettings();
  const remove = useRemoveKaggleSettings();
  const [kind, setKind] = useState<Kind>('token');
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('');
  const [key, setKey] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);

  // The server's own rules (lib/settings/kaggle-credentials.ts), said before sending.
  const errors: Partial<Record<'token' | 'username' | 'key', string>> = {};
  if (kind === 'token') {
    if (token.trim().length < 8) errors.token = token.trim() ? 'The API token looks too short' : 'Paste the API token';
  } else {
    if (!username.trim()) errors.username = 'Enter your Kaggle username';
    if (key.trim().length < 8) errors.key = key.trim() ? 'The API key looks too short' : 'Paste the API key';
  }
  const shown = submitted ? errors : {};

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setSaved(false);
    if (Object.keys(errors).length) {
      document.getElementById(`k-${Object.keys(errors)[0]}`)?.focus();
      return;
    }
    const input: KaggleCredentialsInput = kind === 'token' ? { token: token.trim() } : { username: username.trim(), key: key.trim() };
    save.mutate(input, {
      onSuccess: () => {
        setToken('');
        setKey('');
        setSubmitted(false);
        setSaved(true);
      },
    });
  };
  const onRemove = () => {
    if (window.confirm('Remove the Kaggle credentials saved here? Collection then uses the environment’s, if any.')) {
      setSaved(false);
      remove.mutate();
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <p className="sub">Kaggle credentials, used to list and download notebooks when a strategy runs.</p>
        </div>
      </div>

      <section className="panel settings-panel">
        <h2>Kaggle API credentials</h2>
        {status.error ? <ErrorState error={status.error} /> : status.isPending ? <Skeleton height={44} /> : <CredentialStatus status={status.data} />}

        <form onSubmit={onSubmit} noValidate style={{ marginTop: 18 }}>
          <fieldset>
            <legend>{status.data?.source === 'settings' ? 'Replace them with' : 'Save credentials here'}</legend>
            <label className="choice">
              <input type="radio" name="kind" value="token" checked={kind === 'token'} onChange={() => setKind('token')} />
              <span>An API token (kaggle.com → Settings → API → Generate New Token)</span>
            </label>
            <label className="choice">
              <input type="radio" name="kind" value="key" checked={kind === 'key'} onChange={() => setKind('key')} />
              <span>A username and legacy API key (the contents of kaggle.json)</span>
            </label>
          </fieldset>
          {kind === 'token' ? (
            <div className={`field ${shown.token ? 'invalid' : ''}`}>
              <label htmlFor="k-token">API token</label>
              <input id="k-token" type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} aria-invalid={shown.token ? true : undefined} />
              {shown.token && <div className="field-error">{shown.token}</div>}
            </div>
          ) : (
            <div className="field-row">
              <div className={`field ${shown.username ? 'invalid' : ''}`}>
                <label htmlFor="k-username">Username</label>
                <input id="k-username" type="text" autoComplete="off" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} aria-invalid={shown.username ? true : undefined} />
                {shown.username && <div className="field-error">{shown.username}</div>}
              </div>
              <div className={`field ${shown.key ? 'invalid' : ''}`}>
                <label htmlFor="k-key">API key</label>
                <input id="k-key" type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} aria-invalid={shown.key ? true : undefined} />
                {shown.key && <div className="field-error">{shown.key}</div>}
              </div>
            </div>
          )}
          <p className="sub" style={{ fontSize: 12, margin: '4px 0 12px' }}>
            Stored encrypted in this app’s database and never shown again. Credentials saved here take precedence over the environment’s.
          </p>
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
            {status.data?.source === 'settings' && (
              <button type="button" className="btn" onClick={onRemove} disabled={remove.isPending}>
                {remove.isPending ? 'Removing…' : 'Remove'}
              </button>
            )}
            {saved && <span className="badge ok">saved</span>}
          </div>
          {save.error && (
            <div className="error-box" role="alert" style={{ marginTop: 12 }}>
              <strong>Could not save.</strong> {save.error.message}
            </div>
          )}
          {remove.error && (
            <div className="error-box" role="alert" style={{ marginTop: 12 }}>
              <strong>Could not remove.</strong> {remove.error.message}
            </div>
          )}
        </form>
      </section>
    </>
  );
}

function CredentialStatus({ status }: { status: KaggleSettings }) {
  if (!status.configured)
    return (
      <div data-testid="kaggle-status">
        <span className="badge warn">not configured</span>
        <p className="sub" style={{ marginTop: 6 }}>
          Strategies cannot run against the Kaggle API yet. Save a token below, or start the app with <code>KAGGLE_API_TOKEN</code> (or{' '}
          <code>KAGGLE_USERNAME</code> and <code>KAGGLE_KEY</code>) set, or with <code>~/.kaggle/kaggle.json</code> in place.
        </p>
      </div>
    );
  const what = status.kind === 'bearer' ? 'an API token' : `the API key of ${status.username ?? 'a user'}`;
  return (
    <div data-testid="kaggle-status">
      <span className="badge ok">configured</span>{' '}
      {status.source === 'settings' ? (
        <>Using {what}, saved on this page.</>
      ) : (
        <>
          Using {what} from the environment (<code>KAGGLE_API_TOKEN</code>, <code>KAGGLE_USERNAME</code>/<code>KAGGLE_KEY</code> or <code>kaggle.json</code>).
        </>
      )}
    </div>
  );
}
