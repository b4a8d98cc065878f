/** Applies a theme's token file to the document, as a host page's stylesheet would; returns its removal. */
export async function applyTheme(name: string): Promise<() => void> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(await (await fetch(new URL(`../themes/${name}.css`, import.meta.url))).text());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
