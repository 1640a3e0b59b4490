import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { productionEnv } from '../support/productionEnv';

const production = productionEnv;

describe('views compiled once, or read again at every render', () => {
  it('compiles them once in every mode, development included (`npm start`), unless LIVE_VIEWS says otherwise', () => {
    expect(loadConfig({}).liveViews).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).liveViews).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).liveViews).toBe(false);
    expect(loadConfig(production).liveViews).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', LIVE_VIEWS: 'true' }).liveViews).toBe(true);
  });

  it('never reads them again in production', () => {
    expect(loadConfig({ ...production, LIVE_VIEWS: 'true' }).liveViews).toBe(false);
  });

  it('reads them again under `npm run dev`, the watching server', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.dev).toMatch(/^LIVE_VIEWS=true tsx watch /);
    expect(scripts.start).not.toMatch(/LIVE_VIEWS/);
  });
});
