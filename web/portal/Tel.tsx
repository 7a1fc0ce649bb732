// Hotlines an elder may need to call; in any text the portal shows, each becomes a tappable tel: link.
const HOTLINES = new Set(['110', '96110', '12333', '12345']);

/** Text with its hotline numbers as tel: links (split on digit runs: no lookbehind, which older phones' browsers lack). */
export function WithTel({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d+)/).map((part, i) =>
        HOTLINES.has(part) ? <a key={i} className="tel" href={`tel:${part}`}>{part}</a> : part,
      )}
    </>
  );
}
