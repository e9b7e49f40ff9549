import type { Frame } from 'puppeteer-core';

/**
 * Selects the last row of `command` in the panel (whose text matches `summary`, when given) and opens one of its
 * details tabs. Throws, saying which, when the row or the tab is not there: a caller never carries on unseen.
 */
export async function openCallTab(panel: Frame, command: string, tab: string, summary?: RegExp, timeoutMs = 15_000): Promise<void> {
  const pattern = summary?.source ?? '';
  await panel
    .waitForFunction(
      (c, s) => [...document.querySelectorAll(`[role="row"][data-command="${c}"]`)].some((r) => !s || new RegExp(s).test(r.textContent ?? '')),
      { timeout: timeoutMs },
      command,
      pattern,
    )
    .catch(() => {
      throw new Error(`the panel shows no ${command} row${summary ? ` matching ${summary}` : ''} within ${timeoutMs} ms`);
    });
  await panel.evaluate(
    (c, s) => {
      const rows = [...document.querySelectorAll<HTMLElement>(`[role="row"][data-command="${c}"]`)].filter((r) => !s || new RegExp(s).test(r.textContent ?? ''));
      rows[rows.length - 1]!.click();
    },
    command,
    pattern,
  );
  await panel.waitForSelector('.details [role="tab"]', { timeout: timeoutMs }).catch(() => {
    throw new Error(`selecting the ${command} row opened no details`);
  });
  const opened = await panel.evaluate((t) => {
    const button = [...document.querySelectorAll<HTMLElement>('.details [role="tab"]')].find((b) => b.textContent === t);
    button?.click();
    return button !== undefined;
  }, tab);
  if (!opened) throw new Error(`the details of the ${command} row have no "${tab}" tab`);
  await panel.waitForFunction((t) => document.querySelector('.details [role="tab"][aria-selected="true"]')?.textContent === t, { timeout: timeoutMs }, tab).catch(() => {
    throw new Error(`the "${tab}" tab of the ${command} row did not open`);
  });
}
