export interface LineItem {
  id: string;
  contextId: string;
  label: string;
  scoreMaximum: number;
  resourceId?: string;
  resourceLinkId?: string;
  tag?: string;
  startDateTime?: string;
  endDateTime?: string;
}

export type ActivityProgress = 'Initialized' | 'Started' | 'InProgress' | 'Submitted' | 'Completed';
export type GradingProgress = 'FullyGraded' | 'Pending' | 'PendingManual' | 'Failed' | 'NotReady';

export interface Score {
  lineItemId: string;
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  activityProgress: ActivityProgress;
  gradingProgress: GradingProgress;
  timestamp: string;
  receivedAt: string;
}

export type ScoreOutcome = { accepted: true } | { accepted: false; reason: 'older_than_latest' };

export interface LineItemFilter {
  resourceLinkId?: string;
  resourceId?: string;
  tag?: string;
}

/**
 * Line items and scores of every course, in memory. Every score is kept; the latest per user is the result.
 * A score whose timestamp is not later than the user's latest one is refused with 409, as Moodle does
 * (mod/lti/service/gradebookservices scores.php): it compares whole seconds and refuses an equal one too.
 */
export class Gradebook {
  private readonly items = new Map<string, LineItem>();
  private readonly allScores: Score[] = [];
  private nextId = 1;

  constructor(private readonly lineItemsUrl: (contextId: string) => string) {}

  create(contextId: string, fields: Omit<LineItem, 'id' | 'contextId'>): LineItem {
    const id = `${this.lineItemsUrl(contextId)}/${this.nextId++}`;
    const item: LineItem = { ...fields, id, contextId };
    this.items.set(id, item);
    return item;
  }

  /**
   * The activity's own column, as Moodle creates it with the activity (named after it, bound to its resource link);
   * created again after `clear()`, as the gradebook of a fresh course would have it.
   */
  columnOf(contextId: string, link: { resourceLinkId: string; title: string; gradeMaximum: number }): LineItem {
    const owned = [...this.items.values()].find(
      (item) => item.contextId === contextId && item.resourceLinkId === link.resourceLinkId && item.tag === undefined,
    );
    return owned ?? this.create(contextId, { label: link.title, scoreMaximum: link.gradeMaximum, resourceLinkId: link.resourceLinkId });
  }

  /** Every score received on this line item, oldest first (whoever it is for). */
  scoresOn(lineItemId: string): Score[] {
    return this.allScores.filter((s) => s.lineItemId === lineItemId);
  }

  find(id: string): LineItem | undefined {
    return this.items.get(id);
  }

  list(contextId: string, filter: LineItemFilter = {}): LineItem[] {
    return [...this.items.values()].filter(
      (item) =>
        item.contextId === contextId &&
        (filter.resourceLinkId === undefined || item.resourceLinkId === filter.resourceLinkId) &&
        (filter.resourceId === undefined || item.resourceId === filter.resourceId) &&
        (filter.tag === undefined || item.tag === filter.tag),
    );
  }

  update(id: string, fields: Omit<LineItem, 'id' | 'contextId'>): LineItem | undefined {
    const existing = this.items.get(id);
    if (!existing) return undefined;
    const item: LineItem = { ...fields, id, contextId: existing.contextId };
    this.items.set(id, item);
    return item;
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }

  addScore(score: Score): ScoreOutcome {
    const latest = this.latestScore(score.lineItemId, score.userId);
    const seconds = (timestamp: string) => Math.floor(Date.parse(timestamp) / 1000);
    if (latest && seconds(latest.timestamp) >= seconds(score.timestamp)) {
      return { accepted: false, reason: 'older_than_latest' };
    }
    this.allScores.push(score);
    return { accepted: true };
  }

  latestScore(lineItemId: string, userId: string): Score | undefined {
    return this.allScores.filter((s) => s.lineItemId === lineItemId && s.userId === userId).at(-1);
  }

  /** Every score accepted for this user on this line item, oldest first. */
  history(lineItemId: string, userId: string): Score[] {
    return this.allScores.filter((s) => s.lineItemId === lineItemId && s.userId === userId);
  }

  latestScores(lineItemId: string): Score[] {
    const latest = new Map<string, Score>();
    for (const score of this.allScores) if (score.lineItemId === lineItemId) latest.set(score.userId, score);
    return [...latest.values()];
  }

  /** Forgets every line item and score (a test starting from an empty course gradebook). */
  clear(): void {
    this.items.clear();
    this.allScores.length = 0;
  }

  snapshot(): { lineItems: LineItem[]; scores: Score[] } {
    return { lineItems: [...this.items.values()], scores: [...this.allScores] };
  }
}
