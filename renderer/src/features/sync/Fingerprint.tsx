/** A key's fingerprint, eight groups of five digits, set to be read aloud group by group. */
export function Fingerprint({ print, label }: { print: string; label?: string }) {
  return (
    <span className="fingerprint" translate="no" aria-label={label ? `${label} ${print}` : undefined}>
      {print.split(' ').map((group, i) => <span key={i} className="fingerprint-group">{group}</span>)}
    </span>
  );
}
