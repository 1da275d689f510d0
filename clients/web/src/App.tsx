import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from './auth/RequireAuth';
import { Layout } from './components/Layout';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { HomePage } from './pages/HomePage';
import { migrantRoutes } from './pages/migrants/routes';
import { MePage } from './pages/MePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { StaffHomePage } from './pages/StaffHomePage';
import { StaffSignInPage } from './pages/StaffSignInPage';
import { TerritoriesPage } from './pages/TerritoriesPage';
import { SERVICES } from './services';

// Administration is for a few users: its code is loaded only when opened, not by every citizen's phone.
const AdminUsersPage = lazy(() => import('./pages/admin/AdminUsersPage'));
const AccessLogPage = lazy(() => import('./pages/admin/AccessLogPage'));

/** Services with their own pages; the others show "coming soon". */
const BUILT = new Set(['signIn', 'me', 'staff', 'questionnaire']);

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/territories" element={<TerritoriesPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/me" element={<MePage />} />
          <Route path="/staff" element={<StaffHomePage />} />
          <Route path="/staff/sign-in" element={<StaffSignInPage />} />
          <Route path="/admin/users" element={<AdminUsersPage />} />
          <Route path="/admin/access-log" element={<AccessLogPage />} />
          {migrantRoutes()}
          {SERVICES.filter((s) => !BUILT.has(s.key)).map((s) => (
            <Route key={s.key} path={`${s.path}/*`} element={<ComingSoonPage service={s} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
