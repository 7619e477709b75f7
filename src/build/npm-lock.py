#!/usr/bin/env python3
"""Writes the pinned npm closure of the Cornerstone3D viewer bundle (src/main/js/cornerstone/npm-lock.txt).

Not part of the build: run it by hand to move to other versions, then build (the build fetches and checks exactly
what the lock names; it never resolves versions itself). Needs only python3 and the registry:

    python3 src/build/npm-lock.py [registry] > src/main/js/cornerstone/npm-lock.txt
    ./mvnw -q -DskipTests generate-resources        # fetches, unpacks and bundles: target/npm/meta.json
    python3 src/build/npm-lock.py --prune target/npm/meta.json < src/main/js/cornerstone/npm-lock.txt > lock.txt
    mv lock.txt src/main/js/cornerstone/npm-lock.txt   # only the packages esbuild put into the bundle

From the roots below it follows each package's `dependencies` and `peerDependencies` (except TypeScript's `@types/*`,
which hold no code), plus the EXTRA packages that a package imports without declaring them, taking for every range
the highest published version that satisfies it (npm's choice), one version per name (a second range of the same
name must be satisfied by the first choice, else the script stops and says so). Each line is
`name@version=sha512-…` (the registry's dist.integrity) followed by `# licence`.
"""
import io
import json
import re
import sys
import tarfile
import urllib.request

ROOTS = {
    '@cornerstonejs/core': '5.14.0',
    '@cornerstonejs/tools': '5.14.0',
    '@cornerstonejs/dicom-image-loader': '5.14.0',
    'dicomweb-client': '0.11.3',
}
# imported by the code but not (or only optionally) declared
EXTRA = {}
# one version for a name that two packages pin differently (npm would nest a second copy; the bundle holds one),
# as npm's "overrides": name -> version
OVERRIDES = {'gl-matrix': '3.4.4', 'pako': '2.1.0'}
SKIP = re.compile(r'^@types/')


def prune(metafile):
    """The lock read from stdin, less the packages none of whose files esbuild bundled (its metafile's inputs)."""
    with open(metafile) as f:
        inputs = json.load(f)['inputs']
    bundled = set()
    for path in inputs:
        m = re.search(r'node_modules/((?:@[^/]+/)?[^/]+)/', path)
        if m:
            bundled.add(m.group(1))
    for line in sys.stdin:
        m = re.match(r'^(?:# (?:override: )?)?((?:@[^/@\s]+/)?[^@\s]+)@', line)
        if not m or m.group(1) in bundled:
            sys.stdout.write(line)
    sys.exit(0)


if len(sys.argv) > 2 and sys.argv[1] == '--prune':
    prune(sys.argv[2])

registry = (sys.argv[1] if len(sys.argv) > 1 else 'https://registry.npmjs.org/').rstrip('/') + '/'
packuments = {}


def packument(name):
    if name not in packuments:
        url = registry + name.replace('/', '%2f')
        request = urllib.request.Request(url, headers={'Accept': 'application/vnd.npm.install-v1+json'})
        with urllib.request.urlopen(request, timeout=60) as answer:
            packuments[name] = json.load(answer)
    return packuments[name]


def parse(v):
    m = re.match(r'^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:-([0-9A-Za-z.-]+))?$', v)
    if not m:
        raise ValueError('version ' + v)
    parts = [None if p in (None, 'x', '*') else int(p) for p in m.group(1, 2, 3)]
    return parts, m.group(4)


def key(v):
    (a, b, c), pre = parse(v.split('+')[0])
    return (a, b or 0, c or 0, pre is None, pre or '')


def comparators(part):
    """One ' '-separated set of a range, as (op, version-tuple) pairs."""
    part = part.strip()
    hy = re.match(r'^(\S+)\s+-\s+(\S+)$', part)
    if hy:
        return [('>=', low(hy.group(1)))] + upper_incl(hy.group(2))
    out = []
    for tok in re.findall(r'(?:[<>=~^]*\s*)?[^\s<>=~^]+', part):
        tok = tok.replace(' ', '')
        m = re.match(r'^([<>]=?|=|~|\^)?(.*)$', tok)
        op, v = m.group(1) or '', m.group(2)
        if v in ('', '*', 'x', 'latest'):
            continue
        (a, b, c), pre = parse(v)
        if op in ('', '='):
            if b is None:
                out += [('>=', (a, 0, 0)), ('<', (a + 1, 0, 0))]
            elif c is None:
                out += [('>=', (a, b, 0)), ('<', (a, b + 1, 0))]
            else:
                out.append(('=', (a, b, c)))
        elif op == '^':
            base = (a, b or 0, c or 0)
            if a > 0 or b is None:
                top = (a + 1, 0, 0)
            elif b > 0 or c is None:
                top = (0, b + 1, 0)
            else:
                top = (0, 0, c + 1)
            out += [('>=', base), ('<', top)]
        elif op == '~':
            base = (a, b or 0, c or 0)
            top = (a + 1, 0, 0) if b is None else (a, b + 1, 0)
            out += [('>=', base), ('<', top)]
        else:
            out.append((op, (a, b or 0, c or 0)))
    return out


def low(v):
    (a, b, c), _ = parse(v)
    return (a, b or 0, c or 0)


def upper_incl(v):
    (a, b, c), _ = parse(v)
    if b is None:
        return [('<', (a + 1, 0, 0))]
    if c is None:
        return [('<', (a, b + 1, 0))]
    return [('<=', (a, b, c))]


def valid(version):
    return re.match(r'^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$', version) is not None


def satisfies(version, spec):
    version = version.split('+')[0]
    (a, b, c), pre = parse(version)
    if pre:
        return spec.strip() == version  # prereleases only when asked for exactly
    v = (a, b, c)
    for alternative in spec.split('||'):
        ok = True
        for op, w in comparators(alternative):
            ok = ok and {'=': v == w, '>=': v >= w, '>': v > w, '<': v < w, '<=': v <= w}[op]
        if ok:
            return True
    return False


def resolve(name, spec):
    doc = packument(name)
    if spec in doc.get('dist-tags', {}):
        return doc['dist-tags'][spec]
    found = sorted((v for v in doc['versions'] if valid(v) and satisfies(v, spec)), key=key)
    if not found:
        raise SystemExit(f'no version of {name} satisfies {spec!r}')
    return found[-1]


NAME = re.compile(r'^(?:@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$')
BUILTINS = {'fs', 'path', 'crypto', 'url', 'util', 'os', 'stream', 'module', 'worker_threads', 'child_process',
            'buffer', 'events', 'http', 'https', 'zlib', 'assert', 'perf_hooks', 'readline', 'vm', 'net', 'tty'}
IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"./][^'"]*)['"]""")


def imported(name, version):
    """The package names this package's code imports or requires (its tarball scanned: an over-approximation of what
    a bundler reaches, far smaller than the declared dependencies of vtk.js, say, which name build tools)."""
    url = packument(name)['versions'][version]['dist']['tarball']
    with urllib.request.urlopen(url, timeout=120) as answer:
        data = answer.read()
    names = set()
    with tarfile.open(fileobj=io.BytesIO(data), mode='r:gz') as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(('.js', '.mjs', '.cjs')) and '/test' not in member.name:
                text = tar.extractfile(member).read().decode('utf-8', 'replace')
                for spec in IMPORT.findall(text):
                    parts = spec.split('/')
                    package = '/'.join(parts[:2]) if spec.startswith('@') else parts[0]
                    if (package.startswith('node:') or package in BUILTINS or package == name
                            or not NAME.match(package)):
                        continue
                    names.add(package)
    return names


chosen = {}
overridden = []
undeclared = []
wanted = [(n, s, '(root)') for n, s in ROOTS.items()] + [(n, s, '(extra)') for n, s in EXTRA.items()]
while wanted:
    name, spec, by = wanted.pop(0)
    if SKIP.match(name):
        continue
    if name in OVERRIDES and not satisfies(OVERRIDES[name], spec):
        overridden.append(f'{by} wants {name}@{spec}, overridden to {OVERRIDES[name]}')
    if name in chosen:
        if not satisfies(chosen[name], spec) and name not in OVERRIDES:
            raise SystemExit(f'{by} wants {name}@{spec}, {chosen[name]} already chosen: add it to OVERRIDES')
        continue
    version = OVERRIDES.get(name) or resolve(name, spec)
    chosen[name] = version
    meta = packument(name)['versions'][version]
    declared = dict(meta.get('peerDependencies') or {})
    declared.update(meta.get('dependencies') or {})
    for dep in sorted(imported(name, version)):
        if dep in declared:
            wanted.append((dep, declared[dep], f'{name}@{version}'))
        elif dep not in EXTRA:
            undeclared.append(f'{name}@{version} imports {dep}, which it does not declare (not bundled)')

print('# The npm packages bundled into the Cornerstone3D viewer (target/classes/static/js/vendor/cornerstone/).')
print('# Written by src/build/npm-lock.py (see there how to regenerate); read by the build, which fetches each')
print('# tarball into the npm cache and refuses one whose SHA-512 differs from the integrity pinned here.')
for line in undeclared:
    print('# ' + line)
for line in overridden:
    print('# override: ' + line)
for name in sorted(chosen):
    meta = packuments[name]['versions'][chosen[name]]
    lic = meta.get('license')
    if isinstance(lic, dict):
        lic = lic.get('type')
    print(f"{name}@{chosen[name]}={meta['dist']['integrity']}  # {lic or 'UNKNOWN'}")
