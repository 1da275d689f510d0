import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { TerritoriesPage } from './pages/TerritoriesPage';
import { SERVICES } from './services';

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/territories" element={<TerritoriesPage />} />
        {SERVICES.map((s) => (
          <Route key={s.key} path={`${s.path}/*`} element={<ComingSoonPage service={s} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
