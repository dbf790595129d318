// The layering check of `npm test` (dependency-cruiser with .dependency-cruiser.cjs): clean on our tree, and it
// fails on an import cycle, so a cycle introduced later cannot pass.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/root';

const depcruise = (...paths: string[]) =>
  spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/.bin/depcruise'), ...paths, '--config', '.dependency-cruiser.cjs'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );

describe('layering (dependency-cruiser)', function () {
  this.timeout(60_000);

  it('finds no violation in server/src and client/src', () => {
    const r = depcruise('server/src', 'client/src');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /no dependency violations found/);
  });

  it('fails on an import cycle and names both modules', () => {
    const r = depcruise('test/fixtures/layering-cycle');
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /no-cycles: test\/fixtures\/layering-cycle\/a\.ts/);
    assert.match(r.stdout, /layering-cycle\/b\.ts/);
  });
});
