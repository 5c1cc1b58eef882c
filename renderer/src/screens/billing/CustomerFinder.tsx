import { forwardRef, useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customer.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { call } from '../../api/client.js';
import { Icon } from '../../components/Icon.js';
import { StatusBadge } from '../../components/StatusBadge.js';

/** Matches offered under the box: the one in front of the counter is nearly always among the first. */
const MATCHES = 6;
/** A short pause in typing before asking (a fast typist's Enter still waits for the answer, see below). */
const SEARCH_DELAY_MS = 120;

interface Matches {
  /** The text these matches answer: an Enter only picks from the answer to what is in the box now. */
  query: string;
  items: readonly Customer[];
}

interface Props {
  onPick(customer: Customer): void;
}

/**
 * The payment desk's customer search, a combobox: type part of a name, code or phone and Enter
 * takes the first match (the arrows choose another). An Enter typed before the answer to the last
 * letters arrived is kept and acted on when it comes, so a fast typist never picks a stale match.
 */
export const CustomerFinder = forwardRef<HTMLInputElement, Props>(function CustomerFinder({ onPick }, ref) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Matches>({ query: '', items: [] });
  const [active, setActive] = useState(0);
  const [enterWaiting, setEnterWaiting] = useState(false);
  const query = text.trim();
  const answered = matches.query === query;

  useEffect(() => {
    if (query === '') {
      setMatches({ query, items: [] });
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      void call('customers.list', { query, limit: MATCHES }).then((result) => {
        if (live) setMatches({ query, items: result.ok ? result.data.items : [] });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  useEffect(() => setActive(0), [matches]);

  function pick(customer: Customer | undefined) {
    setEnterWaiting(false);
    if (!customer) return;
    setText('');
    onPick(customer);
  }

  // The kept Enter, once the answer to what is in the box has come.
  useEffect(() => {
    if (!enterWaiting || !answered) return;
    setEnterWaiting(false);
    const first = matches.items[0];
    if (!first) return;
    setText('');
    onPick(first);
  }, [enterWaiting, answered, matches, onPick]);

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const count = matches.items.length;
      if (count > 0) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (query === '') return;
      if (answered) pick(matches.items[active]);
      else setEnterWaiting(true);
    } else if (e.key === 'Escape' && text !== '') {
      e.preventDefault();
      setText('');
    }
  }

  const open = query !== '' && answered;
  return (
    <div className="finder">
      <label className="search finder-box">
        <Icon name="search" size={16} />
        <input
          ref={ref}
          type="search"
          role="combobox"
          aria-expanded={open && matches.items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && matches.items[active] ? `${listId}-${active}` : undefined}
          aria-label={t('billing.findLabel')}
          placeholder={t('billing.findPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          autoComplete="off"
          data-testid="pay-find"
        />
      </label>
      <ul className="finder-list" id={listId} role="listbox" aria-label={t('billing.findLabel')} data-testid="pay-matches">
        {open
          ? matches.items.map((c, i) => (
              <li
                key={c.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(c)}
                data-testid="pay-match"
              >
                <strong>{c.name}</strong>
                <span className="muted mono">{c.code}</span>
                <span className="muted mono">{formatPhoneLocal(c.phone)}</span>
                <StatusBadge status={c.status} />
              </li>
            ))
          : null}
      </ul>
      {open && matches.items.length === 0 ? (
        <p className="muted" role="status" data-testid="pay-no-match">
          {t('billing.noMatch')}
        </p>
      ) : null}
    </div>
  );
});
