import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { gql, GqlError } from '../../api/gql';
import { CopyButton } from '../../components/CopyButton';
import { Page } from '../../components/Page';
import { SUBMIT_QUESTIONNAIRE, UPDATE_QUESTIONNAIRE, type QuestionnaireInput } from './api';
import { focusSoon, newIdempotencyKey, useFormErrors, useMT } from './lib';
import { QuestionnaireForm } from './QuestionnaireForm';
import './migrants.css';

interface Receipt {
  reference: string;
  accessCode: string;
}

interface SubmitResult {
  submitQuestionnaire: Receipt & { questionnaire: { id: string; status: string } };
}

/**
 * A new questionnaire, no account needed. One idempotency key per form fill: a double tap or a resend
 * over a bad connection gives the same questionnaire. When an attempt's answer was lost and the person
 * then changed something, the earlier attempt is replayed first (to learn whether it arrived) and the
 * change applied to it, so there is still only one questionnaire.
 */
export default function QuestionnairePage() {
  const { t: tm } = useMT();
  const { t } = useTranslation();
  const [fill, setFill] = useState(0);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const key = useRef(newIdempotencyKey());
  /** input of an attempt whose outcome is unknown (the connection broke) */
  const unsure = useRef<QuestionnaireInput | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, fromError, setFields, clear, clearField } = useFormErrors();

  const send = (input: QuestionnaireInput) => gql<SubmitResult>(SUBMIT_QUESTIONNAIRE, { input, key: key.current });

  async function submit(input: QuestionnaireInput) {
    setBusy(true);
    clear();
    let stored = false; // the earlier attempt is known to have arrived
    try {
      let result: Receipt | null = null;
      const earlier = unsure.current;
      if (earlier && JSON.stringify(earlier) !== JSON.stringify(input)) {
        let r: Receipt | null = null;
        try {
          r = (await send(earlier)).submitQuestionnaire;
        } catch (e) {
          if (!(e instanceof GqlError) || e.isNetwork) throw e;
          // refused: it never arrived; the new answers go with the same key
        }
        if (r) {
          // it had arrived: apply the changes to it
          stored = true;
          await gql(UPDATE_QUESTIONNAIRE, { reference: r.reference, accessCode: r.accessCode, input });
          result = r;
        }
      }
      if (!result) {
        unsure.current = input;
        result = (await send(input)).submitQuestionnaire;
      }
      unsure.current = null;
      setReceipt({ reference: result.reference, accessCode: result.accessCode });
      focusSoon('receipt-title');
    } catch (e) {
      if (!stored && !(e instanceof GqlError && e.isNetwork)) unsure.current = null;
      fromError(e);
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  }

  function another() {
    key.current = newIdempotencyKey();
    unsure.current = null;
    clear();
    setReceipt(null);
    setFill((f) => f + 1);
    focusSoon('page-title');
  }

  return (
    <Page title={t('services.questionnaire.title')} className="mg-questionnaire">
      {receipt ? (
        <section className="credentials mg-receipt" aria-labelledby="receipt-title" data-testid="receipt">
          <h2 id="receipt-title" tabIndex={-1}>
            {tm('receipt.title')}
          </h2>
          <p className="mg-warning">
            <strong>{tm('receipt.once')}</strong>
          </p>
          <dl className="facts compact secrets">
            <div>
              <dt>{tm('receipt.reference')}</dt>
              <dd>
                <code className="secret mg-big" data-testid="receipt-reference">
                  {receipt.reference}
                </code>
                <CopyButton text={receipt.reference} label={tm('receipt.copyReference')} />
              </dd>
            </div>
            <div>
              <dt>{tm('receipt.accessCode')}</dt>
              <dd>
                <code className="secret mg-big" data-testid="receipt-code">
                  {receipt.accessCode}
                </code>
                <CopyButton text={receipt.accessCode} label={tm('receipt.copyCode')} />
              </dd>
            </div>
          </dl>
          <p>
            <CopyButton
              text={`${tm('receipt.reference')}: ${receipt.reference}\n${tm('receipt.accessCode')}: ${receipt.accessCode}`}
              label={tm('receipt.copyBoth')}
            />
          </p>
          <p>{tm('receipt.next')}</p>
          <div className="actions">
            <Link className="button" to={`/questionnaire/open?reference=${encodeURIComponent(receipt.reference)}`}>
              {tm('receipt.open')}
            </Link>
            <button type="button" className="button button-secondary" onClick={another}>
              {tm('receipt.another')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <p className="lead">{tm('q.intro')}</p>
          <p>
            <Link to="/questionnaire/open">{tm('q.haveReference')}</Link>
          </p>
          <QuestionnaireForm
            key={fill}
            submitLabel={tm('q.submit')}
            busyLabel={tm('form.sending')}
            busy={busy}
            errors={errors}
            onSubmit={(input) => void submit(input)}
            onLocalErrors={setFields}
            onEdit={clearField}
          />
        </>
      )}
    </Page>
  );
}
