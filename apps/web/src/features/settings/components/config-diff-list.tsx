import { CONFIG_FIELDS, displayValue, fieldPath, type ConfigChange } from '../config-fields';

const labelOf = (path: string) => CONFIG_FIELDS.find((field) => fieldPath(field) === path)?.label ?? path;

/** Old -> new per field, in words as well as colour (strike-through old, bold new). */
export function ConfigDiffList({ changes }: { changes: readonly ConfigChange[] }) {
  if (changes.length === 0) return <p className="muted">No field changes.</p>;
  return (
    <ul className="diff-list" aria-label="Changes">
      {changes.map((change) => (
        <li key={change.path} data-path={change.path}>
          <span className="diff-path">{labelOf(change.path)}</span>
          <code className="muted">{change.path}</code>
          <span>
            <span className="visually-hidden">from </span>
            <span className="diff-old">{displayValue(change.before)}</span>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden"> to </span>
            <span className="diff-new">{displayValue(change.after)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
