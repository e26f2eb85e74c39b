'use client';
import { HTML_SANDBOX, htmlDocument } from '@/lib/figures/figure-document';

/**
 * Untrusted HTML (notebook outputs, HTML figures) goes into an iframe with an empty sandbox:
 * no scripts, no forms, no popups, a unique origin with no access to this page or its cookies.
 * A CSP inside the document also blocks every network fetch it would make (lib/figures/figure-document.ts).
 */
export function SandboxedHtml({ html, height = 320, title = 'notebook output' }: { html: string; height?: number; title?: string }) {
  return <iframe title={title} sandbox={HTML_SANDBOX} srcDoc={htmlDocument(html)} style={{ height }} />;
}
