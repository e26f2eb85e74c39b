'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useSession } from '@/components/hooks/useSession';
import { useCreateStudy, useStudies } from '@/components/hooks/useStudies';
import { ErrorState, Skeleton } from '@/components/ui/States';

export function StudyList() {
  const session = useSession();
  const studies = useStudies();
  const canCreate = session.data?.role === 'admin' || session.data?.role === 'supervisor';
  const [creating, setCreating] = useState(false);
  const count = studies.data?.length ?? 0;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Studies</h1>
          <p className="sub">
            {session.data?.role === 'admin' ? 'Every study of this vizmine' : 'The studies you are a member of'}
            {count ? ` — ${count}` : ''}
          </p>
        </div>
        {canCreate && !creating && (
          <button className="btn primary" onClick={() => setCreating(true)}>
            New study
          </button>
        )}
      </div>
      {creating && <NewStudy onCancel={() => setCreating(false)} />}
      {studies.error ? (
        <ErrorState error={studies.error} />
      ) : studies.isPending ? (
        <Skeleton height={48} count={3} />
      ) : count === 0 ? (
        <div className="empty">
          <h2>No studies yet</h2>
          <p>
            {canCreate
              ? 'A study gathers a codebook, samples of visualisations to code, its coders and their agreement. Create one, then add its members.'
              : 'You are not a member of any study yet. Ask a supervisor to add you to their study; it then shows up here and in Coding.'}
          </p>
          {canCreate && !creating && (
            <button className="btn primary" onClick={() => setCreating(true)}>
              Create a study
            </button>
          )}
        </div>
      ) : (
        <table className="list" data-testid="studies">
          <thead>
            <tr>
              <th>Study</th>
              <th>Your role</th>
              <th className="num">Members</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {studies.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/studies/${s.id}`}>{s.name}</Link>
                  {s.description && (
                    <div className="sub" style={{ fontSize: 12 }}>
                      {s.description}
                    </div>
                  )}
                </td>
                <td>
                  <span className={`badge ${s.myRole === 'supervisor' ? 'accent' : ''}`}>{s.myRole}</span>
                </td>
                <td className="num">{s.members}</td>
                <td>{new Date(s.createdAt).toLocaleDateString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function NewStudy({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const create = useCreateStudy();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const nameError = submitted && !name.trim() ? 'A study needs a name' : undefined;
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), description: description.trim() }, { onSuccess: (s) => router.push(`/studies/${s.id}`) });
  };
  return (
    <form className="panel settings-panel" onSubmit={onSubmit} noValidate aria-label="New study" style={{ marginBottom: 16 }} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h2>New study</h2>
      <div className={`field ${nameError ? 'invalid' : ''}`}>
        <label htmlFor="study-name">Name</label>
        <input id="study-name" type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        {nameError && <span className="field-error">{nameError}</span>}
      </div>
      <div className="field">
        <label htmlFor="study-description">Description</label>
        <textarea id="study-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What the study asks, for its coders" />
      </div>
      {create.error && (
        <div className="error-box" role="alert">
          {create.error.message}
        </div>
      )}
      <div className="form-actions" style={{ marginTop: 0 }}>
        <button className="btn primary" type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create study'}
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="sub">You become its supervisor.</span>
      </div>
    </form>
  );
}
