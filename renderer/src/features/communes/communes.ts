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

let names: Map<string, string> | undefined;

/**
 * Each commune's name by INSEE code, built once for the app's life (35 000 communes: building the map
 * at every mount of a page cost more than the page's own reads), and given at once after the first time.
 */
export function useCommuneNames(): Map<string, string> | undefined {
  const [loaded, setLoaded] = useState(names);
  useEffect(() => {
    if (loaded) return;
    let active = true;
    void loadCommunes().then((list) => {
      names ??= new Map(list.map((c) => [c.codeInsee, c.nom]));
      if (active) setLoaded(names);
    });
    return () => { active = false; };
  }, [loaded]);
  return loaded;
}
