import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResponsePayload } from '@participate/schema';
import {
  ParticipateErrorEvent,
  ParticipateQueuedEvent,
  ParticipateSentEvent,
  ParticipateSubmitEvent,
} from '../events.js';
import { getPageCourier, type Courier, type Outcome } from './courier.js';

/** Where a widget's response stands. */
export type SubmitStatus = 'idle' | 'sending' | 'sent' | 'queued' | 'failed' | 'rejected';

/** The translation key that tells a person what a status means (none for `idle`). */
export const STATUS_TEXT: Readonly<Record<Exclude<SubmitStatus, 'idle'>, string>> = {
  sending: 'common.status.sending',
  sent: 'common.status.sent',
  queued: 'common.status.queued',
  failed: 'common.status.failed',
  rejected: 'common.status.rejected',
};

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Sends a widget's response through the page's courier, tracks its status for rendering,
 * and fires the widget's events. The same payload (and so the same id) is reused when the
 * person tries again, so the endpoint stores it once.
 */
export class SubmitController implements ReactiveController {
  status: SubmitStatus = 'idle';
  payload: ResponsePayload | undefined;
  /** The endpoint's explanation of a refusal, when it gave one. */
  message: string | undefined;
  /** True once a response that had waited on this device has been sent. */
  sentFromOutbox = false;

  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly host: Host,
    private readonly courier: () => Courier = getPageCourier,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // The page's courier flushes what an earlier visit left behind as soon as it exists.
    this.courier();
  }

  hostDisconnected(): void {
    this.stopWatching?.();
  }

  /**
   * Sends `payload` unless a `participate-submit` listener cancels it. Resolves with the
   * status, or `cancelled` (and nothing changes) when a listener stopped it.
   */
  async send(
    endpoint: string,
    payload: ResponsePayload,
    options: { keepOnDevice?: boolean } = {},
  ): Promise<SubmitStatus | 'cancelled'> {
    if (!this.host.dispatchEvent(new ParticipateSubmitEvent({ payload }))) return 'cancelled';
    this.payload = payload;
    this.message = undefined;
    this.sentFromOutbox = false;
    this.setStatus('sending');
    const outcome = await this.courier().submit(endpoint, payload, options);
    this.settle(outcome, false);
    if (outcome.kind === 'queued' || outcome.kind === 'failed') {
      this.stopWatching?.();
      this.stopWatching = this.courier().watch(payload.id, (later) => {
        this.settle(later, true);
      });
    }
    return this.status;
  }

  /** Back to the start, for a fresh response (a new id). */
  reset(): void {
    this.stopWatching?.();
    this.payload = undefined;
    this.message = undefined;
    this.setStatus('idle');
  }

  private settle(outcome: Outcome, fromOutbox: boolean): void {
    const payload = this.payload;
    if (!payload) return;
    const { id } = payload;
    switch (outcome.kind) {
      case 'sent':
        this.sentFromOutbox = fromOutbox;
        this.setStatus('sent');
        this.host.dispatchEvent(new ParticipateSentEvent({ id, payload, fromOutbox }));
        break;
      case 'queued':
        this.setStatus('queued');
        this.host.dispatchEvent(new ParticipateQueuedEvent({ id, payload }));
        break;
      case 'failed':
        this.setStatus('failed');
        this.host.dispatchEvent(new ParticipateErrorEvent({ id, payload, retryable: true }));
        break;
      case 'rejected':
        this.message = outcome.message;
        this.setStatus('rejected');
        this.host.dispatchEvent(
          new ParticipateErrorEvent({
            id,
            payload,
            status: outcome.status,
            retryable: false,
            ...(outcome.message ? { message: outcome.message } : {}),
          }),
        );
        break;
    }
  }

  private setStatus(status: SubmitStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
