import { programmes } from '../../../src/models/schema';
import { createAgsClient, ltijsTokenSource, type AgsClient } from '../../../src/lti/ags';
import { ensureLineItem } from '../../../src/services/progress/ensureLineItem';
import { useTestPstage } from '../../support/pstage';

const pstage = useTestPstage();

beforeEach(() => pstage.devPlatform!.clearGradebook());

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
});
