/**
 * A share button for the view, the open feature or the trip. It opens the system share sheet
 * where the browser has one (feature-detected with `canShare`), otherwise copies the link and says
 * so; either way a small panel shows the link and its QR code, so a plan made on a desktop moves
 * to a phone in one scan. Escape or its close button closes the panel and gives the focus back.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { language } from '../../i18n/index.ts';
import { canUseShareSheet, shareUrl, type ShareSubject } from './share-link.ts';
import { shareMessages } from './share-messages.ts';
import { datasetOrigin } from '../../state/dataset-origin.ts';
import { datasetMessages } from '../planner/dataset-messages.ts';

type Outcome = 'copied' | 'by-hand' | 'shared' | null;

export function ShareControl({ subject, featureName = '' }: { subject: ShareSubject; featureName?: string }) {
  const text = shareMessages[language.value];
  const [link, setLink] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [qrProblem, setQrProblem] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!link || !canvas.current) return;
    let current = true;
    setQrProblem(null);
    import('./qr-canvas.ts')
      .then(({ drawQrCode }) => (current && canvas.current ? drawQrCode(canvas.current, link) : undefined))
      .catch((error: unknown) => {
        if (current) setQrProblem(error instanceof Error ? error.message : String(error));
      });
    return () => {
      current = false;
    };
  }, [link]);

  const copy = async (url: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(url);
      setOutcome('copied');
    } catch {
      setOutcome('by-hand');
      requestAnimationFrame(() => {
        linkField.current?.focus();
        linkField.current?.select();
      });
    }
  };

  const share = async (): Promise<void> => {
    const url = shareUrl(window.location.href, subject);
    setLink(url);
    setOutcome(null);
    if (canUseShareSheet(navigator, url)) {
      const title = subject === 'feature' ? text.title.feature(featureName) : text.title[subject];
      try {
        await navigator.share({ title, url });
        setOutcome('shared');
        return;
      } catch (error) {
        // The visitor closed the sheet: nothing to copy behind their back.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    await copy(url);
  };

  const close = (): void => {
    setLink(null);
    setOutcome(null);
    button.current?.focus({ preventScroll: true });
  };

  const status =
    outcome === 'copied'
      ? text.copied
      : outcome === 'by-hand'
        ? text.copyByHand
        : outcome === 'shared'
          ? text.shared
          : '';

  return (
    <div class={`share share--${subject}`}>
      <button
        ref={button}
        type="button"
        class="text-button share__button"
        aria-expanded={link !== null}
        aria-controls={link !== null ? panelId : undefined}
        onClick={() => void share()}
      >
        {text.button[subject]}
      </button>
      {link !== null ? (
        <div
          id={panelId}
          class="share__panel"
          role="group"
          aria-label={text.panelLabel}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // The feature panel also closes on Escape (on the document): this one goes first, alone.
            event.stopPropagation();
            close();
          }}
        >
          <p class="share__status" role="status">
            {status}
          </p>
          {datasetOrigin.value.kind === 'package' ? (
            <p class="share__dataset-note small" data-share-dataset-note>
              {datasetMessages[language.value].shareShowsShipped}
            </p>
          ) : null}
          <label class="share__link">
            <span>{text.linkLabel}</span>
            <input ref={linkField} type="url" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
          </label>
          <div class="share__qr-row">
            <canvas ref={canvas} class="share__qr" width={1} height={1} role="img" aria-label={text.qrLabel} />
            <p class="muted small">{qrProblem ? `${text.qrFailed}${qrProblem}` : text.qrNote}</p>
          </div>
          <p class="share__actions">
            <button type="button" class="text-button" onClick={() => void copy(link)}>
              {text.copyAgain}
            </button>
            <button type="button" class="text-button" onClick={close}>
              {text.close}
            </button>
          </p>
        </div>
      ) : null}
    </div>
  );
}
