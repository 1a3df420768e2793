import { Modal } from './modal';

/** Q15's middle step: Pause All takes a click and a confirmation. */
export function PauseAllDialog({
  reason,
  busy,
  onConfirm,
  onClose,
}: {
  reason: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal title="Pause all bot operations?" onClose={onClose}>
      <p>The bot will neither open nor close positions. Existing positions stay open and exposed until someone resumes.</p>
      <p>
        Reason: <q>{reason.trim()}</q>
      </p>
      <div className="actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm} data-autofocus>
          {busy ? 'Pausing…' : 'Pause all'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
