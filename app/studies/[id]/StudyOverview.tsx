'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useSession } from '@/components/hooks/useSession';
import { useRemoveMember, useSetMember, useStudy, type StudyDetail } from '@/components/hooks/useStudies';
import { useUsers } from '@/components/hooks/useUsers';
import { ErrorState, Skeleton } from '@/components/ui/States';
import { OpenCodingSetting } from './OpenCodingSetting';

type StudyRole = 'supervisor' | 'coder';

export function StudyOverview({ id }: { id: number }) {
  const study = useStudy(id);
  if (study.error) return <ErrorState error={study.error} />;
  if (study.isPending) return <Skeleton height={200} />;
  return <Overview study={study.data} />;
}

function Overview({ study }: { study: StudyDetail }) {
  const session = useSession();
  const manage = study.myRole === 'admin' || study.myRole === 'supervisor';
  const setMember = useSetMember(study.id);
  const removeMember = useRemoveMember(study.id);
  const actionError = setMember.error ?? removeMember.error;
  const links = [
    { href: `/studies/${study.id}/codebook`, label: 'Codebook', what: 'codes, their definitions and history' },
    { href: `/studies/${study.id}/samples`, label: 'Samples', what: 'what is coded, by whom' },
    { href: '/coding', label: 'Coding', what: 'your queue of items to code' },
    { href: `/agreement?study=${study.id}`, label: 'Agreement', what: 'how far coders agree; consensus' },
    { href: `/progress?study=${study.id}`, label: 'Progress', what: 'who coded how much' },
  ];
  const onRemove = (userId: string, name: string) => {
    if (window.confirm(`Take ${name} out of “${study.name}”? Their codings stay.`)) removeMember.mutate(userId);
  };
  return (
    <>
      <div className="page-head">
        <div>
          <p className="sub">
            <Link href="/studies">Studies</Link> /
          </p>
          <h1>{study.name}</h1>
          {study.description && <p className="sub">{study.description}</p>}
        </div>
        <span className="badge accent">your role: {study.myRole}</span>
      </div>
      <nav className="study-links" aria-label="Study sections">
        {links.map((l) => (
          <Link key={l.label} href={l.href} className="panel study-link">
            <strong>{l.label}</strong>
            <span className="sub">{l.what}</span>
          </Link>
        ))}
      </nav>
      <OpenCodingSetting study={study} manage={manage} />
      <h2 className="section-title">Members</h2>
      {actionError && (
        <div className="error-box" role="alert" style={{ marginBottom: 12 }}>
          {actionError.message}
        </div>
      )}
      <table className="list" data-testid="members">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role in this study</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {study.members.map((m) => (
            <tr key={m.userId}>
              <td>
                {m.name} {m.userId === session.data?.id && <span className="badge accent">you</span>}
              </td>
              <td>{m.email}</td>
              <td>
                {manage ? (
                  <select aria-label={`Study role of ${m.email}`} value={m.role} onChange={(e) => setMember.mutate({ userId: m.userId, role: e.target.value as StudyRole })}>
                    <option value="supervisor">supervisor</option>
                    <option value="coder">coder</option>
                  </select>
                ) : (
                  <span className="badge">{m.role}</span>
                )}
              </td>
              <td style={{ textAlign: 'right' }}>
                {manage && (
                  <button className="btn" onClick={() => onRemove(m.userId, m.name)} aria-label={`Remove ${m.email} from the study`}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {manage && <AddMember study={study} />}
    </>
  );
}

function AddMember({ study }: { study: StudyDetail }) {
  const users = useUsers();
  const add = useSetMember(study.id);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<StudyRole>('coder');
  const candidates = (users.data ?? []).filter((u) => !study.members.some((m) => m.userId === u.id));
  return (
    <form
      className="panel row"
      style={{ marginTop: 12, gap: 8, alignItems: 'center', display: 'flex' }}
      aria-label="Add a member"
      onSubmit={(e) => {
        e.preventDefault();
        if (userId) add.mutate({ userId, role }, { onSuccess: () => setUserId('') });
      }}
    >
      <strong>Add a member</strong>
      {users.error ? (
        <ErrorState error={users.error} />
      ) : candidates.length === 0 && !users.isPending ? (
        <span className="sub">
          Everyone with an account is a member already.{' '}
          {/* only admins create accounts */}
          An admin can create more accounts in <Link href="/admin/users">Users</Link>.
        </span>
      ) : (
        <>
          <select aria-label="User to add" value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Choose a user…</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} — {u.email}
              </option>
            ))}
          </select>
          <select aria-label="Their role in this study" value={role} onChange={(e) => setRole(e.target.value as StudyRole)}>
            <option value="coder">as coder</option>
            <option value="supervisor">as supervisor</option>
          </select>
          <button className="btn primary" type="submit" disabled={!userId || add.isPending}>
            Add
          </button>
          {add.error && <span className="field-error">{add.error.message}</span>}
        </>
      )}
    </form>
  );
}
