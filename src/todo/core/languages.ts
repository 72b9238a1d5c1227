// Comment and string syntax per language family. The scanner only needs to know where comments
// start and end and which literals can hide comment markers; it is not a full tokenizer.

/** A string (or char) literal. Inside it nothing is a comment. */
export interface StringRule {
  open: string;
  close: string;
  /** Character that escapes the next one (`\` in C, `` ` `` in PowerShell); none when absent. */
  escape?: string;
  /** A doubled close quote stands for one quote (SQL `''`, VB `""`, C# verbatim). */
  doubled?: boolean;
  /** May span lines; otherwise an unterminated literal ends at the end of its line. */
  multiline?: boolean;
  /** A char literal (`'a'`, `'\n'`): only taken as a literal when it closes right away, so Rust
   *  lifetimes (`'a`) and Haskell primes (`x'`) are left alone. */
  char?: boolean;
  /** Only opens after whitespace or punctuation, never right after a word character or `)`/`]`
   *  (YAML's `don't`, MATLAB's transpose `a'`). */
  needsBoundary?: boolean;
}

export interface LineCommentRule {
  open: string;
  /** anywhere (default) | wordStart: after whitespace, line start or `;` (shell `#`, not `$#`) |
   *  lineStart: only the first non-blank thing on a line (Dockerfile, INI, batch `REM`). */
  position?: 'anywhere' | 'wordStart' | 'lineStart';
  /** The marker is a word (`REM`) that must be followed by whitespace or end of line; case-insensitive. */
  keyword?: boolean;
}

export interface BlockCommentRule {
  open: string;
  close: string;
  nested?: boolean;
  /** MATLAB `%{ … %}`: both markers alone on their lines. */
  lineStart?: boolean;
}

/** Literals that need code rather than a table: raw strings with a variable delimiter. */
export type SpecialLiteral =
  | 'rust-raw' // r"…", r#"…"#, br##"…"##
  | 'swift-raw' // #"…"#, ##"""…"""##
  | 'cpp-raw' // R"delim(…)delim"
  | 'lua-long'; // [[…]], [==[…]==] and the comments --[[…]], --[==[…]==]

export interface CommentSyntax {
  line: LineCommentRule[];
  block: BlockCommentRule[];
  strings: StringRule[];
  special?: SpecialLiteral[];
  /** Outside strings this character makes the next one literal (TeX `\%`, Erlang `$%`, Makefile `\#`). */
  escapeOutside?: string;
  /** `//` right after `scheme:` is a URL, not a comment (`http://x` in unquoted SCSS `url()` or prose). */
  urlAware?: boolean;
  /** HTML-like documents: `<script>` / `<style>` bodies are scanned with these syntaxes. */
  embedded?: { script: CommentSyntax; style: CommentSyntax };
}

const dq: StringRule = { open: '"', close: '"', escape: '\\' };
const sq: StringRule = { open: "'", close: "'", escape: '\\' };
const charLit: StringRule = { open: "'", close: "'", escape: '\\', char: true };
const slashes: LineCommentRule[] = [{ open: '//' }];
const cBlock: BlockCommentRule[] = [{ open: '/*', close: '*/' }];
const cNestedBlock: BlockCommentRule[] = [{ open: '/*', close: '*/', nested: true }];
const tripleDq: StringRule = { open: '"""', close: '"""', escape: '\\', multiline: true };

const c: CommentSyntax = { line: slashes, block: cBlock, strings: [dq, charLit], urlAware: true };
const cpp: CommentSyntax = { ...c, special: ['cpp-raw'] };
const java: CommentSyntax = { ...c, strings: [tripleDq, dq, charLit] };
const csharp: CommentSyntax = {
  ...c,
  strings: [
    { open: '"""', close: '"""', multiline: true },
    { open: '$@"', close: '"', doubled: true, multiline: true },
    { open: '@$"', close: '"', doubled: true, multiline: true },
    { open: '@"', close: '"', doubled: true, multiline: true },
    dq,
    charLit,
  ],
};
const javascript: CommentSyntax = {
  ...c,
  strings: [dq, sq, { open: '`', close: '`', escape: '\\', multiline: true }],
};
const go: CommentSyntax = { ...c, strings: [{ open: '`', close: '`', multiline: true }, dq, charLit] };
const rust: CommentSyntax = {
  line: slashes,
  block: cNestedBlock,
  strings: [{ ...dq, multiline: true }, charLit],
  special: ['rust-raw'],
  urlAware: true,
};
const swift: CommentSyntax = { line: slashes, block: cNestedBlock, strings: [tripleDq, dq], special: ['swift-raw'], urlAware: true };
const kotlin: CommentSyntax = {
  line: slashes,
  block: cNestedBlock,
  strings: [{ open: '"""', close: '"""', multiline: true }, dq, charLit],
  urlAware: true,
};
const scala: CommentSyntax = { ...kotlin, block: cNestedBlock };
const dart: CommentSyntax = {
  line: slashes,
  block: cNestedBlock,
  strings: [tripleDq, { open: "'''", close: "'''", escape: '\\', multiline: true }, dq, sq],
  urlAware: true,
};
const php: CommentSyntax = { line: [{ open: '//' }, { open: '#' }], block: cBlock, strings: [dq, sq, { open: '`', close: '`', escape: '\\', multiline: true }], urlAware: true };
const css: CommentSyntax = { line: [], block: cBlock, strings: [dq, sq] };
const scss: CommentSyntax = { line: slashes, block: cBlock, strings: [dq, sq], urlAware: true };

const python: CommentSyntax = {
  line: [{ open: '#' }],
  block: [],
  strings: [
    { open: '"""', close: '"""', escape: '\\', multiline: true },
    { open: "'''", close: "'''", escape: '\\', multiline: true },
    dq,
    sq,
  ],
};
const shell: CommentSyntax = {
  line: [{ open: '#', position: 'wordStart' }],
  block: [],
  strings: [{ ...dq, multiline: true }, { open: "'", close: "'", multiline: true }],
  escapeOutside: '\\',
};
const ruby: CommentSyntax = {
  line: [{ open: '#' }],
  block: [{ open: '=begin', close: '=end', lineStart: true }],
  strings: [dq, sq],
};
const perl: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [dq, sq], escapeOutside: '$' };
const yaml: CommentSyntax = {
  line: [{ open: '#', position: 'wordStart' }],
  block: [],
  strings: [
    { ...dq, needsBoundary: true },
    { open: "'", close: "'", doubled: true, needsBoundary: true },
  ],
};
const toml: CommentSyntax = {
  line: [{ open: '#' }],
  block: [],
  strings: [
    { open: '"""', close: '"""', escape: '\\', multiline: true },
    { open: "'''", close: "'''", multiline: true },
    dq,
    { open: "'", close: "'" },
  ],
};
const makefile: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [], escapeOutside: '\\' };
const dockerfile: CommentSyntax = { line: [{ open: '#', position: 'lineStart' }], block: [], strings: [] };
const r: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [dq, sq, { open: '`', close: '`' }] };
const powershell: CommentSyntax = {
  line: [{ open: '#' }],
  block: [{ open: '<#', close: '#>' }],
  strings: [
    { open: '"', close: '"', escape: '`', multiline: true },
    { open: "'", close: "'", doubled: true, multiline: true },
  ],
};
const elixir: CommentSyntax = {
  line: [{ open: '#' }],
  block: [],
  strings: [tripleDq, { open: "'''", close: "'''", escape: '\\', multiline: true }, { ...dq, multiline: true }, sq],
  escapeOutside: '?',
};
const julia: CommentSyntax = { line: [{ open: '#' }], block: [{ open: '#=', close: '=#', nested: true }], strings: [tripleDq, dq, charLit] };
const nim: CommentSyntax = { line: [{ open: '#' }], block: [{ open: '#[', close: ']#', nested: true }], strings: [tripleDq, dq, charLit] };
const hashOnly: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [dq, sq] };
const hcl: CommentSyntax = { line: [{ open: '#' }, { open: '//' }], block: cBlock, strings: [dq], urlAware: true };

const sql: CommentSyntax = {
  line: [{ open: '--' }],
  block: cBlock,
  strings: [
    { open: "'", close: "'", doubled: true, multiline: true },
    { open: '"', close: '"', doubled: true },
    { open: '`', close: '`' },
  ],
};
const lua: CommentSyntax = { line: [{ open: '--' }], block: [], strings: [dq, sq], special: ['lua-long'] };
const haskell: CommentSyntax = { line: [{ open: '--' }], block: [{ open: '{-', close: '-}', nested: true }], strings: [dq, charLit] };
const ada: CommentSyntax = { line: [{ open: '--' }], block: [], strings: [{ open: '"', close: '"', doubled: true }] };

const lisp: CommentSyntax = {
  line: [{ open: ';' }],
  block: [{ open: '#|', close: '|#', nested: true }],
  strings: [{ ...dq, multiline: true }],
  escapeOutside: '\\',
};
const ini: CommentSyntax = { line: [{ open: ';', position: 'lineStart' }, { open: '#', position: 'lineStart' }], block: [], strings: [] };
const asm: CommentSyntax = { line: [{ open: ';' }, { open: '#', position: 'lineStart' }], block: [], strings: [dq, charLit] };

const markup: CommentSyntax = { line: [], block: [{ open: '<!--', close: '-->' }], strings: [] };
const html: CommentSyntax = { ...markup, embedded: { script: javascript, style: css } };

const tex: CommentSyntax = { line: [{ open: '%' }], block: [], strings: [], escapeOutside: '\\' };
const erlang: CommentSyntax = { line: [{ open: '%' }], block: [], strings: [dq, { open: "'", close: "'", escape: '\\' }], escapeOutside: '$' };
const matlab: CommentSyntax = {
  line: [{ open: '%' }],
  block: [{ open: '%{', close: '%}', lineStart: true }],
  strings: [{ open: '"', close: '"', doubled: true }, { open: "'", close: "'", doubled: true, needsBoundary: true }],
};
const vb: CommentSyntax = {
  line: [{ open: "'" }, { open: 'REM', keyword: true, position: 'wordStart' }],
  block: [],
  strings: [{ open: '"', close: '"', doubled: true }],
};
const bat: CommentSyntax = { line: [{ open: 'REM', keyword: true, position: 'lineStart' }, { open: '::', position: 'lineStart' }], block: [], strings: [] };
const fortran: CommentSyntax = { line: [{ open: '!' }], block: [], strings: [{ open: '"', close: '"', doubled: true }, { open: "'", close: "'", doubled: true }] };
const ocaml: CommentSyntax = { line: [], block: [{ open: '(*', close: '*)', nested: true }], strings: [dq] };
const fsharp: CommentSyntax = { line: slashes, block: [{ open: '(*', close: '*)', nested: true }], strings: [tripleDq, dq, charLit], urlAware: true };
const pascal: CommentSyntax = {
  line: slashes,
  block: [{ open: '{', close: '}' }, { open: '(*', close: '*)' }],
  strings: [{ open: "'", close: "'", doubled: true }],
  urlAware: true,
};
const vim: CommentSyntax = { line: [{ open: '"', position: 'lineStart' }], block: [], strings: [sq] };

/** VS Code language ids → syntax. */
const BY_LANGUAGE: Record<string, CommentSyntax> = {
  c, cpp, 'cuda-cpp': cpp, objectivec: c, objectivecpp: cpp, csharp, java, groovy: java, javascript,
  javascriptreact: javascript, typescript: javascript, typescriptreact: javascript, jsonc: javascript,
  json5: javascript, go, rust, swift, kotlin, scala, dart, php, css, scss, less: scss, stylus: scss,
  proto: c, proto3: c, solidity: javascript, zig: { ...c, block: [] }, hlsl: c, glsl: c, shaderlab: c,
  python, shellscript: shell, bash: shell, zsh: shell, fish: shell, ruby, perl, perl6: perl, raku: perl,
  yaml, 'github-actions-workflow': yaml, dockercompose: yaml, toml, makefile, dockerfile, r, powershell,
  elixir, julia, nim, coffeescript: hashOnly, crystal: hashOnly, tcl: hashOnly, gdscript: python,
  terraform: hcl, hcl, graphql: hashOnly, properties: { ...ini, line: [{ open: '#', position: 'lineStart' }, { open: '!', position: 'lineStart' }] },
  cmake: hashOnly, nix: { line: [{ open: '#' }], block: cBlock, strings: [dq] }, gitignore: ini, ignore: ini,
  sql, plsql: sql, lua, haskell, elm: haskell, purescript: haskell, ada, vhdl: ada,
  lisp, clojure: { ...lisp, block: [] }, scheme: lisp, racket: lisp, elisp: lisp, ini, asm, nasm: asm,
  html, xml: markup, xsl: markup, svg: markup, markdown: markup, vue: html, svelte: html, astro: html, razor: html,
  php_html: html, latex: tex, tex, bibtex: tex, erlang, matlab, octave: matlab, vb, bat, fortran,
  'fortran-modern': fortran, FortranFreeForm: fortran, ocaml, fsharp, pascal, objectpascal: pascal, vim,
};

export function syntaxFor(languageId: string): CommentSyntax | undefined {
  return Object.prototype.hasOwnProperty.call(BY_LANGUAGE, languageId) ? BY_LANGUAGE[languageId] : undefined;
}

export function knownLanguageIds(): string[] {
  return Object.keys(BY_LANGUAGE);
}

/** File extensions → language id, for files the workspace scan reads without an editor. */
const BY_EXTENSION: Record<string, string> = {
  c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp', hxx: 'cpp', ino: 'cpp', cu: 'cuda-cpp',
  m: 'objectivec', mm: 'objectivecpp', cs: 'csharp', java: 'java', groovy: 'groovy', gradle: 'groovy',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', ts: 'typescript', mts: 'typescript',
  cts: 'typescript', tsx: 'typescriptreact', jsonc: 'jsonc', json5: 'json5', go: 'go', rs: 'rust', swift: 'swift',
  kt: 'kotlin', kts: 'kotlin', scala: 'scala', sc: 'scala', dart: 'dart', php: 'php', css: 'css', scss: 'scss',
  less: 'less', styl: 'stylus', proto: 'proto', sol: 'solidity', zig: 'zig', glsl: 'glsl', hlsl: 'hlsl',
  py: 'python', pyw: 'python', pyi: 'python', sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript',
  fish: 'fish', rb: 'ruby', rake: 'ruby', gemspec: 'ruby', pl: 'perl', pm: 'perl', t: 'perl', yml: 'yaml', yaml: 'yaml',
  toml: 'toml', mk: 'makefile', r: 'r', ps1: 'powershell', psm1: 'powershell', psd1: 'powershell', ex: 'elixir',
  exs: 'elixir', jl: 'julia', nim: 'nim', coffee: 'coffeescript', cr: 'crystal', tcl: 'tcl', gd: 'gdscript',
  tf: 'terraform', tfvars: 'terraform', hcl: 'hcl', graphql: 'graphql', gql: 'graphql', properties: 'properties',
  cmake: 'cmake', nix: 'nix', sql: 'sql', lua: 'lua', hs: 'haskell', lhs: 'haskell', elm: 'elm', purs: 'purescript',
  adb: 'ada', ads: 'ada', vhd: 'vhdl', vhdl: 'vhdl', lisp: 'lisp', lsp: 'lisp', cl: 'lisp', el: 'elisp',
  clj: 'clojure', cljs: 'clojure', cljc: 'clojure', edn: 'clojure', scm: 'scheme', ss: 'scheme', rkt: 'racket',
  ini: 'ini', cfg: 'ini', conf: 'ini', editorconfig: 'ini', asm: 'asm', s: 'asm', nasm: 'nasm', html: 'html',
  htm: 'html', xhtml: 'html', xml: 'xml', xsd: 'xml', xsl: 'xsl', xslt: 'xsl', svg: 'svg', csproj: 'xml',
  plist: 'xml', md: 'markdown', markdown: 'markdown', vue: 'vue', svelte: 'svelte', astro: 'astro',
  cshtml: 'razor', tex: 'latex', sty: 'latex', cls: 'latex', bib: 'bibtex', erl: 'erlang', hrl: 'erlang',
  vb: 'vb', vbs: 'vb', bas: 'vb', bat: 'bat', cmd: 'bat', f: 'fortran', for: 'fortran', f90: 'fortran-modern',
  f95: 'fortran-modern', f03: 'fortran-modern', ml: 'ocaml', mli: 'ocaml', fs: 'fsharp', fsi: 'fsharp',
  fsx: 'fsharp', pas: 'pascal', pp: 'pascal', dpr: 'pascal', vim: 'vim',
};

const BY_FILENAME: Record<string, string> = {
  makefile: 'makefile', gnumakefile: 'makefile', dockerfile: 'dockerfile', containerfile: 'dockerfile',
  gemfile: 'ruby', rakefile: 'ruby', vagrantfile: 'ruby', podfile: 'ruby', '.bashrc': 'shellscript',
  '.zshrc': 'shellscript', '.profile': 'shellscript', '.bash_profile': 'shellscript', '.gitignore': 'ignore',
  '.dockerignore': 'ignore', '.npmrc': 'ini', '.gitconfig': 'ini', '.editorconfig': 'ini', cmakelists: 'cmake',
  'cmakelists.txt': 'cmake', '.env': 'shellscript', justfile: 'makefile', brewfile: 'ruby', jenkinsfile: 'groovy',
};

/** Language id for a file name (a basename or a path), or undefined when we do not know its comments. */
export function languageForFile(fileName: string): string | undefined {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const dot = fileName.lastIndexOf('.');
  // Fast path for the common case, a plain extension: one map look-up, no lowercasing of the name.
  if (dot > slash + 1) {
    const ext = fileName.slice(dot + 1);
    const byExt = Object.prototype.hasOwnProperty.call(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
    if (byExt && !fileName.slice(slash + 1, dot).toLowerCase().startsWith('dockerfile')) {
      return byExt;
    }
  }
  const base = fileName.slice(slash + 1).toLowerCase();
  const byName = BY_FILENAME[base];
  if (byName) {
    return byName;
  }
  if (base.startsWith('dockerfile.') || base.endsWith('.dockerfile')) {
    return 'dockerfile';
  }
  const baseDot = base.lastIndexOf('.');
  if (baseDot < 0) {
    return undefined;
  }
  const ext = base.slice(baseDot + 1);
  return Object.prototype.hasOwnProperty.call(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
}
