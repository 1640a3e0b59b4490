import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Routes call use cases (src/services), never repositories (src/models/*Repository): access checks, transactions and
 * audit rows live in one place, the use case, whichever page or link reaches it. Types may be imported.
 */
const routes = path.join(__dirname, '..', '..', 'src', 'routes');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return filesUnder(file);
    return name.endsWith('.ts') ? [file] : [];
  });
}

/** The value imports of a source: every `import … from '…'` but `import type` and `{ type A, type B }`. */
export function valueImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)';/gms)) {
    const [, typeOnly, clause, from] = match;
    if (typeOnly) continue;
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    const specifiers = braces
      ? braces[1]
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
      : [clause];
    if (specifiers.every((specifier) => specifier.startsWith('type '))) continue;
    found.push(from);
  }
  return found;
}

describe('the layers of the routes', () => {
  it('tells value imports from type imports', () => {
    const source = [
      "import type { A } from './a';",
      "import { type B, type C } from './bc';",
      "import { d, type E } from './de';",
      "import f from './f';",
      "import {\n  g,\n  h,\n} from './gh';",
    ].join('\n');
    expect(valueImports(source)).toEqual(['./de', './f', './gh']);
  });

  it('no route imports a repository', () => {
    const offenders = filesUnder(routes).flatMap((file) =>
      valueImports(readFileSync(file, 'utf8'))
        .filter((from) => /\/models\/\w+Repository$/.test(from))
        .map((from) => `${path.relative(routes, file)} imports ${from}`),
    );
    expect(offenders).toEqual([]);
  });
});
