import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type LoadedCorpus } from '../../src/corpus/load.js';
import { loadPlaces } from '../../src/places/places.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { temporaryDir } from '../helpers.js';

/** What a careless operator drops into a corpus folder: every bad file is named with its reason, the rest served. */
const places = loadPlaces();
const HEADER = '---\nplace: 镇江市\nprovince: 江苏省\npublished: 2023-01\n---\n';
const BODY = '镇江市城市低保标准为每人每月820元。全市共登记社会组织3500个。\n';

describe('a corpus folder with bad files in it', () => {
  const dir = temporaryDir('bad-files');
  let loaded: LoadedCorpus;

  beforeAll(() => {
    fs.writeFileSync(path.join(dir, 'good.md'), HEADER + BODY);
    fs.copyFileSync(path.join(PACKAGE_ROOT, 'tests', 'fixtures', 'encodings', 'gb18030-report.md'), path.join(dir, 'gbk.md'));
    fs.writeFileSync(path.join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER.replace('镇江市', '常州市') + BODY.replace(/镇江/g, '常州'), 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'garbage.md'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)));
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'unclosed.md'), '---\nplace: 镇江市\n' + BODY);
    fs.writeFileSync(path.join(dir, 'evil-id.md'), '---\ndoc_id: ../../evil\nplace: 镇江市\n---\n' + BODY);
    fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd.md'));
    fs.symlinkSync(path.join(dir, 'good.md'), path.join(dir, 'again.md'));
    fs.mkdirSync(path.join(dir, 'folder.md'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    loaded = loadCorpus(places, dir);
  });

  it('serves the good files, UTF-8, GB18030 and UTF-16 alike', () => {
    expect(loaded.reports.map((r) => [r.file, r.meta.place]).sort()).toEqual([
      ['gbk.md', '许昌市'],
      ['good.md', '镇江市'],
      ['utf16.md', '常州市'],
    ]);
    expect(loaded.reports.find((r) => r.file === 'gbk.md')?.text).toContain('许昌市城市低保标准提高到每人每月700元');
    expect(loaded.decoded.map((d) => [d.file, d.encoding]).sort()).toEqual([
      ['gbk.md', 'GB18030'],
      ['utf16.md', 'UTF-16LE (BOM)'],
    ]);
  });

  it.each([
    ['garbage.md', /not valid UTF-8, GB18030\/GBK, Big5 or UTF-16/],
    ['empty.md', /empty file/],
    ['unclosed.md', /never closed/],
    ['evil-id.md', /doc_id "\.\.\/\.\.\/evil" is not allowed/],
    ['passwd.md', /symbolic link to \/etc\/passwd, outside the corpus folder/],
    ['again.md', /symbolic link to good\.md, which is served already/],
    ['folder.md', /not a regular file \(a folder\)/],
    ['pipe.md', /not a regular file \(a fifo\)/],
  ])('names %s with its reason', (file, reason) => {
    const problem = loaded.problems.find((p) => p.file === file);
    expect(problem?.reason).toMatch(reason);
  });
});

describe('an unreadable file, as an ordinary user', () => {
  const canDropPrivileges = process.getuid?.() === 0 && fs.existsSync('/usr/bin/setpriv');
  it.runIf(canDropPrivileges)('is named and the rest is served (root reads chmod 000 files: the check runs as nobody)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minzheng-unreadable-'));
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'good.md'), HEADER + BODY);
    fs.writeFileSync(path.join(dir, 'secret.md'), HEADER + BODY);
    fs.chmodSync(path.join(dir, 'good.md'), 0o644);
    fs.chmodSync(path.join(dir, 'secret.md'), 0o000);
    const script = `import('${path.join(PACKAGE_ROOT, 'dist', 'corpus', 'load.js')}').then(async ({ loadCorpus }) => {
      const { loadPlaces } = await import('${path.join(PACKAGE_ROOT, 'dist', 'places', 'places.js')}');
      const { reports, problems } = loadCorpus(loadPlaces(), '${dir}');
      process.stdout.write(JSON.stringify({ served: reports.map((r) => r.file), problems }));
    })`;
    const output = execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', script], { encoding: 'utf8' });
    const result = JSON.parse(output) as { served: string[]; problems: { file: string; reason: string }[] };
    expect(result.served).toEqual(['good.md']);
    expect(result.problems).toEqual([{ file: 'secret.md', reason: 'cannot read it (permission denied)' }]);
  });
});
