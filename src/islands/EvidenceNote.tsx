/**
 * What one side wrote about an element, under who wrote it, or a muted line when they wrote nothing.
 * Shared by the manager's review (rating and 1:1) and the team page's calibration.
 */
export function EvidenceNote({
  who,
  text,
  none,
  className,
}: {
  who: string;
  text?: string;
  none: string;
  className?: string;
}) {
  return (
    <>
      <p className="evidence-who">{who}</p>
      {text ? <blockquote className={className}>{text}</blockquote> : <p className="muted">{none}</p>}
    </>
  );
}

/** The member's and the manager's notes side by side. */
export function EvidencePair({ notes, none }: { notes: readonly { who: string; text?: string }[]; none: string }) {
  return (
    <div className="evidence-pair">
      {notes.map((n) => (
        <div key={n.who}>
          <EvidenceNote who={n.who} text={n.text} none={none} />
        </div>
      ))}
    </div>
  );
}
