'use client';
import { useState } from 'react';
import { useChangeUser, useCreateUser, useRemoveUser, useUsers, type NewUser, type UserRow } from '@/components/hooks/useUsers';
import { ErrorState, Skeleton } from '@/components/ui/States';

const ROLES = ['coder', 'supervisor', 'admin'] as const;
type Role = (typeof ROLES)[number];
const ROLE_HELP: Record<Role, string> = {
  coder: 'codes the items assigned to them in the studies they belong to',
  supervisor: 'also creates studies, builds codebooks and samples, imports and collects notebooks',
  admin: 'also manages accounts and sees every study',
};

export function UsersAdmin({ me }: { me: string }) {
  const users = useUsers();
  const change = useChangeUser();
  const remove = useRemoveUser();
  const [resetFor, setResetFor] = useState<string | null>(null);
  const actionError = change.error ?? remove.error;

  const onRemove = (u: UserRow) => {
    if (window.confirm(`Remove ${u.name} (${u.email})? They can no longer sign in and leave their studies; their codings stay.`)) remove.mutate(u.id);
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Users</h1>
          <p className="sub">Accounts of this vizmine. Sign-up is closed: create accounts here and pass the initial password on.</p>
        </div>
      </div>
      <div className="grid-2" style={{ gridTemplateColumns: '2fr 1fr', alignItems: 'start' }}>
        <section>
          {actionError && (
            <div className="error-box" role="alert" style={{ marginBottom: 12 }}>
              {actionError.message}
            </div>
          )}
          {users.error ? (
            <ErrorState error={users.error} />
          ) : users.isPending ? (
            <Skeleton height={44} count={3} />
          ) : (
            <table className="list" data-testid="users">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Email</th>
                  <th>Role</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <tr key={u.id}>
                    <td>
                      {u.name} {u.id === me && <span className="badge accent">you</span>}
                    </td>
                    <td>{u.email}</td>
                    <td>
                      <select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => change.mutate({ id: u.id, role: e.target.value as Role })} disabled={change.isPending}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      {resetFor === u.id ? (
                        <ResetPassword user={u} onClose={() => setResetFor(null)} />
                      ) : (
                        <button className="btn" onClick={() => setResetFor(u.id)}>
                          Reset password
                        </button>
                      )}{' '}
                      {u.id !== me && (
                        <button className="btn" onClick={() => onRemove(u)} disabled={remove.isPending} aria-label={`Remove ${u.email}`}>
                          Remove
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <CreateUser />
      </div>
    </>
  );
}

function ResetPassword({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const change = useChangeUser();
  const [password, setPassword] = useState('');
  const tooShort = password.length < 8;
  return (
    <form
      className="row"
      style={{ display: 'inline-flex', gap: 6 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!tooShort) change.mutate({ id: user.id, password }, { onSuccess: onClose });
      }}
    >
      <input type="password" aria-label={`New password for ${user.email}`} placeholder="new password (8+ characters)" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus onKeyDown={(e) => e.key === 'Escape' && onClose()} />
      <button className="btn primary" type="submit" disabled={tooShort || change.isPending}>
        Set
      </button>
      <button className="btn" type="button" onClick={onClose}>
        Cancel
      </button>
      {change.error && <span className="field-error">{change.error.message}</span>}
    </form>
  );
}

function CreateUser() {
  const create = useCreateUser();
  const empty: NewUser = { name: '', email: '', password: '', role: 'coder' };
  const [form, setForm] = useState<NewUser>(empty);
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const errors: Partial<Record<keyof NewUser, string>> = {};
  if (!form.name.trim()) errors.name = 'Enter their name';
  if (!/^[^@\s]+@[^@\s]+$/.test(form.email.trim())) errors.email = 'Enter an email address';
  if ((form.password ?? '').length < 8) errors.password = 'At least 8 characters';
  const shown = submitted ? errors : {};
  const set = (k: keyof NewUser) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setCreated(null);
    if (Object.keys(errors).length) return;
    create.mutate(
      { ...form, name: form.name.trim(), email: form.email.trim() },
      {
        onSuccess: (u) => {
          setCreated(`${u.name} (${u.email}) can now sign in as ${u.role}.`);
          setForm(empty);
          setSubmitted(false);
        },
      },
    );
  };
  const role = (form.role ?? 'coder') as Role;
  return (
    <form className="panel settings-panel" onSubmit={onSubmit} noValidate aria-label="Create an account">
      <h2>Create an account</h2>
      {(['name', 'email', 'password'] as const).map((k) => (
        <div key={k} className={`field ${shown[k] ? 'invalid' : ''}`}>
          <label htmlFor={`new-${k}`}>{k === 'password' ? 'Initial password' : k[0].toUpperCase() + k.slice(1)}</label>
          <input id={`new-${k}`} type={k === 'name' ? 'text' : k} autoComplete={k === 'password' ? 'new-password' : 'off'} value={form[k] ?? ''} onChange={set(k)} />
          {shown[k] && <span className="field-error">{shown[k]}</span>}
        </div>
      ))}
      <div className="field">
        <label htmlFor="new-role">Role</label>
        <select id="new-role" value={role} onChange={set('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <span className="hint">A {role} {ROLE_HELP[role]}.</span>
      </div>
      {create.error && (
        <div className="error-box" role="alert">
          {create.error.message}
        </div>
      )}
      {created && (
        <div className="badge ok" role="status" style={{ padding: '6px 10px', borderRadius: 6 }}>
          {created}
        </div>
      )}
      <div className="form-actions" style={{ marginTop: 0 }}>
        <button className="btn primary" type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create account'}
        </button>
      </div>
    </form>
  );
}
