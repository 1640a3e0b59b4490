import { runPlatformCommand } from '../src/cli/platformCommand';
import { ConfigError, loadConfig } from '../src/config';
import { setUpLtiTool } from '../src/lti/ltiTool';
import { openDatabase } from '../src/models/database';

/** `npm run platform -- list | activate <id> | deactivate <id> | add …` (see src/cli/platformCommand.ts). */
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const unused = async () => undefined;
  const tool = await setUpLtiTool(database.db, config, {
    onLaunch: unused,
    onDeepLinking: unused,
    onRejectedLaunch: () => undefined,
    onCookielessFrame: () => undefined,
    onDynamicRegistration: unused,
  });
  try {
    return await runPlatformCommand(process.argv.slice(2), { db: database.db, tool, config, print: (line) => console.log(line) });
  } finally {
    await tool.close();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
