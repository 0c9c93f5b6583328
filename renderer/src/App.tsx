import { Suspense, lazy, useEffect, useState } from 'react';
import { CatalogueView } from './views/CatalogueView';
import { catalogueAddress } from './views/CatalogueTabs';
import type { CatalogueTab } from './views/CatalogueTabs';

// Pages load when first visited: opening a catalogue (the grid) waits for none of them.
const HomeView = lazy(() => import('./views/HomeView').then((m) => ({ default: m.HomeView })));
const ReferenceView = lazy(() => import('./views/ReferenceView').then((m) => ({ default: m.ReferenceView })));
const IndicatorsView = lazy(() => import('./views/IndicatorsView').then((m) => ({ default: m.IndicatorsView })));
const RegionsView = lazy(() => import('./views/regions/RegionsView').then((m) => ({ default: m.RegionsView })));

type Route = { view: 'home' } | { view: 'catalogue'; id: string; tab: CatalogueTab } | { view: 'reference' } | { view: 'indicators' } | { view: 'regions' };

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  // "#/catalogue/<id>" opens its 条目; "#/catalogue/<id>/<tab>" another view of it (kept across a reload or Back).
  const catalogue = catalogueAddress(path);
  if (catalogue) return { view: 'catalogue', ...catalogue };
  if (path === '/reference') return { view: 'reference' };
  if (path === '/indicators') return { view: 'indicators' };
  if (path === '/regions') return { view: 'regions' };
  return { view: 'home' };
}

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/">清单工作台</a>
        <nav>
          <a href="#/" className={route.view === 'home' ? 'active' : ''}>清单</a>
          <a href="#/indicators" className={route.view === 'indicators' ? 'active' : ''}>规划指标</a>
          <a href="#/regions" className={route.view === 'regions' ? 'active' : ''}>行政区与人口</a>
          <a href="#/reference" className={route.view === 'reference' ? 'active' : ''}>参考数据</a>
        </nav>
      </header>
      <main className="app-main">
        <Suspense fallback={<p className="page muted">正在加载……</p>}>
        {route.view === 'home' && <HomeView />}
        {route.view === 'catalogue' && <CatalogueView key={route.id} catalogueId={route.id} tab={route.tab} />}
        {route.view === 'reference' && <ReferenceView />}
        {route.view === 'indicators' && <IndicatorsView />}
        {route.view === 'regions' && <RegionsView />}
        </Suspense>
      </main>
    </div>
  );
}
