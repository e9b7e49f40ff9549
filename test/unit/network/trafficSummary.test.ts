import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categorize, fromHarEntry, summarizeTraffic, type HarEntry } from '../../../src/network';
import { collectTokens } from '../../../src/tokens';
import { noLosses } from '../../../src/protocol/losses';
import { diagnoseText } from '../../../src/ui/diagnoseText';
import { EXTENSION_ARI, graphql, invokeVariables, PQ_HASH, session, SITE } from './realForge';

/** Diagnose's account of the traffic: forms seen, unknown Forge operations, tokens whose claims did not decode. */

const none = { remoteOrigins: new Set<string>() };
const entries = (hars: HarEntry[]) => hars.map((har, i) => fromHarEntry(har, { text: har.response.content.text ?? null, encoding: null }, { id: `n${i}`, segment: 0, category: categorize(har, none) ?? 'product' }));
const DOCS_FCT = readFileSync(join(__dirname, '../tokens/real-forge/fct.docs-example.jwt'), 'utf8').trim();

function mixedSite() {
  const unknownNamed = graphql('persisted', { persisted: 'useForgeAppPrefetchQuery', classic: 'x', field: 'x' }, { input: { extensionId: EXTENSION_ARI } }, { data: {} }, 0);
  const unnamed = graphql('persisted', { persisted: 'x', classic: 'x', field: 'x' }, {}, { data: {} }, 0);
  unnamed.request.url = `${SITE}/gateway/api/graphql/pq/${PQ_HASH}`;
  unnamed.request.postData!.text = JSON.stringify({ variables: { extensionIds: [EXTENSION_ARI] } });
  const brokenFct = graphql('classic', { persisted: 'x', classic: 'forge_ui_invokeExtension', field: 'invokeExtension' }, invokeVariables({ functionKey: 'k' }, DOCS_FCT), { data: {} }, 0);
  return entries([...session('persisted'), ...session('classic').slice(0, 2), unknownNamed, unknownNamed, unnamed, brokenFct]);
}

describe('summarizeTraffic', () => {
  it('counts the GraphQL forms, names the unknown Forge operations and the token types it could not read', () => {
    const network = mixedSite();
    const summary = summarizeTraffic(network, collectTokens({ calls: [], network, matches: [] }));
    expect(summary.forms).toEqual({ persisted: 7, classic: 3, unknown: 0 });
    expect(summary.unknownOperations).toEqual([{ name: 'useForgeAppPrefetchQuery', count: 2 }, { name: '(unnamed)', count: 1 }]);
    expect(summary.unreadableTokens).toEqual([{ type: 'FCT', count: 1 }]);
  });

  it('says none when there is nothing to tell', () => {
    expect(summarizeTraffic([], [])).toEqual({ forms: { persisted: 0, classic: 0, unknown: 0 }, unknownOperations: [], unreadableTokens: [] });
  });
});

describe('diagnoseText: the lines a user pastes from a real site', () => {
  const base = { frames: [], networkFeed: 'on' as const, pageFrameUrls: null, coveredOrigins: [], extensionVersion: '1.0.0', browser: null, losses: noLosses(), storage: 'persistent' as const };

  it('lists forms seen, unknown operations and unreadable token types', () => {
    const network = mixedSite();
    const text = diagnoseText({ ...base, traffic: summarizeTraffic(network, collectTokens({ calls: [], network, matches: [] })) });
    expect(text).toContain('Forge GraphQL forms seen: persisted (Relay /pq/) 7, classic (query text) 3');
    expect(text).toContain('Forge-looking operations not known by name: useForgeAppPrefetchQuery ×2, (unnamed) ×1');
    expect(text).toContain('Tokens whose claims could not be read: FCT ×1');
  });

  it('says why no form was seen when the network feed was off', () => {
    const text = diagnoseText({ ...base, networkFeed: 'off', traffic: summarizeTraffic([], []) });
    expect(text).toContain('Forge GraphQL forms seen: none (the network feed is off)');
    expect(text).toContain('Forge-looking operations not known by name: none');
  });
});
