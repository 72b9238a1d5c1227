#!/usr/bin/python3
# The reference for scripts/todo-detection-accuracy.js: which lines of real files hold a TODO comment,
# decided by Pygments' lexers (Debian's python3-pygments), which share no code with the extension's
# scanner. Reads file paths (one per line) on stdin, prints one JSON object per TODO line:
# {"path", "line", "lexer"}, and a last {"summary": …} with the files it could not give a lexer.
#
# The tag rule is the extension's documented one, written again here: a comment line whose text, after
# its marker and decoration, starts with TODO, FIXME, HACK, XXX or BUG, optionally `(…)`/`[…]` and
# `/OTHERTAG`, then `:`, punctuation before a blank, a blank, or the end of the line.
import json
import re
import sys

from pygments.lexers import get_lexer_by_name, get_lexer_for_filename, guess_lexer
from pygments.modeline import get_filetype_from_buffer
from pygments.token import Comment
from pygments.util import ClassNotFound

TAGS = "TODO|FIXME|HACK|XXX|BUG"
TAG_LINE = re.compile(
    r"^(?:%s)(?:\([^()\n]*\)|\[[^\[\]\n]*\])?(?:/(?:%s))*(?::|[!?;,.\-]+:?(?=\s|$)|(?=\s|$))" % (TAGS, TAGS)
)
# A comment marker and its decoration: `//`, `#`, `/*`, ` * `, `;;;`, `--`, `%`, `!`, `<!--`, `{-`, `(*`,
# Vim's `"`, m4's `dnl`, POD's `=head1` (a POD paragraph's first word is its command).
MARKER = re.compile(r'^\s*(?:<!--|\{-|\(\*|#\[=*\[|--\[=*\[|dnl\b|REM\b|=\w+|"|\')?[#/*;%!\-]*\s*(?:\*(?!/)\s*)?')
EMACS_MODE = re.compile(r"-\*-.*?(?:mode\s*:\s*)?([\w+.-]+)\s*(?:;.*?)?-\*-", re.I)
NOT_COMMENTS = (Comment.Preproc, Comment.PreprocFile, Comment.Hashbang)


def lexer_for(path, text):
    try:
        return get_lexer_for_filename(path, code=text, stripnl=False, ensurenl=False)
    except ClassNotFound:
        pass
    name = path.rsplit("/", 1)[-1]
    # Template suffixes: `config.h.in` is C to Pygments as well, once the suffix is off.
    for suffix in (".in", ".sample", ".example", ".disabled", ".tmpl", ".template", ".dist"):
        if name.endswith(suffix) and "." in name[: -len(suffix)]:
            try:
                return get_lexer_for_filename(path[: -len(suffix)], code=text, stripnl=False, ensurenl=False)
            except ClassNotFound:
                break
    # Only a file that declares its language is code: a shebang or a mode line.
    filetype = get_filetype_from_buffer(text)
    if not filetype:
        first = text[:300].split("\n", 2)
        for line in first[:2]:
            m = EMACS_MODE.search(line)
            if m and m.group(1).lower() not in ("coding", "text", "fundamental"):
                filetype = m.group(1)
                break
    if filetype:
        try:
            return get_lexer_by_name(filetype.lower(), stripnl=False, ensurenl=False)
        except ClassNotFound:
            pass
    if text.startswith("#!"):
        try:
            lexer = guess_lexer(text.split("\n", 1)[0] + "\n")
            lexer.stripnl = False
            lexer.ensurenl = False
            return lexer
        except ClassNotFound:
            return None
    return None


def todo_lines(lexer, text):
    """Zero-based lines whose comment text starts with a tag."""
    # Per line: the comment text from the first comment token on it to the line's end.
    comment_text = {}
    line = 0
    perl = lexer.name == "Perl"
    for ttype, value in lexer.get_tokens(text):
        if perl and ttype in Comment.Preproc and value.startswith(("__END__", "__DATA__")):
            # Pygments lexes all that follows Perl's __END__ as one token; POD there is still POD (perlpod).
            pod = False
            for k, part in enumerate(text.split("\n")[line + 1 :], start=line + 1):
                if re.match(r"=[A-Za-z]", part):
                    pod = not part.startswith("=cut")
                    if pod:
                        comment_text[k] = part
                elif pod:
                    comment_text[k] = part
            break
        is_comment = ttype in Comment and not any(ttype in t for t in NOT_COMMENTS)
        parts = value.split("\n")
        for k, part in enumerate(parts):
            if k > 0:
                line += 1
            if is_comment:
                comment_text[line] = comment_text.get(line, "") + part
            elif line in comment_text and part.strip():
                # Code after a comment on the same line (`/* TODO */ x`): the comment text ends there.
                comment_text[line] = comment_text[line] + "\0"
    found = []
    for number, body in comment_text.items():
        body = body.split("\0", 1)[0]
        rest = MARKER.sub("", body, count=1)
        if TAG_LINE.match(rest):
            found.append(number)
    return sorted(found)


def main():
    unknown = 0
    lexed = 0
    for raw in sys.stdin:
        path = raw.rstrip("\n")
        if not path:
            continue
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        if text.startswith("\ufeff"):
            text = text[1:]
        lexer = lexer_for(path, text)
        if lexer is None:
            unknown += 1
            continue
        lexed += 1
        for number in todo_lines(lexer, text):
            print(json.dumps({"path": path, "line": number + 1, "lexer": lexer.name}))
    print(json.dumps({"summary": {"lexed": lexed, "withoutLexer": unknown}}))


if __name__ == "__main__":
    main()
