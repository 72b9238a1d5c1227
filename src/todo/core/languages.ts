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
  /** Multi-line, except right after a word character, where it must close on its line: a shell quote
   *  glued to a word that runs on for lines is an apostrophe (`can't` in a Tcl script named `.sh`). */
  gluedLineOnly?: boolean;
}

export interface LineCommentRule {
  open: string;
  /** anywhere (default) | wordStart: after whitespace, line start or `;` (shell `#`, not `$#`) |
   *  commandStart: first on a line or after `;` (Tcl: `puts #x` is an argument) |
   *  lineStart: only the first non-blank thing on a line (Dockerfile, INI, batch `REM`) |
   *  column0: the very first character of a line (gettext `# translator comment`). */
  position?: 'anywhere' | 'wordStart' | 'commandStart' | 'lineStart' | 'column0';
  /** Only when a blank or the line end follows the marker (gettext: `#.`, `#:`, `#,` are not translator comments). */
  blankAfter?: boolean;
  /** Not when the marker closes again on its line: then it opens a string (Vim: `echo "x"` vs `cmd " note`). */
  unlessClosed?: boolean;
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
  | 'lua-long' // [[…]], [==[…]==] and the comments --[[…]], --[==[…]==]
  | 'cmake-bracket' // [[…]], [=[…]=] arguments and the comments #[[…]], #[=[…]=]
  | 'heredoc' // <<EOF … EOF, <<-'EOF', <<~EOS (Perl, Ruby, HCL): the body is data, not comments
  | 'shell-heredoc' // the same, and a blank may follow the `<<` (`cat << EOF`)
  | 'perl-pod' // =head1 … =cut at a line start: documentation, read as a comment; __END__ ends the code
  | 'perl-quote' // q{…}, qq(…), qw[…], m/…/, s{…}{…}, tr/…/…/, and /…/ after =~ or !~
  | 'zig-multiline'; // \\ to the end of the line: a line of a multi-line string

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
const proto: CommentSyntax = { ...c, strings: [dq, sq] };
// Zig: no block comments; `\\` starts a line of a multi-line string (`\\ // x` is string text).
const zig: CommentSyntax = { line: slashes, block: [], strings: [dq, charLit], special: ['zig-multiline'], urlAware: true };
const gleam: CommentSyntax = { line: slashes, block: [], strings: [{ ...dq, multiline: true }], urlAware: true };
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
  strings: [{ ...dq, multiline: true, gluedLineOnly: true }, { open: "'", close: "'", multiline: true, gluedLineOnly: true }],
  special: ['shell-heredoc'],
  escapeOutside: '\\',
};
const ruby: CommentSyntax = {
  line: [{ open: '#' }],
  block: [{ open: '=begin', close: '=end', lineStart: true }],
  strings: [dq, sq],
  special: ['heredoc'],
};
// POD (`=head1 … =cut`) is documentation and reads as a comment; `$#array` is no comment (`$` escapes).
const perl: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [dq, sq], special: ['perl-pod', 'heredoc', 'perl-quote'], escapeOutside: '$' };
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
const hcl: CommentSyntax = { line: [{ open: '#' }, { open: '//' }], block: cBlock, strings: [dq], special: ['heredoc'], urlAware: true };
// Tcl: `#` starts a comment only where a command starts; braces are not quotes, so `{don't}` opens nothing.
const tcl: CommentSyntax = { line: [{ open: '#', position: 'commandStart' }], block: [], strings: [{ ...dq, multiline: true }] };
// Meson has only single-quoted strings; `'''` spans lines.
const meson: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [{ open: "'''", close: "'''", multiline: true }, sq] };
// CMake: `#[[ … ]]` bracket comments, `[[ … ]]` bracket arguments, quoted arguments span lines; no `'` quotes.
const cmake: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [{ ...dq, multiline: true }], special: ['cmake-bracket'] };
// Nix: both string forms span lines; `''…''` is the indented string.
const nix: CommentSyntax = { line: [{ open: '#' }], block: cBlock, strings: [{ open: "''", close: "''", multiline: true }, { ...dq, multiline: true }] };
const graphql: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [{ open: '"""', close: '"""', escape: '\\', multiline: true }, dq] };
// gettext catalogues: `# ` lines are the translators' comments; `#.` (copied from the code), `#:`, `#,`, `#|`, `#~` are not.
const po: CommentSyntax = { line: [{ open: '#', position: 'column0', blankAfter: true }], block: [], strings: [dq] };
const awk: CommentSyntax = { line: [{ open: '#' }], block: [], strings: [dq] };
// m4 and autoconf: `dnl` and `#` comments; quotes are brackets, so `'` and `"` open nothing.
const m4: CommentSyntax = { line: [{ open: '#' }, { open: 'dnl', keyword: true }], block: [], strings: [] };

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
// Vim script: `"` first on a line is a comment; after a command it is one unless it closes on the line (a string).
const vim: CommentSyntax = { line: [{ open: '"', position: 'lineStart' }, { open: '"', unlessClosed: true }], block: [], strings: [sq, dq] };

/** VS Code language ids → syntax. */
const BY_LANGUAGE: Record<string, CommentSyntax> = {
  c, cpp, 'cuda-cpp': cpp, objectivec: c, objectivecpp: cpp, csharp, java, groovy: java, javascript,
  javascriptreact: javascript, typescript: javascript, typescriptreact: javascript, jsonc: javascript,
  json5: javascript, go, rust, swift, kotlin, scala, dart, php, css, scss, less: scss, stylus: scss,
  proto, proto3: proto, solidity: javascript, zig, gleam, hlsl: c, glsl: c, shaderlab: c,
  python, shellscript: shell, bash: shell, zsh: shell, fish: shell, ruby, perl, perl6: perl, raku: perl,
  yaml, 'github-actions-workflow': yaml, dockercompose: yaml, toml, makefile, dockerfile, r, powershell,
  elixir, julia, nim, coffeescript: hashOnly, crystal: hashOnly, tcl, gdscript: python, meson, po, awk, m4,
  terraform: hcl, hcl, graphql, properties: { ...ini, line: [{ open: '#', position: 'lineStart' }, { open: '!', position: 'lineStart' }] },
  cmake, nix, gitignore: ini, ignore: ini,
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
  less: 'less', styl: 'stylus', proto: 'proto', sol: 'solidity', zig: 'zig', zon: 'zig', gleam: 'gleam', glsl: 'glsl', hlsl: 'hlsl',
  py: 'python', pyw: 'python', pyi: 'python', sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript', ksh: 'shellscript',
  fish: 'fish', rb: 'ruby', rake: 'ruby', gemspec: 'ruby', pl: 'perl', pm: 'perl', perl: 'perl', pod: 'perl', t: 'perl',
  yml: 'yaml', yaml: 'yaml', toml: 'toml', mk: 'makefile', r: 'r', ps1: 'powershell', psm1: 'powershell', psd1: 'powershell',
  ex: 'elixir', exs: 'elixir', jl: 'julia', nim: 'nim', coffee: 'coffeescript', cr: 'crystal', tcl: 'tcl', tk: 'tcl',
  tm: 'tcl', itcl: 'tcl', exp: 'tcl', gd: 'gdscript', awk: 'awk', po: 'po', pot: 'po', m4: 'm4', ac: 'm4', am: 'makefile',
  tf: 'terraform', tfvars: 'terraform', hcl: 'hcl', graphql: 'graphql', gql: 'graphql', graphqls: 'graphql', properties: 'properties',
  cmake: 'cmake', nix: 'nix', sql: 'sql', lua: 'lua', hs: 'haskell', lhs: 'haskell', elm: 'elm', purs: 'purescript',
  adb: 'ada', ads: 'ada', vhd: 'vhdl', vhdl: 'vhdl', lisp: 'lisp', lsp: 'lisp', cl: 'lisp', el: 'elisp',
  clj: 'clojure', cljs: 'clojure', cljc: 'clojure', edn: 'clojure', scm: 'scheme', ss: 'scheme', rkt: 'racket',
  ini: 'ini', cfg: 'ini', conf: 'ini', editorconfig: 'ini', asm: 'asm', s: 'asm', nasm: 'nasm', html: 'html',
  htm: 'html', xhtml: 'html', xml: 'xml', xsd: 'xml', xsl: 'xsl', xslt: 'xsl', svg: 'svg', csproj: 'xml',
  plist: 'xml', md: 'markdown', markdown: 'markdown', vue: 'vue', svelte: 'svelte', astro: 'astro',
  cshtml: 'razor', tex: 'latex', sty: 'latex', cls: 'latex', bib: 'bibtex', erl: 'erlang', hrl: 'erlang',
  vb: 'vb', vbs: 'vb', bas: 'vb', bat: 'bat', cmd: 'bat', f: 'fortran', for: 'fortran', f90: 'fortran-modern',
  f95: 'fortran-modern', f03: 'fortran-modern', ml: 'ocaml', mli: 'ocaml', fs: 'fsharp', fsi: 'fsharp',
  fsx: 'fsharp', inc: 'cpp', pas: 'pascal', pp: 'pascal', dpr: 'pascal', vim: 'vim', dockerfile: 'dockerfile', containerfile: 'dockerfile',
};

const BY_FILENAME: Record<string, string> = {
  makefile: 'makefile', gnumakefile: 'makefile', dockerfile: 'dockerfile', containerfile: 'dockerfile',
  gemfile: 'ruby', rakefile: 'ruby', vagrantfile: 'ruby', podfile: 'ruby', '.bashrc': 'shellscript',
  '.zshrc': 'shellscript', '.profile': 'shellscript', '.bash_profile': 'shellscript', '.gitignore': 'ignore',
  '.dockerignore': 'ignore', '.npmrc': 'ini', '.gitconfig': 'ini', '.editorconfig': 'ini', cmakelists: 'cmake',
  'cmakelists.txt': 'cmake', '.env': 'shellscript', justfile: 'makefile', brewfile: 'ruby', jenkinsfile: 'groovy',
  'meson.build': 'meson', 'meson_options.txt': 'meson', 'meson.options': 'meson', '.vimrc': 'vim', '.gvimrc': 'vim',
  _vimrc: 'vim', '.tclshrc': 'tcl', '.wishrc': 'tcl', pkgbuild: 'shellscript', apkbuild: 'shellscript',
};

/**
 * A file whose name does not tell its language (no extension, or a template suffix around an unknown
 * name): the parser looks at its first line (a shebang, an Emacs mode line) and its Vim modeline instead.
 * It is VS Code's id for plain text, so an editor that knows no better hands the same id to the parser.
 */
export const BY_CONTENT = 'plaintext';

/** Suffixes of templates and samples: `config.h.in` is C, `pre-commit.sample` a script, `app.conf.example` INI. */
const TEMPLATE_SUFFIXES = new Set(['in', 'sample', 'example', 'disabled', 'tmpl', 'template', 'dist']);

const own = (table: Record<string, string>, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/**
 * Language id for a file name (a basename or a path): by extension, by well-known name, by the name
 * before a template suffix, or BY_CONTENT for a name without an extension. Undefined: the name says it
 * has no comments we know (a `.txt`, `.json`, `.png`…), so the workspace scan need not read it.
 */
export function languageForFile(fileName: string): string | undefined {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const dot = fileName.lastIndexOf('.');
  // Fast path for the common case, a plain extension: one map look-up, no lowercasing of the name.
  if (dot > slash + 1) {
    const byExt = own(BY_EXTENSION, fileName.slice(dot + 1));
    if (byExt && !isContainerName(fileName.slice(slash + 1, dot))) {
      return byExt;
    }
  }
  return languageForBase(fileName.slice(slash + 1).toLowerCase(), true);
}

/** `Dockerfile.dev`, `Dockerfile-prod`, `Containerfile_x`: the name, not the suffix, decides. */
function isContainerName(stem: string): boolean {
  const c = stem.charCodeAt(0) | 0x20;
  return (c === 100 /* d */ || c === 99 /* c */) && /^(?:docker|container)file(?:$|[._-])/i.test(stem);
}

function languageForBase(base: string, outer: boolean): string | undefined {
  const byName = own(BY_FILENAME, base);
  if (byName) {
    return byName;
  }
  if (isContainerName(base) || base.endsWith('.dockerfile') || base.endsWith('.containerfile')) {
    return 'dockerfile';
  }
  const baseDot = base.lastIndexOf('.');
  if (baseDot <= 0) {
    // No extension (a leading dot is a hidden file's name, not an extension): only the content can tell.
    return BY_CONTENT;
  }
  const ext = base.slice(baseDot + 1);
  const byExt = own(BY_EXTENSION, ext);
  if (byExt) {
    return byExt;
  }
  if (outer && TEMPLATE_SUFFIXES.has(ext)) {
    return languageForBase(base.slice(0, baseDot), false) ?? BY_CONTENT;
  }
  return undefined;
}

/**
 * Whether the text may declare its language (a shebang, an Emacs mode line, a Vim modeline): a few cheap
 * searches at its ends, so the declaration's parser (syntaxExtras.languageFromContent) loads only then.
 */
export function mayDeclareLanguage(text: string): boolean {
  if (text.charCodeAt(0) === 35 /* # */ && text.charCodeAt(1) === 33 /* ! */) {
    return true;
  }
  const head = text.length > 600 ? text.slice(0, 600) : text;
  const region = text.length > 1200 ? `${head}\n${text.slice(-600)}` : text;
  return head.includes('-*-') || region.includes('vim:') || region.includes('vi:') || region.includes('ex:');
}
