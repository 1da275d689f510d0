import { Component, lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route } from 'react-router-dom';

/*
 * The migrants pages: the job seeker's questionnaire, the citizen's own record, and the back office for
 * agencies, departures, people and statistics. Each page is its own download, fetched when opened, so
 * the first page of the portal stays small on a cheap phone.
 */
const QuestionnairePage = lazy(() => import('./QuestionnairePage'));
const QuestionnaireOpenPage = lazy(() => import('./QuestionnaireOpenPage'));
const RecordPage = lazy(() => import('./RecordPage'));
const AgenciesPage = lazy(() => import('./AgenciesPage'));
const AgencyPage = lazy(() => import('./AgencyPage'));
const DeparturesPage = lazy(() => import('./DeparturesPage'));
const PeoplePage = lazy(() => import('./PeoplePage'));
const PersonPage = lazy(() => import('./PersonPage'));
const StatisticsPage = lazy(() => import('./StatisticsPage'));

/** When a page's code cannot be downloaded (a bad connection), say so and offer a reload. */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <LoadFailed retry={() => window.location.reload()} /> : this.props.children;
  }
}

/** When a page cannot be downloaded (a dropped connection): say so, with "try again". */
function LoadFailed({ retry }: { retry: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="error" role="alert">
      {t('error.network')}{' '}
      <button type="button" className="link-button" onClick={retry}>
        {t('error.retry')}
      </button>
    </p>
  );
}

function lazyPage(Page: LazyExoticComponent<ComponentType>) {
  return (
    <ChunkBoundary>
      <Page />
    </ChunkBoundary>
  );
}

/** The routes, to put inside the app's <Routes> (which has a <Suspense> around it). */
export function migrantRoutes() {
  return [
    <Route key="questionnaire" path="/questionnaire" element={lazyPage(QuestionnairePage)} />,
    <Route key="questionnaire-open" path="/questionnaire/open" element={lazyPage(QuestionnaireOpenPage)} />,
    <Route key="me-record" path="/me/record" element={lazyPage(RecordPage)} />,
    <Route key="agencies" path="/staff/agencies" element={lazyPage(AgenciesPage)} />,
    <Route key="agency" path="/staff/agencies/:id" element={lazyPage(AgencyPage)} />,
    <Route key="departures" path="/staff/departures" element={lazyPage(DeparturesPage)} />,
    <Route key="people" path="/staff/people" element={lazyPage(PeoplePage)} />,
    <Route key="person" path="/staff/people/:pin" element={lazyPage(PersonPage)} />,
    <Route key="statistics" path="/staff/statistics" element={lazyPage(StatisticsPage)} />,
  ];
}

function RecordLinksInner() {
  const { t } = useTranslation('migrants');
  return (
    <ul className="mg-links" data-testid="me-migrant-links">
      <li>
        <Link to="/me/record">{t('record.link')}</Link>
      </li>
      <li>
        <Link to="/questionnaire">{t('record.linkQuestionnaire')}</Link>
      </li>
    </ul>
  );
}

/** For the citizen's /me page: links to their migration record and the questionnaire. */
export function MigrantMeLinks() {
  return (
    <Suspense fallback={null}>
      <RecordLinksInner />
    </Suspense>
  );
}
