import { progressScoreMaximum } from '../../domain/lmsProgress';
import type { AgsClient, AgsLineItem } from '../../lti/ags';
import type { Database } from '../../models/database';
import { programmeRepository } from '../../models/programmeRepository';

/** How Pstage recognises its own line item among the course's, even after a teacher renames it. */
export const progressLineItemTag = 'pstage-convention';

/**
 * The fallback when no launch named the activity's own column (the AGS claim's `lineitem`): the URL of the
 * programme's line item, found in the course's gradebook by Pstage's tag (never by its name, which teachers
 * change and other activities share) or created there, and stored on the programme. The programme's row is held for update meanwhile, so two deliveries
 * at the same time (two workers, two processes) never create it twice: the second one waits, then reads
 * the stored URL. Only HTTP calls with an already fetched token happen inside the transaction.
 */
export async function ensureLineItem(db: Database, programmeId: number, client: AgsClient, label: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const programme = await programmeRepository.findByIdForUpdate(tx, programmeId);
    if (!programme?.lineItemsUrl) return null;
    if (programme.lineItemUrl) return programme.lineItemUrl;
    const item =
      (await findLineItem(client, programme.lineItemsUrl)) ??
      (await client.createLineItem(programme.lineItemsUrl, {
        label,
        scoreMaximum: progressScoreMaximum,
        tag: progressLineItemTag,
        resourceId: progressLineItemTag,
      }));
    await programmeRepository.setLineItemUrl(tx, programme.id, item.id);
    return item.id;
  });
}

async function findLineItem(client: AgsClient, lineItemsUrl: string): Promise<AgsLineItem | undefined> {
  const items = await client.listLineItems(lineItemsUrl, { tag: progressLineItemTag });
  // Filtered again: a platform may ignore the tag parameter.
  return items.find((item) => item.tag === progressLineItemTag);
}
