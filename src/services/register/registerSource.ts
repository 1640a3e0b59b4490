import type { Config } from '../../config';
import type { RegisterSource } from './establishment';
import { inseeSireneSource } from './inseeSirene';
import { rechercheEntreprisesSource } from './rechercheEntreprises';

/** The register the configuration names, or none (hosts are then entered by hand only). */
export function registerSourceFor(config: Config): RegisterSource | null {
  const register = config.register;
  if (register.source === 'recherche-entreprises') return rechercheEntreprisesSource(register.baseUrl);
  if (register.source === 'insee') return inseeSireneSource(register.baseUrl, register.apiKey);
  return null;
}
