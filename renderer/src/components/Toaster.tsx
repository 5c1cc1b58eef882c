import { useEffect } from 'react';
import { useToast } from '../stores/toast-store.js';

const SHOW_MS = 4_000;

export function Toaster() {
  const { message, seq } = useToast();
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => useToast.setState({ message: null }), SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [message, seq]);
  if (!message) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
      {message}
    </div>
  );
}
