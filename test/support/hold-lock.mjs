// Holds a DuckDB file open from another process, as a second copy of the app would.
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(process.argv[2]);
await instance.connect();
process.stdout.write('ready\n');
setTimeout(() => process.exit(0), 30_000);
