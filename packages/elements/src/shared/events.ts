import type { ResponsePayload } from '@participate/schema';

const init = { bubbles: true, composed: true } as const;

export interface SubmitDetail {
  payload: ResponsePayload;
}

/** Fired before a response is sent. Cancel it (`preventDefault()`) to stop the send. */
export class ParticipateSubmitEvent extends CustomEvent<SubmitDetail> {
  constructor(detail: SubmitDetail) {
    super('participate-submit', { ...init, cancelable: true, detail });
  }
}

export interface SentDetail {
  id: string;
  payload: ResponsePayload;
  /** True when the response had been waiting on this device and was sent later. */
  fromOutbox: boolean;
}

/** Fired when the endpoint has accepted a response (a 2xx). */
export class ParticipateSentEvent extends CustomEvent<SentDetail> {
  constructor(detail: SentDetail) {
    super('participate-sent', { ...init, detail });
  }
}

export interface QueuedDetail {
  id: string;
  payload: ResponsePayload;
}

/** Fired when a response could not be sent yet and is saved on this device for later. */
export class ParticipateQueuedEvent extends CustomEvent<QueuedDetail> {
  constructor(detail: QueuedDetail) {
    super('participate-queued', { ...init, detail });
  }
}

export interface ErrorDetail {
  id: string;
  payload: ResponsePayload;
  /** HTTP status when the endpoint answered; absent for network failures. */
  status?: number;
  /** The endpoint's explanation, when it gave one. */
  message?: string;
  /** Whether trying again may succeed. */
  retryable: boolean;
}

/** Fired when a response was not sent and is not kept: the person is offered "Try again". */
export class ParticipateErrorEvent extends CustomEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super('participate-error', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'participate-submit': ParticipateSubmitEvent;
    'participate-sent': ParticipateSentEvent;
    'participate-queued': ParticipateQueuedEvent;
    'participate-error': ParticipateErrorEvent;
  }
}
