/** The official commune list, loaded once from its own bundled chunk (no network). */
import { useEffect, useState } from 'react';
import { communeFromRow, type Commune } from '../../domain/communes';

let loading: Promise<Commune[]> | undefined;

function loadCommunes(): Promise<Commune[]> {
  loading ??= import('virtual:communes').then((m) => m.default.map(communeFromRow));
  return loading;
}

export function useCommunes(): Commune[] | undefined {
  const [communes, setCommunes] = useState<Commune[] | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void loadCommunes().then((list) => { if (active) setCommunes(list); });
    return () => { active = false; };
  }, []);
  return communes;
}
