// @ts-check
/**
 * `npm start`: builds dist/ from src/ (scripts/build.js, under a second when nothing changed) and runs the server
 * from it in this same process, so that signals reach it directly. Compiled JavaScript, not a TypeScript loader:
 * no transpiling at each start and no loader thread beside the server (about 50 MiB of resident memory less).
 * Several instances from one folder: `npm run build` once, then `node dist/server.js` for each.
 */
const { build, output } = require('./build');
const path = require('node:path');

build();
require(path.join(output, 'server.js'));
