'use client';
import { useRef, useState, type ReactNode } from 'react';

/**
 * A drop target with a "choose" button (the import and analyse pages): hands dropped or chosen files
 * to `onFiles`. `children` go below the button (e.g. an option of the upload).
 */
export function DropZone(props: { title: string; button: string; accept: string; multiple?: boolean; onFiles: (files: FileList | null) => void; children?: ReactNode }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div
      className={`dropzone ${over ? 'over' : ''}`}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        props.onFiles(e.dataTransfer.files);
      }}
    >
      <h2>{props.title}</h2>
      <p className="sub">or</p>
      <button className="btn primary" onClick={() => input.current?.click()}>
        {props.button}
      </button>
      <input ref={input} type="file" multiple={props.multiple} accept={props.accept} hidden onChange={(e) => props.onFiles(e.target.files)} data-testid="file-input" />
      {props.children}
    </div>
  );
}
