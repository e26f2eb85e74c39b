'use client';
import { Suspense, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { useCreateFirstAccount, useFirstAccountNeeded, useSignIn } from '@/components/hooks/useSession';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { safeNextPath } from '@/lib/auth/next-path';
import { homePath, type UserRole } from '@/lib/auth/roles';


export function SignIn() {
  return (
    <Suspense fallback={<Skeleton height={240} />}>
      <SignInForms />
    </Suspense>
  );
}

function SignInForms() {
  const next = safeNextPath(useSearchParams().get('next'));
  const first = useFirstAccountNeeded();
  // A full load afterwards, so the nav and every query start from the new session. Without a page
  // to return to, each role lands where its work is (a coder on the coding queue).
  const done = () => void landAfterSignIn(next);
  return (
    <div className="auth-card">
      {first.error ? <ErrorState error={first.error} /> : first.isPending ? <Skeleton height={240} /> : first.data ? <FirstAccount onDone={done} /> : <SignInForm onDone={done} />}
    </div>
  );
}

function SignInForm({ onDone }: { onDone: () => void }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onDone });
  };
  return (
    <form className="panel settings-panel" onSubmit={onSubmit} aria-label="Sign in">
      <h1>Sign in to vizmine</h1>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </div>
      {signIn.error && (
        <div className="error-box" role="alert">
          {/invalid/i.test(signIn.error.message) ? 'That email and password do not match an account. Check them, or ask an admin to reset your password.' : signIn.error.message}
        </div>
      )}
      <div className="form-actions">
        <button className="btn primary" type="submit" disabled={signIn.isPending || signIn.isSuccess}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <span className="sub">No account? An admin of this vizmine creates them.</span>
      </div>
    </form>
  );
}

function FirstAccount({ onDone }: { onDone: () => void }) {
  const create = useCreateFirstAccount();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors: Partial<Record<'name' | 'email' | 'password', string>> = {};
  if (!name.trim()) errors.name = 'Enter your name';
  if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) errors.email = 'Enter an email address';
  if (password.length < 8) errors.password = 'At least 8 characters';
  const shown = submitted ? errors : {};
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length) return;
    create.mutate({ name: name.trim(), email: email.trim(), password }, { onSuccess: onDone });
  };
  return (
    <form className="panel settings-panel" onSubmit={onSubmit} noValidate aria-label="Create the first account">
      <h1>Create the first account (admin)</h1>
      <p className="sub">
        This vizmine has no accounts yet. The first one administers it: it creates the accounts of supervisors and coders, and sign-up closes
        behind it.
      </p>
      <Field id="name" label="Name" error={shown.name}>
        <input id="name" type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </Field>
      <Field id="email" label="Email" error={shown.email}>
        <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field id="password" label="Password" error={shown.password}>
        <input id="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      {create.error && (
        <div className="error-box" role="alert">
          {create.error.message}
        </div>
      )}
      <div className="form-actions">
        <button className="btn primary" type="submit" disabled={create.isPending || create.isSuccess}>
          {create.isPending ? 'Creating…' : 'Create the admin account'}
        </button>
      </div>
    </form>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className={`field ${error ? 'invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

async function landAfterSignIn(next: string): Promise<void> {
  if (next !== '/') return window.location.assign(next);
  const session = (await fetch('/api/auth/get-session').then((r) => (r.ok ? r.json() : null)).catch(() => null)) as { user?: { role?: UserRole } } | null;
  window.location.assign(homePath(session?.user?.role));
}
