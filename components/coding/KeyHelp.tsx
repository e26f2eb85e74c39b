'use client';
import { KEY_HELP } from './keymap';
import styles from './coding.module.css';

/** The key list ("?"): everything the workspace does is a key. */
export function KeyHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className={styles.help} onClick={onClose} role="dialog" aria-label="keyboard shortcuts">
      <div className={styles.helpBox} onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {KEY_HELP.map(([k, what]) => (
              <tr key={k}>
                <td style={{ width: 150 }}>
                  <span className="kbd">{k}</span>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="sub" style={{ marginTop: 12 }}>
          Everything is saved as you go. Press <span className="kbd">Esc</span> or <span className="kbd">?</span> to close.
        </p>
      </div>
    </div>
  );
}
