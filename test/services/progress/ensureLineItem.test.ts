import { programmes } from '../../../src/models/schema';
import { createAgsClient, ltijsTokenSource, type AgsClient } from '../../../src/lti/ags';
import { ensureLineItem } from '../../../src/services/progress/ensureLineItem';
import { useTestPstage } from '../../support/pstage';

const pstage = useTestPstage();

// The fallback: the launched activity has no grade column of its own (Moodle's grade type "None").
beforeEach(() => {
  pstage.devPlatform!.clearGradebook();
  pstage.devPlatform!.setLinkGraded('m1-info', false);
});
afterAll(() => pstage.devPlatform!.setLinkGraded('m1-info', true));

/** The real client, with a course gradebook slow to list: both deliveries have listed before either creates. */
function slowToList(client: AgsClient): AgsClient {
  return {
    ...client,
    async listLineItems(...args) {
      const items = await client.listLineItems(...args);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return items;
    },
  };
}

async function programmeClient() {
  await pstage.launch('camille-martin', 'm1-info');
  const [programme] = await pstage.database.db.select().from(programmes);
  const lti = pstage.services.lti();
  const token = await ltijsTokenSource(lti.provider, lti.plugin).get({ iss: programme.iss, clientId: programme.clientId });
  return { programme, client: slowToList(createAgsClient(token)) };
}

describe("finding or creating the programme's line item", () => {
  // On PGlite transactions run one at a time anyway; run with DATABASE_URL to exercise the row lock on PostgreSQL.
  it('creates it once when two deliveries ask at the same time, both getting its URL', async () => {
    const { programme, client } = await programmeClient();

    const urls = await Promise.all([1, 2].map(() => ensureLineItem(pstage.database.db, programme.id, client, 'Convention de stage')));

    const { lineItems } = pstage.devPlatform!.gradebook();
    expect(lineItems).toHaveLength(1);
    expect(urls).toEqual([lineItems[0].id, lineItems[0].id]);
  });

  it('uses the configured label and finds an item a teacher renamed by its tag', async () => {
    const { programme, client } = await programmeClient();
    const url = await ensureLineItem(pstage.database.db, programme.id, client, 'Stage M1');
    expect(pstage.devPlatform!.gradebook().lineItems).toEqual([
      expect.objectContaining({ id: url, label: 'Stage M1', tag: 'pstage-convention' }),
    ]);

    await pstage.database.db.update(programmes).set({ lineItemUrl: null });
    expect(await ensureLineItem(pstage.database.db, programme.id, client, 'Convention de stage')).toBe(url);
    expect(pstage.devPlatform!.gradebook().lineItems).toHaveLength(1);
  });

  it("never takes another column for its own because of its name: only Pstage's tag counts", async () => {
    const { programme, client } = await programmeClient();
    const namesake = pstage.devPlatform!.columnOf('m1-info');
    expect(namesake.label).toBe('Convention de stage');

    const url = await ensureLineItem(pstage.database.db, programme.id, client, 'Convention de stage');

    expect(url).not.toBe(namesake.id);
    expect(pstage.devPlatform!.gradebook().lineItems).toEqual([
      expect.objectContaining({ id: namesake.id }),
      expect.objectContaining({ id: url, label: 'Convention de stage', tag: 'pstage-convention' }),
    ]);
  });
});
