import type { DocumentLanguage } from '../types';
import { en } from './en';
import { fr } from './fr';
import type { ConventionWording } from './wording';

export { fill } from './wording';
export type { Article, ConventionWording } from './wording';

const wordings: Record<DocumentLanguage, ConventionWording> = { fr, en };

export function conventionWording(language: DocumentLanguage): ConventionWording {
  return wordings[language];
}
