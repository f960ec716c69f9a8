import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Page, type TestInfo, expect } from '@playwright/test';
import { contentTypes } from '../../content/src/registry';
import { editorText } from '../../content/src/browser/editor-text';
import { type Lang, dictionary } from '../../controller/console/src/i18n/dictionary';
import { ADMIN_PASSWORD } from './controller-process';

/** The laptop operators use: every console page must fit it without scrolling sideways. */
export const LAPTOP = { width: 1366, height: 768 };

/** Signs in through the console's own form, in Indonesian (the default). */
export async function signInConsole(page: Page, baseUrl: string): Promise<void> {
  await page.setViewportSize(LAPTOP);
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('navigation', { name: 'Menu utama' })).toBeVisible();
}

/** Opens a console page by its address and waits until it has loaded (no "loading" left on it). */
export async function openPage(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.locator('#page h1')).toBeVisible();
  await expect(page.locator('#page [role="status"]', { hasText: /^(Memuat…|Loading…)$/ })).toHaveCount(0, {
    timeout: 15_000,
  });
}

/** Drops files onto an element as a person drags them from a file manager. */
export async function dropFiles(page: Page, selector: string, files: { name: string; mime: string; bytes: Buffer }[]) {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.mime }));
      return dt;
    },
    files.map((f) => ({ name: f.name, mime: f.mime, bytes: [...f.bytes] })),
  );
  await page.locator(selector).dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator(selector).dispatchEvent('drop', { dataTransfer: transfer });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every text a page may show in a language: the console's catalogue, the content editors' catalogue and the
 * content types' names, each template's `{value}` places standing for any value.
 */
function catalogue(lang: Lang): RegExp[] {
  const texts = [
    ...Object.values(dictionary).map((w) => w[lang]),
    ...Object.values(editorText).map((w) => w[lang]),
    ...contentTypes.map((t) => t.label[lang]),
  ];
  return texts.map((t) => new RegExp(`^${escape(t.trim()).replace(/\\\{\w+\\\}/g, '[\\s\\S]*?')}$`));
}

/** Punctuation, numbers and symbols alone say nothing in any language. */
const NEUTRAL = /^[\s\d.,:;·•–—\-+×%()/|#…'"‘’“”!?<>=*‹›↗⠿]*$/;

/**
 * The visible texts of the page (text nodes, option labels, placeholders, accessible names and alt texts) that are
 * neither in the catalogue of `lang` nor marked as data (`translate="no"`: names, ids, dates, numbers).
 */
export async function untranslated(page: Page, lang: Lang): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const out: string[] = [];
    const isData = (el: Element | null) => el?.closest('[translate="no"]') !== null && el !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!el || !text || isData(el) || el.closest('script,style,noscript,template,option')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.push(text);
    }
    for (const select of document.querySelectorAll('select')) {
      if (!select.checkVisibility()) continue;
      for (const option of select.options) if (!isData(option)) out.push(option.text.trim());
    }
    for (const el of document.querySelectorAll('[placeholder],[aria-label],img[alt]')) {
      if (!el.checkVisibility() || isData(el)) continue;
      for (const attr of ['placeholder', 'aria-label', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    out.push(document.title);
    return out;
  });
  const known = catalogue(lang);
  return [...new Set(shown)].filter((s) => !NEUTRAL.test(s) && !known.some((k) => k.test(s)));
}

/**
 * axe-core in the page: no serious or critical violation of WCAG 2.1 A/AA. The player's own page in a preview
 * frame is the renderer's document, not the console's, and is left out.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Experimental in axe, so off by default; the console once failed it (the language button).
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .exclude('.bc-preview__frame')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** Keeps a screenshot with the run's artifacts, and in docs/screenshots for the README when BARUGA_SCREENSHOTS=1. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const png = await page.screenshot({ type: 'png' });
  fs.writeFileSync(testInfo.outputPath(`${name}.png`), png);
  await testInfo.attach(name, { body: png, contentType: 'image/png' });
  if (process.env.BARUGA_SCREENSHOTS === '1') {
    const dir = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), png);
  }
}
