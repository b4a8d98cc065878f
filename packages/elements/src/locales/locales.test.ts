import { expect } from '@esm-bundle/chai';
import cy from './cy.json';
import en from './en.json';
import ur from './ur.json';

interface Tree {
  [key: string]: string | Tree;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key path, with plural forms folded to their base key. */
function leaves(tree: Tree, prefix = ''): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') {
      for (const [path, forms] of leaves(value, `${prefix}${key}.`)) found.set(path, forms);
      continue;
    }
    const plural = PLURAL.exec(key);
    const path = `${prefix}${plural ? key.slice(0, plural.index) : key}`;
    const forms = found.get(path) ?? new Set<string>();
    if (plural?.[1]) forms.add(plural[1]);
    found.set(path, forms);
  }
  return found;
}

/** The plural categories a language uses, by Intl.PluralRules (which i18next follows). */
function categories(locale: string): string[] {
  return [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
}

describe('translations', () => {
  const english = leaves(en);
  for (const [locale, strings] of [
    ['cy', cy],
    ['ur', ur],
  ] as const) {
    it(`${locale} has every English string, with every plural form the language needs`, () => {
      const translated = leaves(strings);
      expect(
        [...english.keys()].filter((key) => !translated.has(key)),
        'missing',
      ).to.deep.equal([]);
      expect(
        [...translated.keys()].filter((key) => !english.has(key)),
        'unknown',
      ).to.deep.equal([]);
      for (const [key, forms] of english) {
        if (forms.size === 0) continue;
        expect([...(translated.get(key) ?? [])].sort(), key).to.deep.equal(categories(locale));
      }
    });

    it(`${locale} keeps every {{placeholder}} of the English`, () => {
      const placeholders = (tree: Tree, path: string): string[] => {
        const value = path
          .split('.')
          .reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
        return typeof value === 'string' ? [...value.matchAll(/{{(\w+)}}/g)].map((m) => m[1] ?? '').sort() : [];
      };
      for (const [key, forms] of english) {
        const englishKey = forms.size ? `${key}_other` : key;
        const translatedKey = forms.size ? `${key}_other` : key;
        expect(placeholders(strings, translatedKey), key).to.deep.equal(placeholders(en, englishKey));
      }
    });
  }
});
