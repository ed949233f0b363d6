/** The law's limit under a rule's field, a line per figure (spans: a field's description is a paragraph). */
export function RuleLimit({ lines }: { lines: string[] }) {
  return (
    <span data-testid="rule-limit">
      {lines.map((line) => (
        <span key={line} style={{ display: 'block' }}>
          {line}
        </span>
      ))}
    </span>
  );
}
