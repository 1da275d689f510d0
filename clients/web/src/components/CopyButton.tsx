import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no Clipboard API (old browser, plain http) or no permission: the old way
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** "Copy" for a value shown beside it; says "Copied" (to screen readers too) for a moment. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 4000);
    return () => clearTimeout(timer);
  }, [result]);
  return (
    <span className="copy">
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={async () => setResult((await copyText(text)) ? 'copied' : 'failed')}
      >
        {label ?? t('copy.button')}
      </button>
      <span role="status" className="copy-status">
        {result === 'copied' ? t('copy.done') : result === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}
