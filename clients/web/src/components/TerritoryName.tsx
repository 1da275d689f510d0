import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadTerritoryPath } from '../api/territories';

const names = new Map<string, Promise<string>>();

/** "Oblast › Raion › Aiyl okmotu" for a СОАТЕ code, in the UI language (the code until it is known). */
export function TerritoryName({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const key = `${lang}|${code}`;
    let pending = names.get(key);
    if (!pending) {
      pending = loadTerritoryPath(code).then((path) => path.map((p) => p.name).join(' › '));
      pending.catch(() => names.delete(key));
      names.set(key, pending);
    }
    pending.then(
      (n) => live && setName(n || null),
      () => live && setName(null),
    );
    return () => {
      live = false;
    };
  }, [code, lang]);
  return (
    <span className="territory-name">
      {name ?? code}
      {name ? <span className="code"> ({code})</span> : null}
    </span>
  );
}
