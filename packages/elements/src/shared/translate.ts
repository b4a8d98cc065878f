/** Translates a key with options; elements pass their LocalizeController's `t`. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
