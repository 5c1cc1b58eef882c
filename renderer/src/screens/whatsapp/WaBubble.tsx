import type { ReactNode } from 'react';

/**
 * WhatsApp's own markup, so the preview looks as the customer will see it: *bold*, _italic_,
 * ~strike~ and ```monospace```. As in WhatsApp, a marker only counts at a word's edge, which keeps
 * the underscores inside links and codes (INV_2026_03) as they are.
 */
const MARKUP = /```([\s\S]+?)```|(?<![\p{L}\p{N}])([*_~])(?!\s)([^\n]*?[^\s])\2(?![\p{L}\p{N}])/gu;
const TAGS = { '*': 'strong', _: 'em', '~': 's' } as const;

function formatted(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP)) {
    const at = match.index;
    if (at > last) nodes.push(text.slice(last, at));
    const [whole, code, marker, inner] = match;
    if (code !== undefined) nodes.push(<code key={at}>{code}</code>);
    else {
      const Tag = TAGS[marker as keyof typeof TAGS];
      nodes.push(<Tag key={at}>{formatted(inner ?? '')}</Tag>);
    }
    last = at + whole.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** A message drawn as an outgoing WhatsApp chat bubble. */
export function WaBubble({ text, time, testId }: { text: string; time: string; testId?: string }) {
  return (
    <div className="wa-chat">
      <div className="wa-bubble" data-testid={testId}>
        <div className="wa-bubble-text">{formatted(text)}</div>
        <span className="wa-bubble-time">{time}</span>
      </div>
    </div>
  );
}
