import { Dialog } from './dialog.js';

const SHORTCUTS: Array<[string[], string]> = [
  [['j', 'k'], 'next / previous document'],
  [['a'], 'accept the document'],
  [['r'], 'reject (type a note, Enter to confirm, Esc to cancel)'],
  [['s'], 'skip to the next document without deciding'],
  [['u'], 'undo the last action (decision, bulk accept or restored block)'],
  [['e'], 'expand or collapse all removed blocks'],
  [['?'], 'show or hide this help'],
];

export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys.join()}>
              <td className="keys">
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' / '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Shortcuts are off while you type in a field. In the version diff: j / k move through documents.
      </p>
    </Dialog>
  );
}
