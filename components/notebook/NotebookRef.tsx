import { notebookIdentity } from '@/lib/browse/identity';

/** A notebook's identity beside its title: the Kaggle ref, linked to kaggle.com, or its relative file name. */
export function NotebookRef({ fileName, kaggleRef }: { fileName: string; kaggleRef?: string | null }) {
  const id = notebookIdentity({ fileName, kaggleRef });
  return id.href ? (
    <a className="nb-ref" href={id.href} rel="noreferrer noopener" target="_blank" data-testid="notebook-ref">
      {id.ref}
    </a>
  ) : (
    <code className="nb-ref" data-testid="notebook-ref">
      {id.ref}
    </code>
  );
}
