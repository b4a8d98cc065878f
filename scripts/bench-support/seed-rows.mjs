// Rows a benchmark seeds its databases with, each built by the collector's own row mapping.
import { randomUUID } from 'node:crypto';
import { ORIGIN, SEED_START, rankingResponse } from './answers.mjs';

const TOPICS = ['gp-appointments', 'prescriptions', 'test-results', 'opening-hours', 'parking'];
const RATINGS = ['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know'];

/** Row `i` of a seeded database, built by the collector's own row mapping. */
export function seedRow(rowFrom, i) {
  const comment = i % 3 === 0 ? { comment: 'The opening hours are wrong, and the "map" is out of date.' } : {};
  const answer =
    i % 4 === 3
      ? { variant: 'fft', rating: RATINGS[i % RATINGS.length], standardWording: true, ...comment }
      : { variant: 'page-useful', useful: i % 2 ? 'yes' : 'no', reasons: ['out-of-date', 'hard-to-find'], ...comment };
  const receivedAt = SEED_START + i * 1000;
  const response = {
    schemaVersion: 1,
    id: randomUUID(),
    widget: 'feedback-prompt',
    topic: TOPICS[i % TOPICS.length],
    stage: 'improve-services',
    locale: 'en',
    page: `${ORIGIN}/section-${i % 40}/page-${i % 997}`,
    submittedAt: new Date(receivedAt - 400).toISOString(),
    answer,
  };
  return rowFrom(response, new Date(receivedAt).toISOString());
}

/** Row `i` of a seeded ranking topic, built by the collector's own row mapping. */
export function rankingSeedRow(rowFrom, i) {
  const receivedAt = SEED_START + i * 1000;
  return rowFrom(rankingResponse(i, new Date(receivedAt - 400).toISOString()), new Date(receivedAt).toISOString());
}
