import { executeServerCommand } from '@web/test-runner-commands';

export interface MediaFeature {
  name: 'forced-colors' | 'prefers-reduced-motion';
  value: string;
}

/** Emulates media features in the test browser; pass [] to reset. */
export async function emulateMediaFeatures(features: MediaFeature[]): Promise<void> {
  await executeServerCommand<boolean, { features: MediaFeature[] }>('emulate-media-features', { features });
}
