import { createRequire as __keyhoundCreateRequire } from 'node:module'; const require = __keyhoundCreateRequire(import.meta.url);
import {
  __commonJS,
  __toESM
} from "./chunk-73DR3WZP.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart2 = index + 2;
          let end = nameStart2;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart2 && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart2, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart2 - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match2) => `\\${match2}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match2, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match2,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match2, range2, close) => `\\[${range2}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix2 = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix2}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match2, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix2) => {
      if (body[body.length - 1] === SLASH) {
        prefix2 = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix2.slice(0, -1);
      const last = prefix2[prefix2.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path5) => {
      const end = path5.length - 1;
      const index = path5.lastIndexOf(
        SLASH,
        path5[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path5 : path5.slice(index + 1);
    };
    var parentOf = (path5) => {
      if (path5.charCodeAt(0) === SLASH_CODE || path5.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path5.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path5.length - 1;
      const cut = path5.lastIndexOf(
        SLASH,
        path5.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path5.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix2) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix2);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path5) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path5)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path5, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path5) : path5;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path5
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path5, originalPath, doThrow) => {
      if (!isString(path5)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path5) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path5)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path5) => {
      const first = path5.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path5.length === 1) {
        return true;
      }
      const second = path5.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path5.length === 2 || path5.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache2, path5) {
        checkPath(
          path5,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path5 ? this._t(path5, cache2) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path5 = convertPath(target);
        if (!path5 || path5.charCodeAt(path5.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path5);
        }
        const dir = this._t(path5, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal2 = this._rules.testLiteral(path5);
        return literal2.ignored || literal2.unignored ? literal2 : dir;
      }
      _t(path5, cache2) {
        if (path5 in cache2) {
          return cache2[path5];
        }
        const parentPath = parentOf(path5);
        const parent = parentPath ? this._t(parentPath, cache2) : UNDEFINED;
        return cache2[path5] = parent && parent.ignored ? parent : this._rules.test(path5, MODE_IGNORE);
      }
      ignores(path5) {
        return this._test(path5, this._ignoreCache, convertPath(path5)).ignored;
      }
      createFilter() {
        return (path5) => !this.ignores(path5);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path5) {
        return this._test(path5, this._testCache, convertPath(path5));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path5) => checkPath(convertPath(path5), path5, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path5) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path5) || isNotRelative(path5);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/core/errors.ts
var KeyhoundError = class extends Error {
  exitCode = 2;
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
};
function formatProblem(problem) {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const subject = problem.subject ? ` ${problem.subject}:` : "";
  return `${where}:${subject} ${problem.message}`;
}
var RuleError = class extends KeyhoundError {
  constructor(problems) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in rule files:
${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.problems = problems;
  }
  problems;
};
var ConfigError = class extends KeyhoundError {
  constructor(problems) {
    super(`${problems.length === 1 ? "a problem" : `${problems.length} problems`} in configuration:
${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.problems = problems;
  }
  problems;
};
var SourceError = class extends KeyhoundError {
};
var UsageError = class extends KeyhoundError {
};
var ScanTimeoutError = class extends KeyhoundError {
  constructor(path5, budgetMs) {
    super(`${path5}: scanning took longer than ${budgetMs / 1e3} s (--file-timeout), so it was stopped; the file is reported as skipped (timeout)`);
    this.path = path5;
    this.budgetMs = budgetMs;
  }
  path;
  budgetMs;
};

// src/core/fingerprint.ts
import { createHash } from "node:crypto";
function fingerprint(ruleId, secret) {
  return createHash("sha256").update(ruleId).update("\0").update(secret).digest("hex");
}

// src/core/location.ts
var LineIndex = class {
  /**
   * `firstLine`: the line number of the text's first line; `firstColumn`: the
   * column of its first character, when the text is a piece that starts in the
   * middle of a line of a bigger file (scan/task.ts).
   */
  constructor(text, firstLine = 1, firstColumn = 1) {
    this.text = text;
    this.firstLine = firstLine;
    this.firstColumn = firstColumn;
    const starts = [0];
    if (text.indexOf("\r") === -1) {
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10) starts.push(i + 1);
        else if (code === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }
  text;
  firstLine;
  firstColumn;
  /** Offset of the first character of each line. */
  starts;
  get lineCount() {
    return this.starts.length;
  }
  /** 0-based index of the line holding `offset` (an offset past the end maps to the last line). */
  lineIndexOf(offset) {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
  /** 1-based line and column of `offset`. */
  position(offset) {
    const index = this.lineIndexOf(offset);
    return { line: index + this.firstLine, column: offset - this.starts[index] + (index === 0 ? this.firstColumn : 1) };
  }
  /** Offset of a 1-based line and column; the inverse of {@link position}. */
  offset(line, column) {
    const start = this.starts[line - this.firstLine];
    if (start === void 0) throw new RangeError(`line ${line} is outside the text`);
    return start + column - (line === this.firstLine ? this.firstColumn : 1);
  }
  /** The location of the span [start, end). `endColumn` is exclusive, as SARIF wants. */
  span(start, end) {
    const from2 = this.position(start);
    const last = this.position(Math.max(start, end - 1));
    return { line: from2.line, column: from2.column, endLine: last.line, endColumn: last.column + (end > start ? 1 : 0) };
  }
  /** Offsets [start, end) of a 1-based line, without its line break. */
  lineBounds(line) {
    const index = Math.min(Math.max(line - this.firstLine, 0), this.starts.length - 1);
    const start = this.starts[index];
    let end = index + 1 < this.starts.length ? this.starts[index + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return { start, end };
  }
  /** The text of a 1-based line, without its line break. */
  lineText(line) {
    const { start, end } = this.lineBounds(line);
    return this.text.slice(start, end);
  }
};

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str) => {
  let begs, beg, left, right = void 0, result;
  let ai = str.indexOf(a);
  let bi = str.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;
    while (i >= 0 && !result) {
      if (i === ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result = [r, bi];
      } else {
        beg = begs.pop();
        if (beg !== void 0 && beg < left) {
          left = beg;
          right = bi;
        }
        bi = str.indexOf(b, i + 1);
      }
      i = ai < bi && ai >= 0 ? ai : bi;
    }
    if (begs.length && right !== void 0) {
      result = [left, right];
    }
  }
  return result;
};

// node_modules/brace-expansion/dist/esm/index.js
var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
var escSlashPattern = new RegExp(escSlash, "g");
var escOpenPattern = new RegExp(escOpen, "g");
var escClosePattern = new RegExp(escClose, "g");
var escCommaPattern = new RegExp(escComma, "g");
var escPeriodPattern = new RegExp(escPeriod, "g");
var slashPattern = /\\\\/g;
var openPattern = /\\{/g;
var closePattern = /\\}/g;
var commaPattern = /\\,/g;
var periodPattern = /\\\./g;
var EXPANSION_MAX = 1e5;
var EXPANSION_MAX_LENGTH = 4e6;
var EXPANSION_MAX_DEPTH = 1e3;
var EXPANSION_MAX_REWRITES = 1e3;
var EXPANSION_MAX_STEPS = 2e7;
var CALL_STEPS = 16;
function numeric(str) {
  return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
  return str.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
  return str.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target, items) {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open2 = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open2.push(i);
    } else if (c === 125 && open2.length) {
      open2.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open2.length; i++) {
    const at = open2[i];
    out += masked.slice(last, at) + "\0";
    last = at + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str, budget) {
  budget.remaining -= str.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str.length - 1; i >= 0; i--) {
    const c = str.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str, budget) {
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str, str, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
    str = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
  if (!str) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str.slice(0, 2) === "{}") {
    str = "\\{\\}" + str.slice(2);
  }
  return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
  return "{" + str + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length = 0;
  let nonEmpty;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix2 = acc[a] + pre;
    let vs = values;
    if (dropEmpties && !prefix2) {
      if (!nonEmpty)
        nonEmpty = values.filter((v) => v);
      vs = nonEmpty;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix2 + vs[v];
      if (length + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse = y < x;
  if (reverse) {
    incr *= -1;
    test = gte;
  }
  const pad = n.some(isPadded);
  const cost = pad ? width : 1;
  let length = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length + c.length > maxLength)
      break;
    N.push(c);
    length += c.length;
  }
  return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str;
  for (; ; ) {
    const m = balancedWithBudget(str, masked, budget);
    if (!m) {
      return combine(acc, str, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal2 = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal2();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values) {
        return literal2();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal2();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal2();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal2();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal2();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal2();
    }
    acc = next;
    if (!m.post.length)
      break;
    str = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
var digit = (a, b) => a === b ? { t: "lit", ch: String(a) } : { t: "class", re: new RegExp(`^[${a}-${b}]$`) };
var prefix = (d, alts) => alts.map((s) => [digit(d, d), ...s]);
var fixed = (a, b) => {
  if (!a)
    return [[]];
  let lo = +a[0];
  let hi = +b[0];
  const ra = a.slice(1);
  const rb = b.slice(1);
  if (lo === hi)
    return prefix(lo, fixed(ra, rb));
  const zeros = "0".repeat(ra.length);
  const nines = "9".repeat(ra.length);
  const out = [];
  if (ra !== zeros)
    out.push(...prefix(lo++, fixed(ra, nines)));
  const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
  if (lo <= hi) {
    out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
  }
  out.push(...last);
  return out;
};
var nonneg = (a, b, width) => {
  if (width) {
    return fixed(String(a).padStart(width, "0"), String(b).padStart(width, "0"));
  }
  const out = [];
  for (let len = String(a).length; len <= String(b).length; len++) {
    const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
    const hi = Math.min(b, 10 ** len - 1);
    out.push(...fixed(String(lo), String(hi)));
  }
  return out;
};
var numericRange = (loStr, hiStr) => {
  let lo = Number(loStr);
  let hi = Number(hiStr);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
    return;
  if (lo > hi)
    [lo, hi] = [hi, lo];
  const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
  const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
  const out = [];
  if (lo < 0) {
    const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
    out.push(...neg.map((s) => [{ t: "lit", ch: "-" }, ...s]));
  }
  if (hi >= 0)
    out.push(...nonneg(Math.max(lo, 0), hi, width));
  return out;
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}"],
  "[:alpha:]": ["\\p{L}\\p{Nl}"],
  "[:ascii:]": ["\\x00-\\x7f"],
  "[:blank:]": ["\\p{Zs}\\t"],
  "[:cntrl:]": ["\\p{Cc}"],
  "[:digit:]": ["\\p{Nd}"],
  "[:graph:]": ["\\p{Z}\\p{C}", true],
  "[:lower:]": ["\\p{Ll}"],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}\\p{S}"],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f"],
  "[:upper:]": ["\\p{Lu}"],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}"],
  "[:xdigit:]": ["A-Fa-f0-9"]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var noMatch = /$./;
var parseClass = (glob, position, nocase = false, form) => {
  const norm = (c) => {
    const n = form ? c.normalize(form) : c;
    return [...n].length === 1 ? n : c;
  };
  const pos = position;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = String.fromCodePoint(glob.codePointAt(i));
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return [noMatch, glob.length - pos];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          continue WHILE;
        }
      }
    }
    escaping = false;
    const n = norm(c);
    if (rangeStart) {
      if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(n));
      } else if (n === rangeStart) {
        ranges.push(braceEscape(n));
      }
      rangeStart = "";
      i += c.length;
      continue;
    }
    if (glob.startsWith("-]", i + c.length)) {
      ranges.push(braceEscape(n + "-"));
      i += c.length + 1;
      continue;
    }
    if (glob.startsWith("-", i + c.length)) {
      rangeStart = n;
      i += c.length + 1;
      continue;
    }
    ranges.push(braceEscape(n));
    i += c.length;
  }
  if (endPos < i) {
    return [noMatch, 0];
  }
  if (!ranges.length && !negs.length) {
    return [noMatch, glob.length - pos];
  }
  const sranges = "[" + (negate ? "^" : "") + ranges.join("") + "]";
  const snegs = "[" + (negate ? "" : "^") + negs.join("") + "]";
  const comb = "^" + (ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs);
  return [new RegExp(comb, nocase ? "iu" : "u"), endPos - pos];
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js
var MATCH = { t: "match", id: 0 };
var extTypes = "!?+*@";
var lit = (ch) => ({ t: "lit", ch });
var reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
var newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, "iu");
var foldCache = /* @__PURE__ */ new Map();
var foldRe = (ch) => {
  let re = foldCache.get(ch);
  if (!re) {
    re = newFoldRe(ch);
    if (foldCache.size >= 1e3)
      foldCache.clear();
    foldCache.set(ch, re);
  }
  return re;
};
var litMatch = (l, c) => {
  if (c === l.ch)
    return true;
  if (!l.re)
    return false;
  const code = c.charCodeAt(0);
  if (code >= 128)
    return l.re.test(c);
  const ascii = l.ascii ??= new Uint8Array(128);
  ascii[code] ||= l.re.test(c) ? 1 : 2;
  return ascii[code] === 1;
};
var tokenize = (p, nocase, noext, form, mark) => {
  const toks = [];
  for (let i = 0; i < p.length; ) {
    const c = String.fromCodePoint(p.codePointAt(i));
    if (mark) {
      const m = c === "\\" && p.startsWith(mark, i + 1) ? 1 : 0;
      if (m || c === mark) {
        const start = i + m + mark.length;
        const end = p.indexOf(mark, start);
        const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
        const alts = end !== -1 && r && numericRange(r[1], r[2]);
        if (alts) {
          toks.push({ t: "ext", type: "@", alts });
          i = end + mark.length;
          continue;
        }
      }
    }
    if (c === "\\") {
      const e = p.codePointAt(i + 1);
      const ch = e === void 0 ? c : String.fromCodePoint(e);
      toks.push(lit(ch));
      i += 1 + ch.length;
      continue;
    }
    if (c === "[") {
      const [re, consumed] = parseClass(p, i, nocase, form);
      if (consumed) {
        toks.push({ t: "class", re });
        i += consumed;
        continue;
      }
    }
    if (!noext && extTypes.includes(c) && p[i + 1] === "(") {
      toks.push({ t: "open", type: c });
      i += 2;
      continue;
    }
    toks.push(!noext && c === "|" ? { t: "bar" } : !noext && c === ")" ? { t: "close" } : c === "*" ? { t: "star" } : c === "?" ? { t: "any" } : lit(c));
    i += c.length;
  }
  return toks;
};
var pair = (toks) => {
  const pairs = /* @__PURE__ */ new Map();
  const stack = [];
  toks.forEach((tok, i) => {
    if (tok.t === "open")
      stack.push(i);
    else if (tok.t === "close" && stack.length)
      pairs.set(stack.pop(), i);
  });
  return pairs;
};
var build = (toks, pairs, start, end, top) => {
  let seq = [];
  const alts = [seq];
  for (let i = start; i < end; i++) {
    const tok = toks[i];
    const close = pairs.get(i);
    if (tok.t === "open" && close !== void 0) {
      const sub = build(toks, pairs, i + 1, close, false);
      seq.push({ t: "ext", type: tok.type, alts: sub });
      i = close;
    } else if (tok.t === "bar" && !top) {
      alts.push(seq = []);
    } else if (tok.t === "open") {
      seq.push(lit(tok.type), lit("("));
    } else if (tok.t === "bar") {
      seq.push(lit("|"));
    } else if (tok.t === "close") {
      seq.push(lit(")"));
    } else {
      seq.push(tok);
    }
  }
  return alts;
};
var normalize = (items, form) => {
  const out = [];
  let run = "";
  const flush = () => {
    for (const ch of run.normalize(form))
      out.push(lit(ch));
    run = "";
  };
  for (const it of items) {
    if (it.t === "lit") {
      run += it.ch;
      continue;
    }
    flush();
    out.push(it.t === "ext" ? { ...it, alts: it.alts.map((a) => normalize(a, form)) } : it);
  }
  flush();
  return out;
};
var compile = (items, nocase) => {
  let id = 1;
  const split = (out) => ({ t: "split", id: id++, out });
  const seq = (items2, next) => items2.reduceRight((next2, it) => item(it, next2), next);
  const item = (it, next) => {
    switch (it.t) {
      case "lit":
        const re = nocase ? foldRe(it.ch) : void 0;
        return { t: "lit", id: id++, ch: it.ch, re, next };
      case "any":
      case "star":
        return { t: it.t, id: id++, next };
      case "class":
        return { t: "class", id: id++, re: it.re, next };
    }
    const alts = (next2) => it.alts.map((a) => seq(a, next2));
    switch (it.type) {
      case "@":
        return split(alts(next));
      case "?":
        return split([next, ...alts(next)]);
      case "!":
        return { t: "neg", id: id++, sub: split(alts(MATCH)), next };
    }
    const after = split([]);
    const entry = split(alts(after));
    after.out.push(next, entry);
    return it.type === "*" ? after : entry;
  };
  const start = seq(items, MATCH);
  return [start, id];
};
var show = (start) => {
  const lines = [];
  const seen = /* @__PURE__ */ new Set();
  const ref = (n) => n.t === "match" ? "match" : String(n.id);
  const walk2 = (n, indent) => {
    if (n.t === "match" || seen.has(n))
      return;
    seen.add(n);
    const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
    switch (n.t) {
      case "split":
        line(`split -> ${n.out.map(ref).join(", ")}`);
        for (const o of n.out)
          walk2(o, indent);
        return;
      case "neg":
        line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
        walk2(n.sub, indent + "  ");
        return walk2(n.next, indent);
      case "lit":
        line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
        break;
      case "class":
        line(`${n.re} -> ${ref(n.next)}`);
        break;
      default:
        line(`${n.t === "any" ? "?" : "*"} -> ${ref(n.next)}`);
    }
    walk2(n.next, indent);
  };
  walk2(start, "");
  return [`start -> ${ref(start)}`, ...lines].join("\n");
};
var State = class {
  // set by the Sim, to mark the nodes that this state has
  gen;
  threads = [];
  match = false;
  runs = [];
  // the sorted ids of the threads, with 0 for a match, once the
  // state is done
  ids = [];
  constructor(gen) {
    this.gen = gen;
  }
  // no threads, so nothing more can match
  get dead() {
    return !this.threads.length && !this.match && !this.runs.length;
  }
};
var sameState = (a, b) => {
  if (a.ids.length !== b.ids.length)
    return false;
  if (a.runs.length !== b.runs.length)
    return false;
  if (a.ids.some((id, i) => id !== b.ids[i]))
    return false;
  return a.runs.every((r) => b.runs.some((o) => o.neg === r.neg && sameState(o.state, r.state)));
};
var marks = (size) => ({
  has: new Float64Array(size),
  seen: new Float64Array(size),
  gen: 0
});
var Sim = class {
  // `.` and `..` only match literal dots, even with `dot:true`
  dots;
  // the string starts with `.`, and `dot:true` is not set
  dotStart;
  #marks;
  constructor(dots, dotStart, marks2) {
    this.dots = dots;
    this.dotStart = dotStart;
    this.#marks = marks2;
  }
  state() {
    return new State(++this.#marks.gen);
  }
  // sort the ids of a state, once it has all of its threads
  done(state) {
    state.ids = state.threads.map((n) => n.id).sort((a, b) => a - b);
    if (state.match)
      state.ids.unshift(MATCH.id);
    return state;
  }
  // true the first time that the state walks through the node, so
  // that loops in the graph stop
  #visit(state, node) {
    const { seen } = this.#marks;
    if (seen[node.id] === state.gen)
      return false;
    seen[node.id] = state.gen;
    return true;
  }
  #addThread(state, node) {
    const { has } = this.#marks;
    if (has[node.id] === state.gen)
      return false;
    has[node.id] = state.gen;
    state.threads.push(node);
    return true;
  }
  // wildcards only match a leading dot if `dot:true`. In a negated
  // sub-pattern, this does not apply, because the negation itself
  // can not match a leading dot.
  restricted(i, top) {
    return top && (this.dots || this.dotStart && i === 0);
  }
  add(state, node, i, top) {
    switch (node.t) {
      case "split":
        if (!this.#visit(state, node))
          return;
        for (const o of node.out)
          this.add(state, o, i, top);
        return;
      case "neg":
        if (!this.#visit(state, node))
          return;
        const sub = this.state();
        this.add(sub, node.sub, i, false);
        this.done(sub);
        return this.addRun(state, { t: "run", neg: node, state: sub }, i, top);
      case "star":
        if (this.restricted(i, top))
          return;
        if (this.#addThread(state, node))
          this.add(state, node.next, i, top);
        return;
      case "match":
        state.match = true;
        return;
      default:
        this.#addThread(state, node);
    }
  }
  addRun(state, run, i, top) {
    for (const r of state.runs) {
      if (r.neg === run.neg && sameState(r.state, run.state))
        return;
    }
    state.runs.push(run);
    if (!run.state.match) {
      this.add(state, run.neg.next, i, top);
    }
  }
  // the threads after char `c`, at index `i`
  step(state, c, i, top) {
    const next = this.state();
    for (const th of state.threads) {
      switch (th.t) {
        case "lit":
          if (litMatch(th, c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "any":
          if (!this.restricted(i, top))
            this.add(next, th.next, i + 1, top);
          break;
        case "class":
          if (!this.restricted(i, top) && th.re.test(c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "star":
          if (!this.restricted(i, top))
            this.add(next, th, i + 1, top);
      }
    }
    if (!this.restricted(i, top)) {
      for (const run of state.runs) {
        if (run.state.dead) {
          this.addRun(next, run, i + 1, top);
          continue;
        }
        const sub = this.step(run.state, c, i, false);
        this.addRun(next, { t: "run", neg: run.neg, state: sub }, i + 1, top);
      }
    }
    return this.done(next);
  }
};
var stateKey = (state) => {
  const ids = state.ids.join();
  if (!state.runs.length)
    return ids;
  const runs = state.runs.map((r) => `${r.neg.id}(${stateKey(r.state)})`);
  return `${ids}|${runs.sort().join("|")}`;
};
var DFA_BUDGET = 1 << 18;
var Dfa = class {
  #start;
  #states = /* @__PURE__ */ new Map();
  #size = 0;
  #plain;
  #dotStart;
  #sim;
  #dotSim;
  constructor(start, marks2) {
    this.#start = start;
    this.#sim = new Sim(false, false, marks2);
    this.#dotSim = new Sim(false, true, marks2);
  }
  #make(state) {
    return {
      state,
      match: state.match,
      dead: state.dead,
      next: /* @__PURE__ */ new Map()
    };
  }
  #intern(state) {
    const key = stateKey(state);
    const found = this.#states.get(key);
    if (found)
      return found;
    if (this.#size > DFA_BUDGET)
      this.#clear();
    const d = this.#make(state);
    this.#states.set(key, d);
    this.#size += key.length + 1;
    return d;
  }
  #clear() {
    this.#states.clear();
    this.#size = 0;
    this.#plain = void 0;
    this.#dotStart = void 0;
  }
  start(dotStart) {
    if (dotStart) {
      if (this.#dotStart)
        return this.#dotStart;
      const state2 = this.#dotSim.state();
      this.#dotSim.add(state2, this.#start, 0, true);
      return this.#dotStart = this.#make(this.#dotSim.done(state2));
    }
    if (this.#plain)
      return this.#plain;
    const state = this.#sim.state();
    this.#sim.add(state, this.#start, 0, true);
    return this.#plain = this.#intern(this.#sim.done(state));
  }
  // the next state, after a miss in `d.ascii`
  next(d, c) {
    const code = c.charCodeAt(0);
    const found = code < 128 ? void 0 : d.next.get(c);
    if (found)
      return found;
    const n = d === this.#dotStart ? this.#intern(this.#dotSim.step(d.state, c, 0, true)) : this.#intern(this.#sim.step(d.state, c, 1, true));
    if (code < 128) {
      if (!d.ascii) {
        d.ascii = new Array(128);
        this.#size += 128;
      }
      d.ascii[code] = n;
    } else {
      d.next.set(c, n);
    }
    this.#size++;
    return n;
  }
};
var linear = (start) => {
  const nodes = [];
  for (let n = start; n.t !== "match"; n = n.next) {
    if (n.t === "split" || n.t === "neg")
      return void 0;
    nodes.push(n);
  }
  return nodes;
};
var testLinear = (nodes, chars, start, end) => {
  let ni = 0;
  let ci = start;
  let starNi = -1;
  let starCi = 0;
  while (ci < end) {
    const n = nodes[ni];
    if (n?.t === "star") {
      starNi = ni++;
      starCi = ci;
      continue;
    }
    const c = chars[ci];
    if (n && (n.t === "any" || n.t === "lit" && litMatch(n, c) || n.t === "class" && n.re.test(c))) {
      ni++;
      ci++;
      continue;
    }
    if (starNi === -1)
      return false;
    ni = starNi + 1;
    ci = ++starCi;
  }
  while (nodes[ni]?.t === "star")
    ni++;
  return ni === nodes.length;
};
var lengths = (items) => {
  let min = 0;
  let max = 0;
  for (const it of items) {
    const [lo, hi] = itemLengths(it);
    min += lo;
    max += hi;
  }
  return [min, max];
};
var itemLengths = (it) => {
  if (it.t === "star")
    return [0, Infinity];
  if (it.t !== "ext")
    return [1, 1];
  if (it.type === "!")
    return [0, Infinity];
  const alts = it.alts.map(lengths);
  const min = Math.min(...alts.map((a) => a[0]));
  const max = Math.max(...alts.map((a) => a[1]));
  const loop = max === 0 ? 0 : Infinity;
  return it.type === "@" ? [min, max] : it.type === "?" ? [0, max] : it.type === "*" ? [0, loop] : [min, loop];
};
var hasAffix = (lits, chars, start) => {
  for (let j = 0; j < lits.length; j++) {
    if (!litMatch(lits[j], chars[start + j]))
      return false;
  }
  return true;
};
var slashOrSurrogate = /[/\ud800-\udfff]/;
var surrogate = /[\ud800-\udfff]/;
var codePoints = (s) => surrogate.test(s) ? [...s] : s;
var noSlash = (s) => {
  if (s.includes("/")) {
    throw new Error("can only match a single path portion, got: " + s);
  }
};
var Matcher = class {
  pattern;
  options;
  #start;
  // the number of node ids
  #size;
  #marks;
  // the Sim for strings that are only `.` or `..`
  #dotsSim;
  // the string to compare, if the pattern has no magic. With
  // `nocase:true`, the RegExp that folds case is made when it is
  // first used.
  #literal;
  #literalFold = false;
  #literalRe;
  // the nodes between the prefix and suffix, if the graph is a
  // single chain
  #linear;
  // the linear nodes are only `*` and `?`, so the length bounds and
  // the prefix and suffix decide the match
  #wild = false;
  // the least and most chars that a match can have
  #min = 0;
  #max = Infinity;
  // the literals that a match must start and end with. Each one
  // matches exactly one char, and they are distinct items in the
  // pattern, so a string that does not have them can not match.
  #prefix = [];
  #suffix = [];
  // the prefix and suffix as strings, if they do not fold case
  #prefixStr;
  #suffixStr;
  // there is a prefix or suffix to check
  #affix = false;
  #dfa;
  #form;
  constructor(pattern, options = {}) {
    if (pattern.includes("/")) {
      throw new Error("can only match a single path portion, got pattern: " + pattern);
    }
    this.pattern = pattern;
    this.options = options;
    const { nocase = false, noext = false, normalize: n } = options;
    this.#form = n === true ? "NFC" : n || void 0;
    const literal2 = /^[?*+@]\(\)$/.test(pattern);
    const toks = tokenize(pattern, nocase, noext || literal2, this.#form, options.rangeMark);
    let [items] = build(toks, pair(toks), 0, toks.length, true);
    if (this.#form)
      items = normalize(items, this.#form);
    const [start, size] = compile(items, nocase);
    this.#start = start;
    this.#size = size;
    if (items.every((it) => it.t === "lit")) {
      this.#literal = items.map((it) => it.ch).join("");
      this.#literalFold = nocase;
    } else {
      const lit2 = (it) => it.t !== "lit" ? void 0 : nocase ? { ch: it.ch, re: foldRe(it.ch) } : { ch: it.ch };
      for (const it of items) {
        const l = lit2(it);
        if (!l)
          break;
        this.#prefix.push(l);
      }
      for (let j = items.length - 1; j >= 0; j--) {
        const l = lit2(items[j]);
        if (!l)
          break;
        this.#suffix.unshift(l);
      }
      this.#affix = !!(this.#prefix.length || this.#suffix.length);
      if (!nocase) {
        this.#prefixStr = this.#prefix.map((l) => l.ch).join("");
        this.#suffixStr = this.#suffix.map((l) => l.ch).join("");
      }
      this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || void 0);
      this.#wild = !!this.#linear?.every((n2) => n2.t === "star" || n2.t === "any");
      const [min, max] = lengths(items);
      this.#min = min;
      this.#max = max;
    }
  }
  test(s) {
    if (this.#form) {
      noSlash(s);
      return this.#test(s.normalize(this.#form));
    }
    if (slashOrSurrogate.test(s)) {
      noSlash(s);
      return this.#test(s, [...s]);
    }
    return this.#test(s, s);
  }
  /**
   * The same as {@link Matcher#test}, but the string is not checked
   * for `/` chars, so the result for a string that has one is not
   * defined. Only use it for a string that is known to be one path
   * portion, such as a part of a path that was split on `/`. It can
   * be faster, because some patterns do not need to look at each char
   * of the string.
   */
  testUnchecked(s) {
    return this.#test(this.#form ? s.normalize(this.#form) : s);
  }
  // Test a string that has no `/`. `chars` indexes it by code point.
  // If it is not given, it is only found if a step needs it.
  #test(s, chars) {
    if (this.#literal !== void 0) {
      return this.#literalFold ? (this.#literalRe ??= newFoldRe(this.#literal)).test(s) : s === this.#literal;
    }
    const min = this.#min;
    const max = this.#max;
    if (chars === void 0) {
      const most = s.length;
      const least = most + 1 >> 1;
      if (most < min || least > max)
        return false;
      if (least < min || most > max)
        chars = codePoints(s);
    }
    if (chars !== void 0 && (chars.length < min || chars.length > max)) {
      return false;
    }
    const prefix2 = this.#prefix.length;
    if (this.#affix) {
      if (this.#prefixStr !== void 0 && this.#suffixStr !== void 0) {
        if (!s.startsWith(this.#prefixStr) || !s.endsWith(this.#suffixStr)) {
          return false;
        }
      } else {
        chars ??= codePoints(s);
        const end = chars.length - this.#suffix.length;
        if (!hasAffix(this.#prefix, chars, 0) || !hasAffix(this.#suffix, chars, end)) {
          return false;
        }
      }
    }
    const dotStart = !this.options.dot && s.startsWith(".");
    if (this.#linear) {
      if (s === "." || s === "..")
        return false;
      if (dotStart && !prefix2)
        return false;
      if (this.#wild)
        return true;
      chars ??= codePoints(s);
      const end = chars.length - this.#suffix.length;
      return testLinear(this.#linear, chars, prefix2, end);
    }
    chars ??= codePoints(s);
    if (s === "." || s === "..") {
      this.#marks ??= marks(this.#size);
      const sim = this.#dotsSim ??= new Sim(true, false, this.#marks);
      const start = sim.state();
      sim.add(start, this.#start, 0, true);
      let state = sim.done(start);
      for (let i = 0; i < chars.length; i++) {
        state = sim.step(state, chars[i], i, true);
      }
      return state.match;
    }
    this.#marks ??= marks(this.#size);
    const dfa = this.#dfa ??= new Dfa(this.#start, this.#marks);
    let d = dfa.start(dotStart);
    const str = chars === s;
    for (let i = 0; i < chars.length; i++) {
      if (d.dead)
        return false;
      const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
      d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
    }
    return d.match;
  }
  /** a readable listing of the state machine */
  toString() {
    return show(this.#start);
  }
};

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  const e = magicalBraces ? windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&") : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
  const c = e.charAt(0);
  if (c === "#") {
    return (windowsPathsNoEscape ? "[#]" : "\\#") + e.slice(1);
  }
  if (c === "!") {
    return (windowsPathsNoEscape ? "@(!)" : "\\!") + e.slice(1);
  }
  return e;
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (windowsPathsNoEscape && s.startsWith("@(!)")) {
    return "!" + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces });
  }
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/index.js
var DEFAULT_BRACE_EXPAND_MAX = 1e5;
var DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
var AWE_KEY = "allowWindowsEscape";
var minimatch = (p, pattern, options) => {
  assertValidPattern(pattern);
  if (!options?.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return cachedMinimatch(pattern, options).match(p);
};
var cache = /* @__PURE__ */ new Map();
var oldCache = /* @__PURE__ */ new Map();
var cacheSize = 0;
var cacheTotalWeight = 0;
var cacheMax = 256;
var cacheMaxWeight = 1 << 15;
var cacheMaxEntryWeight = 1 << 12;
var cacheWeight = (mm) => {
  let w = mm.pattern.length;
  for (const s of mm.globSet) {
    w += s.length + 1;
    if (w > cacheMaxEntryWeight)
      break;
  }
  return w;
};
var tri = (v) => v === void 0 ? 0 : v ? 2 : 1;
var booleanWeights = new Map(Object.keys({
  nobrace: 0,
  nocomment: 0,
  nonegate: 0,
  noglobstar: 0,
  noext: 0,
  nonull: 0,
  partial: 0,
  dot: 0,
  nocase: 0,
  nocaseMagicOnly: 0,
  magicalBraces: 0,
  matchBase: 0,
  flipNegate: 0,
  preserveMultipleSlashes: 0,
  windowsNoMagicRoot: 0
}).map((k, i) => [k, 24 * 3 ** i]));
var optionsKey = (o) => {
  let n = 0;
  let wpe = false;
  for (const k in o) {
    const v = o[k];
    switch (k) {
      // the same test as the Minimatch constructor
      case "windowsPathsNoEscape":
        if (v)
          wpe = true;
        break;
      case AWE_KEY:
        if (v === false)
          wpe = true;
        break;
      case "platform": {
        const p = v || defaultPlatform;
        if (p === defaultPlatform)
          break;
        if (p === "darwin")
          n += 3;
        else if (p === "win32")
          n += 6;
        else if (p === "linux")
          n += 9;
        else
          return JSON.stringify(o);
        break;
      }
      case "optimizationLevel":
        if (v === void 0)
          break;
        n += v >= 2 ? 1 : v >= 1 ? 0 : 2;
        break;
      case "braceExpandMax":
        if (v !== void 0 && v !== DEFAULT_BRACE_EXPAND_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "maxGlobstarRecursion":
        if (v !== void 0 && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "normalize":
        if (v !== void 0)
          return JSON.stringify(o);
        break;
      default:
        n += (booleanWeights.get(k) ?? 0) * tri(v);
    }
  }
  return wpe ? n + 12 : n;
};
var copyOptions = (o) => {
  const copy = {};
  for (const k in o)
    copy[k] = o[k];
  return copy;
};
var cachedMinimatch = (pattern, options) => {
  const key = options ? optionsKey(options) : 0;
  let mm = cache.get(key)?.get(pattern);
  if (mm)
    return mm;
  mm = oldCache.get(key)?.get(pattern) ?? new Minimatch(pattern, copyOptions(options));
  const weight = cacheWeight(mm);
  if (weight > cacheMaxEntryWeight)
    return mm;
  if (cacheSize >= cacheMax || cacheTotalWeight + weight > cacheMaxWeight) {
    oldCache = cache;
    cache = /* @__PURE__ */ new Map();
    cacheSize = 0;
    cacheTotalWeight = 0;
  }
  let byPattern = cache.get(key);
  if (!byPattern)
    cache.set(key, byPattern = /* @__PURE__ */ new Map());
  byPattern.set(pattern, mm);
  cacheSize++;
  cacheTotalWeight += weight;
  return mm;
};
var defaultPlatform = typeof process === "object" && process ? process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep = defaultPlatform === "win32" ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var filter = (pattern, options) => {
  let mm;
  return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  let p = pattern.replace(/\\\\/g, "\\\\\\\\");
  if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
    p = p.replace(/\[([{}])\]/g, "[\\$1]");
  }
  return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var RANGE_MIN = 100;
var rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
var inRepeatOrNegExt = (portion, mark) => {
  const stack = [];
  for (let i = 0; i < portion.length; i++) {
    const c = portion.charAt(i);
    if (c === "\\") {
      i++;
    } else if (c === mark) {
      if (stack.some((t) => t !== "@" && t !== "?"))
        return true;
    } else if (portion.charAt(i + 1) === "(" && "!?+*@".includes(c)) {
      stack.push(c);
      i++;
    } else if (c === ")") {
      stack.pop();
    }
  }
  return false;
};
var match = (list, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list = list.filter((f) => mm.match(f));
  if (mm.options.nonull && !list.length) {
    list.push(pattern);
  }
  return list;
};
minimatch.match = match;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var classEnd = (pattern, start) => {
  let i = start + 1;
  if (pattern.charAt(i) === "!" || pattern.charAt(i) === "^")
    i++;
  let sawStart = false;
  for (; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "]" && sawStart)
      return i;
    sawStart = true;
    if (c === "\\")
      i++;
  }
  return -1;
};
var literal = (pattern, noext) => {
  if (!noext && (pattern === "+()" || pattern === "@()"))
    return pattern;
  let lit2 = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      lit2 += pattern.charAt(++i) || c;
    } else if (c === "*" || c === "?") {
      return void 0;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close === -1) {
        lit2 += c;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("\\"))
        body = body.slice(1);
      if ([...body].length !== 1 || "!^".includes(pattern.charAt(i + 1))) {
        return void 0;
      }
      lit2 += body;
      i = close;
    } else if (!noext && "+@!".includes(c) && pattern.charAt(i + 1) === "(" && pattern.includes(")", i + 2)) {
      return void 0;
    } else {
      lit2 += c;
    }
  }
  return lit2;
};
var MAX_EXTGLOBS = 256;
var extglobCount = (pattern) => {
  let n = 0;
  for (let i = 0; i < pattern.length - 1; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      i++;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      n++;
      i++;
    }
  }
  return n;
};
var assertValidExtglobs = (pattern) => {
  if (extglobCount(pattern) > MAX_EXTGLOBS) {
    throw new TypeError("pattern has too many extglobs");
  }
};
var extSafe = (pattern) => {
  if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes("[:"))
    return false;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      if (++i === pattern.length)
        return false;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close !== -1)
        i = close;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      if (!depth--)
        return false;
    } else if (c === "|" && !depth) {
      return false;
    }
  }
  return !depth;
};
var lastSplit;
var lastChecked;
var portionMatch = (p, f) => typeof p === "string" ? f === p : f !== "" && p.testUnchecked(f);
var endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart : prev !== void 0 && portionMatch(p, prev) ? prevStart : -1;
var isDots = (p) => p === "." || p === "..";
var isDrive = (p) => typeof p === "string" && /^[a-z]:$/i.test(p);
var isLongUNC = (p) => typeof p === "string" && /^unc$/i.test(p);
var uncHost = (p) => {
  if (p[0] !== "" || p[1] !== "")
    return -1;
  const h = p[2] !== "?" ? 2 : isLongUNC(p[3]) ? 4 : -1;
  const host = p[h];
  const share = p[h + 1];
  return h !== -1 && host !== void 0 && host !== "" && host !== GLOBSTAR && share !== void 0 && share !== "" && share !== GLOBSTAR ? h : -1;
};
var walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith("."));
var dotPortion = (f, start, end, dot, sep2) => {
  for (let k = start; k < end; ) {
    if (f.charCodeAt(k) === 46) {
      if (!dot)
        return true;
      const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
      if (n >= end || isSep(f.charCodeAt(n), sep2))
        return true;
    }
    const s = nextSep(f, k, sep2);
    if (s === -1)
      return false;
    k = s + 1;
    while (k < end && isSep(f.charCodeAt(k), sep2))
      k++;
  }
  return false;
};
var isSep = (c, sep2) => sep2 === "/" ? c === 47 : sep2 === "\\" ? c === 92 : c === 47 || c === 92;
var nextSep = (f, from2, sep2) => {
  if (sep2 !== "both")
    return f.indexOf(sep2, from2);
  const s = f.indexOf("/", from2);
  const b = f.indexOf("\\", from2);
  return s === -1 ? b : b === -1 ? s : Math.min(s, b);
};
var lastSep = (f, from2, sep2) => sep2 !== "both" ? f.lastIndexOf(sep2, from2) : Math.max(f.lastIndexOf("/", from2), f.lastIndexOf("\\", from2));
var PENDING = {};
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  // the path can be checked against the last portion, and the string
  // portions, of each row before it is split. See #canMatch.
  #endCheck;
  #literalCheck;
  // level 2 resolves `.` and `..` portions in the path
  #level2;
  // the unicode normalization form, if any
  #form;
  // the string portions of each row in the set
  #literals = [];
  // the rows that #canMatch can match without splitting the path
  #shapes = [];
  // the rows whose last portion can be checked against the path's
  #endRows = [];
  // brace expansion can make the same portion in many rows, so they
  // share one Matcher, and the states that it caches
  #matchers = /* @__PURE__ */ new Map();
  // parse() returns PENDING in place of a Matcher
  #pending = false;
  // the char that marks numeric ranges in globSet, if any
  #rangeMark;
  // the GlobstarParts of each pattern row, by start index and partial
  #globstarParts = /* @__PURE__ */ new WeakMap();
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.#endCheck = !this.preserveMultipleSlashes;
    this.#level2 = (options.optimizationLevel ?? 1) >= 2;
    const n = options.normalize;
    this.#form = n === true ? "NFC" : n || void 0;
    this.make();
    const drives = this.set.map((row) => this.#rootIndex(row));
    this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
    this.#literals = this.set.map((row, r) => {
      const end = this.#endRows[r] ? row.length - 1 : row.length;
      const lits = row.slice(drives[r] + 1, end).filter((p) => typeof p === "string" && !!p);
      return [...new Set(lits)];
    });
    this.#literalCheck = this.#literals.some((l) => l.length);
    this.#shapes = this.set.map((row, r) => {
      const [p0, p1, p2] = row;
      if (this.#endRows[r] && row.length === 2) {
        if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
          return "tail";
      }
      if (this.#endRows[r] && options.matchBase && row.length === 1 && p0 !== GLOBSTAR && p0 !== "") {
        return "base";
      }
      if (!this.#endCheck || drives[r] !== -1)
        return void 0;
      if (row.length === 3 && p0 === GLOBSTAR && p2 === GLOBSTAR && p1 !== GLOBSTAR && p1 !== "" && // the portion between is only matched below this limit
      this.maxGlobstarRecursion > 0) {
        return "mid";
      }
      if (row.length === 2 && p1 === GLOBSTAR && p0 !== GLOBSTAR && p0 !== "") {
        return "head";
      }
      return void 0;
    });
  }
  // a string portion of a pattern, normalized if the option is set
  #norm(p) {
    return this.#form ? p.normalize(this.#form) : p;
  }
  // On Windows, the index of the last root portion of a row, as
  // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
  // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
  // -1.
  #rootIndex(row) {
    if (!this.isWindows)
      return -1;
    if (isDrive(row[0]))
      return 0;
    const uncDrive = row[0] === "" && row[1] === "" && row[2] === "?" && isDrive(row[3]);
    if (uncDrive)
      return 3;
    const h = uncHost(row);
    return h === -1 ? -1 : h + 1;
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.#expandBraces())];
    const rawGlobParts = this.globSet.map((s) => this.#slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.#pending = true;
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const n = s[2] === "?" && isLongUNC(s[3]) ? 6 : 4;
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && s.slice(3, n).every((p) => !globMagic.test(p));
        const isDrive2 = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, n).map((p) => this.#norm(p)),
            ...s.slice(n).map((ss) => this.parse(ss))
          ];
        } else if (isDrive2) {
          return [
            this.#norm(s[0]),
            ...s.slice(1).map((ss) => this.parse(ss))
          ];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
          if (isLongUNC(this.globParts[i][3]))
            p[3] = "UNC";
          p[2] = "?";
        }
      }
    }
    if (!options.noext)
      this.mergeRows();
    this.#pending = false;
    this.set.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) {
        if (row[k] === PENDING) {
          row[k] = this.parse(this.globParts[i][k]);
        }
      }
    });
  }
  // Merge rows that only differ in one portion, where each of them
  // is a Matcher, into one row that matches any of them with
  // `@(a|b|...)`. Then a path is only walked once for all of them,
  // for example with `**/*.{js,ts}`.
  mergeRows() {
    let merged = true;
    while (merged) {
      merged = false;
      if (this.set.length < 2)
        return;
      let keys = this.#mergeKeys();
      const len = Math.max(0, ...this.set.map((r) => r.length));
      for (let k = 0; k < len; k++) {
        const groups = /* @__PURE__ */ new Map();
        const R = this.set.length + 1;
        this.set.forEach((row, i) => {
          if (!(row[k] instanceof Matcher || row[k] === PENDING) || !extSafe(this.globParts[i][k])) {
            return;
          }
          const { pre, suf } = keys[i];
          const key = pre[k] * R + suf[k + 1];
          const g = groups.get(key);
          if (g)
            g.push(i);
          else
            groups.set(key, [i]);
        });
        const drop = /* @__PURE__ */ new Set();
        for (const g of groups.values()) {
          if (g.length < 2)
            continue;
          const [first, ...rest] = g;
          const alts = g.map((i) => this.globParts[i][k]);
          const glob = `@(${alts.join("|")})`;
          if (extglobCount(glob) > MAX_EXTGLOBS)
            continue;
          this.globParts[first][k] = glob;
          this.set[first][k] = this.parse(glob);
          for (const i of rest)
            drop.add(i);
        }
        if (drop.size) {
          merged = true;
          this.set = this.set.filter((_, i) => !drop.has(i));
          this.globParts = this.globParts.filter((_, i) => !drop.has(i));
          if (this.set.length < 2)
            return;
          keys = this.#mergeKeys();
        }
      }
    }
  }
  // For each row, number ids for its prefixes and suffixes, such that
  // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
  // Two rows are the same other than at portion k exactly when they
  // have the same pre[k] and suf[k + 1]. This is linear in the size of
  // the rows, where joining the whole row for every k was quadratic.
  #mergeKeys() {
    const partIds = /* @__PURE__ */ new Map();
    const ids = this.globParts.map((parts) => parts.map((s) => {
      let id = partIds.get(s);
      if (id === void 0)
        partIds.set(s, id = partIds.size);
      return id;
    }));
    const P = partIds.size;
    const len = Math.max(0, ...ids.map((r) => r.length));
    const keys = ids.map((r) => ({
      pre: [0],
      suf: new Array(r.length + 1).fill(0)
    }));
    for (let k = 0; k < len; k++) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { pre } = keys[i];
        const key = pre[k] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        pre.push(id);
      });
    }
    for (let k = len - 1; k >= 0; k--) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { suf } = keys[i];
        const key = suf[k + 1] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        suf[k] = id;
      });
    }
    return keys;
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      const root = this.#rootIndex(parts) + 1;
      parts = parts.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (set.length > root && prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  // Check the path against each row before it is split. 'no' if no
  // row can match, so it does not need to be split. 'yes' if a row of
  // `**` and one more portion matches. 'maybe' if it must be split to
  // know. None of this applies with partial, where the path can end
  // before the row does.
  //
  // On Windows, `\` is a separator in the path too, and the portions of
  // a row up to its drive letter or UNC share are not checked (see
  // #rootIndex).
  //
  // Each string portion of a row must be a portion of the path, so the
  // path must contain it. Level 2 can only take portions out of the
  // path, so this is still true then.
  //
  // The last portion of a row must match the last portion of the path,
  // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
  // This does not apply to rows that end in **, rows that end in a
  // root, or preserveMultipleSlashes (which can leave more
  // than one '' at the end). At level 2, it does not apply if that
  // portion is `.` or `..`, which can be
  // resolved away. Level 2 only takes other portions out of the
  // middle of the path.
  //
  // A row of `**/x` then matches if the ** can walk the portions
  // before the one that x matches, the same as #matchGlobstar. At
  // level 2, this is only known if none of them are `.` or `..`, so
  // that the path does not change when it is resolved.
  #canMatch(f) {
    const sep2 = !this.isWindows || !f.includes("\\") ? "/" : f.includes("/") ? "both" : "\\";
    let ends = this.#endCheck ? 0 : -1;
    let last = "";
    let lastStart = 0;
    let prev;
    let prevStart = 0;
    const dot = !!this.options.dot;
    ROWS: for (let r = 0; r < this.set.length; r++) {
      const row = this.set[r];
      const p = row[row.length - 1];
      let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
      if (end && ends === 0) {
        const i = lastSep(f, f.length, sep2);
        lastStart = i + 1;
        last = f.slice(lastStart);
        if (last === "" && i >= 0) {
          let j = i;
          while (j > 0 && isSep(f.charCodeAt(j - 1), sep2))
            j--;
          prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep2) + 1;
          prev = f.slice(prevStart, j);
        }
        const resolves = this.#level2 && (isDots(last) || last === "" && prev !== void 0 && isDots(prev));
        ends = resolves ? -1 : 1;
        end = !resolves;
      }
      let tailStart = -1;
      if (end && typeof p === "string") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      if (this.#literalCheck) {
        for (const l of this.#literals[r]) {
          if (!f.includes(l))
            continue ROWS;
        }
      }
      if (end && typeof p === "object") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      const shape = this.#shapes[r];
      if (shape === "base" && end)
        return "yes";
      if (shape === "tail" && end) {
        if (this.#level2 && dotPortion(f, 0, tailStart, true, sep2)) {
          return "maybe";
        }
        if (!dotPortion(f, 0, tailStart, dot, sep2))
          return "yes";
        continue;
      }
      if (shape === "mid" || shape === "head") {
        const m = this.#walk(f, row, shape === "head", dot, sep2);
        if (m !== "no")
          return m;
        continue;
      }
      return "maybe";
    }
    return "no";
  }
  // Match a row of a known shape against the split path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do. None of these
  // rows have a drive letter, so they start at the first portion.
  #matchShape(file, row, shape) {
    const dot = !!this.options.dot;
    const n = file.length;
    if (shape === "head") {
      if (n < 2 || !portionMatch(row[0], file[0])) {
        return false;
      }
      for (let i = 1; i < n; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    const x = row[1];
    if (shape === "tail") {
      let t = n - 1;
      if (!portionMatch(x, file[t])) {
        if (file[t] !== "" || n === 1 || !portionMatch(x, file[--t])) {
          return false;
        }
      }
      for (let i = 0; i < t; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    for (let k = 0; k < n; k++) {
      if (portionMatch(x, file[k]) && k + 1 < n) {
        let i = k + 1;
        while (i < n && walkable(file[i], dot))
          i++;
        if (i === n)
          return true;
      }
      if (!walkable(file[k], dot))
        return false;
    }
    return false;
  }
  // Match a row of `**/x/**` or `x/**` against the path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do once it is split.
  // x must match a portion (the first one, for `x/**`), the ** before
  // it must be able to walk the portions before that one, and there
  // must be a portion after it, which the ** after it can walk. At
  // level 2, this is only known if no portion is `.` or `..`.
  #walk(f, row, head, dot, sep2) {
    if (this.#level2 && dotPortion(f, 0, f.length, true, sep2))
      return "maybe";
    const x = row[head ? 0 : 1];
    let s = 0;
    for (let e = nextSep(f, s, sep2); e !== -1; e = nextSep(f, s, sep2)) {
      let next = e + 1;
      while (next < f.length && isSep(f.charCodeAt(next), sep2))
        next++;
      const hit = typeof x === "string" ? e - s === x.length && f.startsWith(x, s) : e > s && x.testUnchecked(f.slice(s, e));
      if (hit && !dotPortion(f, next, f.length, dot, sep2))
        return "yes";
      if (head || dotPortion(f, s, next, dot, sep2))
        return "no";
      s = next;
    }
    return "no";
  }
  // the last split, if it was the same path with the same split
  // settings
  #cachedSplit(f) {
    const last = lastSplit;
    return last?.f === f && last.isWindows === this.isWindows && last.preserveMultipleSlashes === this.preserveMultipleSlashes && last.normalize === this.#form ? last : void 0;
  }
  // split a path for match(), and keep the parts for the next call
  #split(f) {
    const { isWindows, preserveMultipleSlashes } = this;
    let parts = this.#slashSplit(isWindows ? f.split("\\").join("/") : f);
    const normalize2 = this.#form;
    if (normalize2)
      parts = parts.map((p) => p.normalize(normalize2));
    lastSplit = {
      f,
      isWindows,
      preserveMultipleSlashes,
      normalize: normalize2,
      parts
    };
    return lastSplit;
  }
  // resolve `.` and `..` portions of a path, for level 2
  #levelTwoFileOptimize(file) {
    const parts = [...file];
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      const root = this.#rootIndex(parts) + 1;
      let dd = root;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**") {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd = Math.max(dd - 2, root);
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
    let splitCells = 0;
    const maxSplitCells = 1e6;
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          const addedCells = parts.length - 1;
          if (globParts.length >= braceExpandMax || splitCells + addedCells > maxSplitCells) {
            throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          splitCells += addedCells;
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        const root = this.#rootIndex(parts) + 1;
        let dd = root;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd = Math.max(dd - 2, root);
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  secondPhasePreProcess(globParts) {
    const keys = /* @__PURE__ */ new Set();
    const rows = globParts.filter((parts) => {
      const key = parts.join("/");
      if (keys.has(key))
        return false;
      keys.add(key);
      return true;
    });
    const stars = /* @__PURE__ */ new Map();
    for (const parts of rows) {
      const s = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === "*")
          s.push(i);
      }
      if (s.length)
        stars.set(s.join(","), s);
    }
    if (!stars.size || rows.length * stars.size > 1e5)
      return rows;
    const { dot } = this.options;
    return rows.filter((parts) => {
      for (const s of stars.values()) {
        if (s[s.length - 1] >= parts.length)
          continue;
        const c = [...parts];
        let ok = true;
        let changed = false;
        for (const i of s) {
          const p = parts[i];
          if (p === "*")
            continue;
          if (!p || p === "**" || !dot && p.startsWith(".")) {
            ok = false;
            break;
          }
          c[i] = "*";
          changed = true;
        }
        if (ok && changed && keys.has(c.join("/")))
          return false;
      }
      return true;
    });
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // Match the parts of a path against one row of the set. `resolved`
  // is the parts after level 2 resolves `.` and `..` in them, or the
  // same parts below level 2. Set partial to true to test if, for
  // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
  // you run out of file before you run out of pattern, then that's
  // fine, as long as all the parts match.
  #matchRow(file, resolved, pattern, partial) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    const fh = this.isWindows ? uncHost(resolved) : -1;
    const ph = fh === -1 ? -1 : uncHost(pattern);
    if (ph !== -1) {
      const host = pattern[ph];
      const share = pattern[ph + 1];
      if (typeof host !== "string" || typeof share !== "string") {
        fileStartIndex = fh;
        patternStartIndex = ph;
      } else if (resolved[fh].toLowerCase() === host.toLowerCase() && resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
        fileStartIndex = fh + 2;
        patternStartIndex = ph + 2;
      }
    } else if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          patternStartIndex = pdi + 1;
          fileStartIndex = fdi + 1;
        }
      }
    }
    file = resolved;
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
    if (head.length) {
      const headEnd = fileIndex + head.length;
      if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
        const f = String(file[i]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, /* @__PURE__ */ new Set());
  }
  // Split the pattern into head, tail, and middle of ** delimited
  // parts. The tail has to be at the end, and the others just have to
  // be found in order from the head. These only depend on the pattern
  // row, so they are kept for the next path.
  #getGlobstarParts(pattern, partial, patternIndex) {
    let byStart = this.#globstarParts.get(pattern);
    if (!byStart) {
      byStart = [];
      this.#globstarParts.set(pattern, byStart);
    }
    const key = patternIndex * 2 + (partial ? 1 : 0);
    const found = byStart[key];
    if (found)
      return found;
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const head = pattern.slice(patternIndex, firstgs);
    const body = pattern.slice(firstgs + 1, partial ? void 0 : lastgs);
    const tail = partial ? [] : pattern.slice(lastgs + 1);
    const segments = [[[], 0]];
    let current = segments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        current = [[], 0];
        segments.push(current);
      } else {
        current[0].push(b);
        nonGsParts++;
      }
    }
    segments.forEach((b, i) => {
      b[1] = nonGsParts - nonGsPartsSums[i];
    });
    const parts = { head, body, tail, segments };
    byStart[key] = parts;
    return parts;
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, tried) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      if (partial) {
        return fileIndex >= fileLength || fileIndex === fileLength - 1 && file[fileIndex] === "";
      }
      for (let i = fileIndex; i < fileLength; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, need] = bs;
    const after = partial ? fileLength : fileLength - need;
    while (fileIndex <= after) {
      const key = bodyIndex * (file.length + 1) + fileIndex;
      if (tried.has(key))
        return false;
      tried.add(key);
      const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
        if (sub !== false) {
          return sub;
        }
      }
      if (fileIndex === after)
        break;
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex, fileEnd = file.length) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = Math.min(fileEnd, file.length), pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      let p = pattern[pi];
      let f = file[fi];
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      if (!portionMatch(p, f))
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  // Expand braces, except numeric ranges such as {0..999} with at
  // least RANGE_MIN values. Each of those stays in its pattern as
  // `<mark>0..999<mark>`, for the Matcher to test. If a range might
  // be inside a [...] class, expand all of them instead.
  #expandBraces() {
    const { pattern } = this;
    if (this.options.nobrace)
      return this.braceExpand();
    let code = 57344;
    while (pattern.includes(String.fromCharCode(code))) {
      if (++code > 63743)
        return this.braceExpand();
    }
    const mark = String.fromCharCode(code);
    let found = false;
    const marked = pattern.replace(rangeRe, (m, lo, hi) => {
      const a = Number(lo);
      const b = Number(hi);
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || Math.abs(a - b) + 1 < RANGE_MIN) {
        return m;
      }
      found = true;
      return `${mark}${lo}..${hi}${mark}`;
    });
    if (!found)
      return this.braceExpand();
    const set = braceExpand(marked, this.options);
    for (const p of set) {
      for (const portion of p.split("/")) {
        const c = portion.indexOf("[");
        if (c !== -1 && c < portion.lastIndexOf(mark)) {
          return this.braceExpand();
        }
        if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
          return this.braceExpand();
        }
      }
    }
    this.#rangeMark = mark;
    return set;
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    const { nocase, nocaseMagicOnly, noext = false, dot, normalize: normalize2 } = options;
    const rangeMark = this.#rangeMark;
    const lit2 = rangeMark && pattern.includes(rangeMark) ? void 0 : literal(pattern, noext);
    if (lit2 !== void 0 && !(nocase && !nocaseMagicOnly && pattern.toUpperCase() !== pattern.toLowerCase())) {
      return this.#norm(lit2);
    }
    if (this.#pending)
      return PENDING;
    let m = this.#matchers.get(pattern);
    if (!m) {
      if (!noext)
        assertValidExtglobs(pattern);
      m = new Matcher(pattern, {
        nocase,
        noext,
        dot,
        normalize: normalize2,
        ...rangeMark && { rangeMark }
      });
      this.#matchers.set(pattern, m);
    }
    return m;
  }
  #slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    let split = this.#cachedSplit(f);
    if (!split) {
      if (!partial && !this.#form && (this.#endCheck || this.#literalCheck) && lastChecked !== f) {
        lastChecked = f;
        const can = this.#canMatch(f);
        if (can === "no")
          return options.flipNegate ? false : this.negate;
        if (can === "yes")
          return options.flipNegate ? true : !this.negate;
      }
      split = this.#split(f);
    }
    const ff = split.parts;
    const resolved = this.#level2 ? split.resolved ??= this.#levelTwoFileOptimize(ff) : ff;
    const set = this.set;
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (let r = 0; r < set.length; r++) {
      const pattern = set[r];
      const shape = partial ? void 0 : this.#shapes[r];
      const hit = shape === "base" ? portionMatch(pattern[0], filename) : shape ? this.#matchShape(resolved, pattern, shape) : options.matchBase && pattern.length === 1 ? this.#matchRow([filename], [filename], pattern, partial) : this.#matchRow(ff, resolved, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// src/detect/checksums/crc32.ts
var TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(text) {
  let crc = 4294967295;
  for (let i = 0; i < text.length; i++) {
    crc = TABLE[(crc ^ text.charCodeAt(i)) & 255] ^ crc >>> 8;
  }
  return (crc ^ 4294967295) >>> 0;
}
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function base62(value, width) {
  let out = "";
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, "0");
}
function randomString(random, alphabet, length) {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

// src/detect/checksums/basic-auth-base64.ts
var PRINTABLE = /^[\x20-\x7e\t\r\n]+$/;
var ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
var basicAuthBase64 = {
  name: "basic-auth-base64",
  validate(secret) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || secret.length % 4 !== 0) return false;
    const decoded = Buffer.from(secret, "base64").toString("latin1");
    if (!PRINTABLE.test(decoded)) return false;
    const colon = decoded.indexOf(":");
    return colon > 0 && colon < decoded.length - 1;
  },
  generate(random, prefix2) {
    const user = prefix2 || `user${randomString(random, ALNUM, 6)}`;
    const password = randomString(random, ALNUM, 24);
    return Buffer.from(`${user}:${password}`).toString("base64");
  }
};

// src/detect/checksums/github-crc32.ts
var githubCrc32 = {
  name: "github-crc32",
  proves: () => true,
  validate(secret) {
    const body = secret.slice(secret.indexOf("_") + 1);
    if (body.length !== 36) return false;
    return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
  },
  generate(random, prefix2) {
    const entropy = randomString(random, BASE62, 30);
    return `${prefix2}${entropy}${base62(crc32(entropy), 6)}`;
  }
};

// src/detect/checksums/gitlab-routable.ts
var gitlabRoutable = {
  name: "gitlab-routable",
  // Legacy tokens pass without a checksum.
  proves: (secret) => secret.includes("."),
  validate(secret) {
    const m = /^(.+)\.([0-9a-z]{2})\.([0-9a-z]{2})([0-9a-z]{7})$/.exec(secret);
    if (!m) return !secret.includes(".");
    const [, head, , length, crc] = m;
    const payloadLength = parseInt(length, 36);
    if (payloadLength <= 0 || payloadLength >= head.length || !/^[A-Za-z0-9_-]+$/.test(head.slice(-payloadLength))) return false;
    return crc32(secret.slice(0, -7)).toString(36).padStart(7, "0") === crc;
  },
  generate(random, prefix2) {
    const routing = `o:${randomString(random, "0123456789abcdefghijklmnopqrstuvwxyz", 4)}
u:${randomString(random, "0123456789abcdefghijklmnopqrstuvwxyz", 3)}`;
    const bytes = [];
    for (let i = 0; i < 16; i++) bytes.push(Math.floor(random() * 256));
    for (const ch of routing) bytes.push(ch.charCodeAt(0));
    bytes.push(routing.length);
    const payload = Buffer.from(bytes).toString("base64url");
    const head = `${prefix2}${payload}.01.${payload.length.toString(36).padStart(2, "0")}`;
    return `${head}${crc32(head).toString(36).padStart(7, "0")}`;
  }
};

// src/detect/checksums/atlassian-crc32.ts
var BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
var HEX = "0123456789abcdef";
function checksum(text) {
  return crc32(text).toString(16).toUpperCase().padStart(8, "0");
}
var atlassianCrc32 = {
  name: "atlassian-crc32",
  proves: () => true,
  validate(secret) {
    if (secret.length <= 8) return false;
    const sum = secret.slice(-8);
    if (!/^[0-9A-F]{8}$/.test(sum)) return false;
    return checksum(secret.slice(0, -8)) === sum;
  },
  generate(random, prefix2) {
    const body = prefix2 === "ATTA" ? `${prefix2}${randomString(random, HEX, 64)}` : `${prefix2}${randomString(random, BASE64URL, Math.max(0, 183 - prefix2.length))}=`;
    return `${body}${checksum(body)}`;
  }
};

// src/detect/checksums/atlassian-dc-pat.ts
var DIGITS = "0123456789";
var atlassianDcPat = {
  name: "atlassian-dc-pat",
  validate(secret) {
    const body = secret.slice(secret.lastIndexOf("-") + 1);
    if (!/^[A-Za-z0-9+/]{44}$/.test(body)) return false;
    const bytes = Buffer.from(body, "base64");
    if (bytes.length !== 33 || bytes[12] !== 58) return false;
    for (let i = 0; i < 12; i++) if (bytes[i] < 48 || bytes[i] > 57) return false;
    return true;
  },
  generate(random, prefix2) {
    const bytes = Buffer.alloc(33);
    for (let i = 0; i < 12; i++) bytes[i] = DIGITS.charCodeAt(Math.floor(random() * 10));
    bytes[12] = 58;
    for (let i = 13; i < 33; i++) bytes[i] = Math.floor(random() * 256);
    return `${prefix2}${bytes.toString("base64")}`;
  }
};

// src/detect/checksums/bech32.ts
var CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
var GENERATOR = [996825010, 642813549, 513874426, 1027748829, 705979059];
function polymod(values) {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = (chk & 33554431) << 5 ^ value;
    for (let i = 0; i < 5; i++) if (top >>> i & 1) chk ^= GENERATOR[i];
  }
  return chk >>> 0;
}
function hrpExpand(hrp) {
  const out = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >>> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}
var bech32 = {
  name: "bech32",
  proves: () => true,
  validate(secret) {
    if (secret !== secret.toLowerCase() && secret !== secret.toUpperCase()) return false;
    const lower = secret.toLowerCase();
    const separator = lower.lastIndexOf("1");
    if (separator < 1 || lower.length - separator - 1 < 6) return false;
    const hrp = lower.slice(0, separator);
    for (let i = 0; i < hrp.length; i++) {
      const code = hrp.charCodeAt(i);
      if (code < 33 || code > 126) return false;
    }
    const data = [];
    for (const char of lower.slice(separator + 1)) {
      const value = CHARSET.indexOf(char);
      if (value < 0) return false;
      data.push(value);
    }
    return polymod([...hrpExpand(hrp), ...data]) === 1;
  },
  generate(random, prefix2) {
    const lower = prefix2.toLowerCase();
    const hrp = lower.endsWith("1") ? lower.slice(0, -1) : lower;
    const data = [];
    for (let i = 0; i < 52; i++) data.push(Math.floor(random() * 32));
    const mod = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
    for (let i = 0; i < 6; i++) data.push(mod >>> 5 * (5 - i) & 31);
    const out = `${hrp}1${data.map((v) => CHARSET[v]).join("")}`;
    return prefix2 === prefix2.toLowerCase() ? out : out.toUpperCase();
  }
};

// src/detect/checksums/discord-bot-token.ts
var B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
var DISCORD_EPOCH = 14200704e5;
var YEAR_2100 = 41024448e5;
function decodeBase64Url(text) {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const ch of text) {
    const v = B64URL.indexOf(ch === "+" ? "-" : ch === "/" ? "_" : ch);
    if (v < 0) return void 0;
    value = value << 6 | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode(value >> bits & 255);
    }
  }
  return out;
}
function encodeBase64Url(text) {
  let out = "";
  let bits = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    value = (value << 8 | text.charCodeAt(i)) & 65535;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += B64URL[value >> bits & 63];
    }
  }
  if (bits > 0) out += B64URL[value << 6 - bits & 63];
  return out;
}
var discordBotToken = {
  name: "discord-bot-token",
  validate(secret) {
    const first = secret.slice(0, secret.indexOf("."));
    if (first.length < 20) return false;
    const id = decodeBase64Url(first.replace(/=+$/, ""));
    if (id === void 0 || !/^[1-9][0-9]{16,19}$/.test(id)) return false;
    const ms = Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
    return ms > DISCORD_EPOCH && ms < YEAR_2100;
  },
  generate(random, prefix2) {
    const ms = BigInt(Math.floor(1e11 + random() * 25e10));
    const id = (ms << 22n | BigInt(Math.floor(random() * 4194304))).toString();
    const pick = (n) => {
      let s = "";
      for (let i = 0; i < n; i++) s += B64URL[Math.floor(random() * 64)];
      return s;
    };
    return `${prefix2}${encodeBase64Url(id)}.${pick(6)}.${pick(38)}`;
  }
};

// src/detect/checksums/grafana-crc32.ts
var SHAPE = /^gl([a-z]{1,8})_([A-Za-z0-9]{32})_([0-9a-f]{8})$/;
function checksum2(key) {
  const c = crc32(key);
  let out = "";
  for (let i = 0; i < 4; i++) out += (c >>> 8 * i & 255).toString(16).padStart(2, "0");
  return out;
}
var grafanaCrc32 = {
  name: "grafana-crc32",
  proves: () => true,
  validate(secret) {
    const m = SHAPE.exec(secret);
    if (!m) return false;
    return checksum2(`gl${m[1]}_${m[2]}`) === m[3];
  },
  generate(random, prefix2) {
    const key = `${prefix2}${randomString(random, BASE62, 32)}`;
    return `${key}_${checksum2(key)}`;
  }
};

// src/detect/checksums/index.ts
var CHECKSUMS = new Map(
  [githubCrc32, gitlabRoutable, basicAuthBase64, atlassianDcPat, atlassianCrc32, bech32, discordBotToken, grafanaCrc32].map((validator) => [validator.name, validator])
);

// node_modules/@eslint-community/regexpp/index.mjs
var latestEcmaVersion = 2025;
var largeIdStartRanges = void 0;
var largeIdContinueRanges = void 0;
function isIdStart(cp) {
  if (cp < 65)
    return false;
  if (cp < 91)
    return true;
  if (cp < 97)
    return false;
  if (cp < 123)
    return true;
  return isLargeIdStart(cp);
}
function isIdContinue(cp) {
  if (cp < 48)
    return false;
  if (cp < 58)
    return true;
  if (cp < 65)
    return false;
  if (cp < 91)
    return true;
  if (cp === 95)
    return true;
  if (cp < 97)
    return false;
  if (cp < 123)
    return true;
  return isLargeIdStart(cp) || isLargeIdContinue(cp);
}
function isLargeIdStart(cp) {
  return isInRange(cp, largeIdStartRanges !== null && largeIdStartRanges !== void 0 ? largeIdStartRanges : largeIdStartRanges = initLargeIdStartRanges());
}
function isLargeIdContinue(cp) {
  return isInRange(cp, largeIdContinueRanges !== null && largeIdContinueRanges !== void 0 ? largeIdContinueRanges : largeIdContinueRanges = initLargeIdContinueRanges());
}
function initLargeIdStartRanges() {
  return restoreRanges("4q 0 b 0 5 0 6 m 2 u 2 cp 5 b f 4 8 0 2 0 3m 4 2 1 3 3 2 0 7 0 2 2 2 0 2 j 2 2a 2 3u 9 4l 2 11 2 1 7 14 3 1 1w q 5 3 1a 16 10 1 2 2q 2 0 g 1 8 1 b 2 3 0 h 0 2 t u 2g c 0 p w a 1 5 0 6 l 5 0 a 0 4 0 o o 8 a 6 n 2 6 h 15 1n 1h 4 0 j 0 8 9 g f 5 7 3 1 3 l 2 6 2 0 4 3 4 0 h 0 e 1 2 2 f 1 b 0 9 5 5 1 3 l 2 6 2 1 2 1 2 1 w 3 2 0 k 2 h 8 2 2 2 l 2 6 2 1 2 4 4 0 j 0 g 1 o 0 c 7 3 1 3 l 2 6 2 1 2 4 4 0 v 1 2 2 g 0 i 0 2 5 4 2 2 3 4 1 2 0 2 1 4 1 4 2 4 b n 0 1h 7 2 2 2 m 2 f 4 0 r 2 2 1 3 1 v 0 5 7 2 2 2 m 2 9 2 4 4 0 v 2 2 1 g 1 i 8 2 2 2 14 3 0 h 0 6 2 9 2 p 5 6 h 4 n 2 8 2 0 3 6 1n 1b 2 1 d 6 1n 1 2 0 2 4 2 n 2 0 2 9 2 1 a 0 3 4 2 0 m 3 x 0 1s 7 2 z s 4 38 16 l 0 h 5 5 3 4 0 4 1 8 2 5 c d 0 i 11 2 0 6 0 3 16 2 98 2 3 3 6 2 0 2 3 3 14 2 3 3 w 2 3 3 6 2 0 2 3 3 e 2 1k 2 3 3 1u 12 f h 2d 3 5 4 h7 3 g 2 p 6 22 4 a 8 h e i f h f c 2 2 g 1f 10 0 5 0 1w 2g 8 14 2 0 6 1x b u 1e t 3 4 c 17 5 p 1j m a 1g 2b 0 2m 1a i 7 1j t e 1 b 17 r z 16 2 b z 3 a 6 16 3 2 16 3 2 5 2 1 4 0 6 5b 1t 7p 3 5 3 11 3 5 3 7 2 0 2 0 2 0 2 u 3 1g 2 6 2 0 4 2 2 6 4 3 3 5 5 c 6 2 2 6 39 0 e 0 g g 2r 0 5 0 3 9 2 0 3 5 7 0 2 0 2 0 2 f 3 3 6 4 5 0 i 14 22g 6c 7 3 4 1 d 11 2 0 6 0 3 1j 8 0 h m a 6 2 6 2 6 2 6 2 6 2 6 2 6 2 6 fb 2 q 8 8 4 3 4 5 2d 5 4 2 2h 2 3 6 16 2 2l i v 1d f e9 533 1t h3g 1w 19 3 7g 4 f b 1 l 1a h u 3 27 14 8 3 2u 3 2a 5 0 f g 2 2 2 3 2 m u 1f f 1d 1r 5 4 0 2 1 c r b m q s 8 1a t 0 h 4 2 9 b 4 2 14 o 2 2 7 l m 4 0 4 1d 2 0 4 1 3 4 3 0 2 0 p 2 3 a 8 2 d 5 3 5 3 5 a 6 2 6 2 16 2 d 3 1 3 36 u 8mb d m 5 1c 6it a5 3 2x 13 6 d 4 6 0 2 9 2 c 2 4 2 0 2 1 2 1 2 2z y a2 j 1r 3 1h 15 b 39 4 2 3q 11 p 7 p c 2g 4 5 3 5 3 5 3 2 10 b 2 p 2 i 2 1 2 e 3 d z 3e 1y 1g 7g s 4 1c 1c v e t 6 11 b t 3 z 5 7 2 4 17 4d j z 5 z 5 13 9 1f d a 2 e 2 6 2 1 2 a 2 e 2 6 2 1 4 1f d 8m a l b 7 p 5 2 15 2 d 1t 5 3 0 2 17 2 1 4 0 3 m b m a u 1u i 2 1 b l b p 7 p 13 1j 7 1 1t 0 g 3 2 2 2 s 17 s 4 s 10 7 2 r s 1h b l b i e h 33 20 1k 1e e 1e e z 13 r a m 6z 15 7 1 h 5 i l i s b 0 9 l 17 h 1b k s m d 1g 1m 1 3 0 e 18 x o r z u 0 3 0 9 y 4 0 d 1b f 3 m 0 2 0 10 h 2 o k 1 1s 6 2 0 2 3 2 e 2 9 8 1a 13 7 3 1 3 l 2 6 2 1 2 4 4 0 j 0 d 4 v 9 2 0 3 0 2 11 2 0 q 0 2 0 19 1g j 3 l 2 v 1b l 1 2 0 55 1a 16 3 11 1b l 0 1o 16 e 0 20 q 12 6 56 17 39 1r w 7 3 0 3 7 2 1 2 n g 0 2 0 2n 7 3 12 h 0 2 0 t 0 b 13 8 0 m 0 c 19 k 0 j 20 i 0 52 w w 8 2 10 i 0 1e t 35 6 2 1 2 11 m 0 q 5 2 1 2 v f 0 o 17 m 0 6n i g 0 2 c 2 x 3h 0 28 pl 2v 33 6 5q d 8m 1sa 2o g tr i 5 q 32y 6 g6 5a2 t 1cz fs 8 u i 26 i t j 1b h 3 w k 6 i c1 18 5w 1r x o 3 o 19 22 6 0 1v c 1t 1 2 0 f 4 a 5p6 11 x 2o 36 e pd f 1e 5y6 3 2 6 2 1 2 88 a 0 u 2 3 0 f 4 8 az 1s5 2y 6 c 4 8 8 9 4mf 2c 2 1y 2 1 3 0 3 1 3 3 2 b 2 0 2 6 2 1s 2 3 3 7 2 6 2 r 2 3 2 4 2 0 4 6 2 9g 2 o 2 o 2 u 2 o 2 u 2 o 2 u 2 o 2 u 2 o 2 7 1f9 3l f 6 1j 1e 1d 1p 43 18 b 6 h 0 8y t j 17 dh r 6d t 3 0 5s u 2 2 2 1 2 6 3 4 a 1 69 6 2 3 2 1 2 e 2 5g 1o 1v 8 0 xh 3 2 q 2 1 2 0 3 0 2 9 2 3 2 0 2 0 7 0 5 0 2 0 2 0 2 2 2 1 2 0 3 0 2 0 2 0 2 0 2 0 2 1 2 0 3 3 2 6 2 3 2 3 2 0 2 9 2 g 6 2 2 4 2 g 3et wyn x 3dq 2 4gd 3 5rk g h9 1wj f1 15v 3t6 6 6jt upz 8qn");
}
function initLargeIdContinueRanges() {
  return restoreRanges("53 0 g9 33 o 0 70 4 7e 18 2 0 2 1 2 1 2 2 1z a 1d u 7 0 2u 6 3 5 3 1 2 3 3 9 o 0 v q 2k a g 9 y 8 a 0 p 3 2 8 2 2 2 4 18 2 1o 8 17 n 2 w 1j 2 2 h 2 6 b 1 3 9 i 2 1l 0 2 6 3 1 3 2 a 0 b 1 3 9 f 0 3 2 1l 0 2 4 5 1 3 2 4 0 l b 4 0 c 2 1l 0 2 7 2 2 2 2 l 1 3 9 b 5 2 2 1l 0 2 6 3 1 3 2 6 4 b 1 3 9 j 0 1o 4 4 2 2 3 a 0 f 9 h 4 1k 0 2 6 2 2 2 3 8 1 c 1 3 9 i 2 1l 0 2 6 2 2 2 3 8 1 c 1 3 9 4 0 d 3 1k 1 2 6 2 2 2 3 a 0 b 1 3 9 i 2 1z 0 5 5 2 0 2 7 7 9 3 1 1q 0 3 6 d 7 2 9 2g 0 3 8 c 6 2 9 1r 1 7 9 c 0 2 0 2 0 5 1 1e j 2 1 6 a 2 z a 0 2t j 2 9 d 3 5 2 2 2 3 6 4 3 e b 2 e jk 2 a 8 pt 3 t 2 u 1 v 1 1t v a 0 3 9 y 2 2 a 40 0 3b b 5 b b 9 3l a 1p 4 1m 9 2 s 3 a 7 9 n d 2 1d g 4 1c g c 9 i 8 d 2 v c 3 9 19 d 1d j 9 9 7 9 3b 2 2 k 5 0 7 0 3 2 5j 1r el 1 1e 1 k 0 3g c 5 0 4 b 2db 2 3y 0 2p v ff 5 2y 1 2p 0 n51 9 1y 0 5 9 x 1 29 1 7l 0 4 0 5 0 o 4 5 0 2c 1 1f h b 9 7 h e a t 7 q c 19 3 1c d g 9 c 0 b 9 1c d d 0 9 1 3 9 y 2 1f 0 2 2 3 1 6 1 2 0 16 4 6 1 6l 7 2 1 3 9 fmt 0 ki f h f 4 1 p 2 5d 9 12 0 12 0 ig 0 6b 0 46 4 86 9 120 2 2 1 6 3 15 2 5 0 4m 1 fy 3 9 9 7 9 w 4 8u 1 v 4 x f 1z a 1e 3 3f 2 1i e w a 3 1 b 3 1a a 8 0 1a 9 7 2 11 d 2 9 6 1 19 0 d 2 1d d 9 3 2 b 2b b 7 0 3 0 4e b 6 9 7 3 1k 1 2 6 3 1 3 2 a 0 b 1 3 6 4 4 1w 8 2 0 3 0 2 3 2 4 2 0 f 1 2b h a 9 5 0 2a j d 9 5y 6 3 8 s 1 2b g g 9 2a c 9 9 7 j 1m e 5 9 6r e 4m 9 1z 5 2 1 3 3 2 0 2 1 d 9 3c 6 3 6 4 0 t 9 15 6 2 3 9 0 a a 1b f 5j 7 3t 9 1i 7 2 7 h 9 1l l 2 d 3f 5 4 0 2 1 2 6 2 0 9 9 1d 4 2 1 2 4 9 9 1j 9 7 0 77 3 a 1 2 0 1d 6 4 4 e a 44m 0 7 e 8uh r 1t3 9 2f 9 13 4 1o 6 q 9 ev 9 d2 0 2 1i 8 3 2a 0 c 1 f58 1 382 9 ef 19 3 m dd 1 1p 4 4 5 9 7 3 6 v 3 45 2 c 2 9 1 3 0 x 1 11p 1d e9 1i 5 1d 9 0 f 0 n 4 2 e 11t 6 2 g 3 6 2 1 2 4 2t 0 4h 6 a 9 9x 0 1q d dv d 6t 1 2 9 6h 0 3 0 8 1 6 0 d7 6 32 6 6 9 3o7 9 gvt3 6n");
}
function isInRange(cp, ranges) {
  let l = 0, r = ranges.length / 2 | 0, i = 0, min = 0, max = 0;
  while (l < r) {
    i = (l + r) / 2 | 0;
    min = ranges[2 * i];
    max = ranges[2 * i + 1];
    if (cp < min) {
      r = i;
    } else if (cp > max) {
      l = i + 1;
    } else {
      return true;
    }
  }
  return false;
}
function restoreRanges(data) {
  let last = 0;
  return data.split(" ").map((s) => last += parseInt(s, 36) | 0);
}
var DataSet = class {
  constructor(raw2018, raw2019, raw2020, raw2021, raw2022, raw2023, raw2024, raw2025, raw2026) {
    this._raw2018 = raw2018;
    this._raw2019 = raw2019;
    this._raw2020 = raw2020;
    this._raw2021 = raw2021;
    this._raw2022 = raw2022;
    this._raw2023 = raw2023;
    this._raw2024 = raw2024;
    this._raw2025 = raw2025;
    this._raw2026 = raw2026;
  }
  get es2018() {
    var _a;
    return (_a = this._set2018) !== null && _a !== void 0 ? _a : this._set2018 = new Set(this._raw2018.split(" "));
  }
  get es2019() {
    var _a;
    return (_a = this._set2019) !== null && _a !== void 0 ? _a : this._set2019 = new Set(this._raw2019.split(" "));
  }
  get es2020() {
    var _a;
    return (_a = this._set2020) !== null && _a !== void 0 ? _a : this._set2020 = new Set(this._raw2020.split(" "));
  }
  get es2021() {
    var _a;
    return (_a = this._set2021) !== null && _a !== void 0 ? _a : this._set2021 = new Set(this._raw2021.split(" "));
  }
  get es2022() {
    var _a;
    return (_a = this._set2022) !== null && _a !== void 0 ? _a : this._set2022 = new Set(this._raw2022.split(" "));
  }
  get es2023() {
    var _a;
    return (_a = this._set2023) !== null && _a !== void 0 ? _a : this._set2023 = new Set(this._raw2023.split(" "));
  }
  get es2024() {
    var _a;
    return (_a = this._set2024) !== null && _a !== void 0 ? _a : this._set2024 = new Set(this._raw2024.split(" "));
  }
  get es2025() {
    var _a;
    return (_a = this._set2025) !== null && _a !== void 0 ? _a : this._set2025 = new Set(this._raw2025.split(" "));
  }
  get es2026() {
    var _a;
    return (_a = this._set2026) !== null && _a !== void 0 ? _a : this._set2026 = new Set(this._raw2026.split(" "));
  }
};
var gcNameSet = /* @__PURE__ */ new Set(["General_Category", "gc"]);
var scNameSet = /* @__PURE__ */ new Set(["Script", "Script_Extensions", "sc", "scx"]);
var gcValueSets = new DataSet("C Cased_Letter Cc Cf Close_Punctuation Cn Co Combining_Mark Connector_Punctuation Control Cs Currency_Symbol Dash_Punctuation Decimal_Number Enclosing_Mark Final_Punctuation Format Initial_Punctuation L LC Letter Letter_Number Line_Separator Ll Lm Lo Lowercase_Letter Lt Lu M Mark Math_Symbol Mc Me Mn Modifier_Letter Modifier_Symbol N Nd Nl No Nonspacing_Mark Number Open_Punctuation Other Other_Letter Other_Number Other_Punctuation Other_Symbol P Paragraph_Separator Pc Pd Pe Pf Pi Po Private_Use Ps Punctuation S Sc Separator Sk Sm So Space_Separator Spacing_Mark Surrogate Symbol Titlecase_Letter Unassigned Uppercase_Letter Z Zl Zp Zs cntrl digit punct", "", "", "", "", "", "", "", "");
var scValueSets = new DataSet("Adlam Adlm Aghb Ahom Anatolian_Hieroglyphs Arab Arabic Armenian Armi Armn Avestan Avst Bali Balinese Bamu Bamum Bass Bassa_Vah Batak Batk Beng Bengali Bhaiksuki Bhks Bopo Bopomofo Brah Brahmi Brai Braille Bugi Buginese Buhd Buhid Cakm Canadian_Aboriginal Cans Cari Carian Caucasian_Albanian Chakma Cham Cher Cherokee Common Copt Coptic Cprt Cuneiform Cypriot Cyrillic Cyrl Deseret Deva Devanagari Dsrt Dupl Duployan Egyp Egyptian_Hieroglyphs Elba Elbasan Ethi Ethiopic Geor Georgian Glag Glagolitic Gonm Goth Gothic Gran Grantha Greek Grek Gujarati Gujr Gurmukhi Guru Han Hang Hangul Hani Hano Hanunoo Hatr Hatran Hebr Hebrew Hira Hiragana Hluw Hmng Hung Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Ital Java Javanese Kaithi Kali Kana Kannada Katakana Kayah_Li Khar Kharoshthi Khmer Khmr Khoj Khojki Khudawadi Knda Kthi Lana Lao Laoo Latin Latn Lepc Lepcha Limb Limbu Lina Linb Linear_A Linear_B Lisu Lyci Lycian Lydi Lydian Mahajani Mahj Malayalam Mand Mandaic Mani Manichaean Marc Marchen Masaram_Gondi Meetei_Mayek Mend Mende_Kikakui Merc Mero Meroitic_Cursive Meroitic_Hieroglyphs Miao Mlym Modi Mong Mongolian Mro Mroo Mtei Mult Multani Myanmar Mymr Nabataean Narb Nbat New_Tai_Lue Newa Nko Nkoo Nshu Nushu Ogam Ogham Ol_Chiki Olck Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_South_Arabian Old_Turkic Oriya Orkh Orya Osage Osge Osma Osmanya Pahawh_Hmong Palm Palmyrene Pau_Cin_Hau Pauc Perm Phag Phags_Pa Phli Phlp Phnx Phoenician Plrd Prti Psalter_Pahlavi Qaac Qaai Rejang Rjng Runic Runr Samaritan Samr Sarb Saur Saurashtra Sgnw Sharada Shavian Shaw Shrd Sidd Siddham SignWriting Sind Sinh Sinhala Sora Sora_Sompeng Soyo Soyombo Sund Sundanese Sylo Syloti_Nagri Syrc Syriac Tagalog Tagb Tagbanwa Tai_Le Tai_Tham Tai_Viet Takr Takri Tale Talu Tamil Taml Tang Tangut Tavt Telu Telugu Tfng Tglg Thaa Thaana Thai Tibetan Tibt Tifinagh Tirh Tirhuta Ugar Ugaritic Vai Vaii Wara Warang_Citi Xpeo Xsux Yi Yiii Zanabazar_Square Zanb Zinh Zyyy", "Dogr Dogra Gong Gunjala_Gondi Hanifi_Rohingya Maka Makasar Medefaidrin Medf Old_Sogdian Rohg Sogd Sogdian Sogo", "Elym Elymaic Hmnp Nand Nandinagari Nyiakeng_Puachue_Hmong Wancho Wcho", "Chorasmian Chrs Diak Dives_Akuru Khitan_Small_Script Kits Yezi Yezidi", "Cpmn Cypro_Minoan Old_Uyghur Ougr Tangsa Tnsa Toto Vith Vithkuqi", "Berf Beria_Erfe Gara Garay Gukh Gurung_Khema Hrkt Jurc Jurchen Katakana_Or_Hiragana Kawi Kirat_Rai Krai Nag_Mundari Nagm Ol_Onal Onao Pcun Proto_Cuneiform Seal Sidetic Sidt Sunu Sunuwar Tai_Yo Tayo Todhri Todr Tolong_Siki Tols Tulu_Tigalari Tutg Unknown Zzzz", "", "", "");
var binPropertySets = new DataSet("AHex ASCII ASCII_Hex_Digit Alpha Alphabetic Any Assigned Bidi_C Bidi_Control Bidi_M Bidi_Mirrored CI CWCF CWCM CWKCF CWL CWT CWU Case_Ignorable Cased Changes_When_Casefolded Changes_When_Casemapped Changes_When_Lowercased Changes_When_NFKC_Casefolded Changes_When_Titlecased Changes_When_Uppercased DI Dash Default_Ignorable_Code_Point Dep Deprecated Dia Diacritic Emoji Emoji_Component Emoji_Modifier Emoji_Modifier_Base Emoji_Presentation Ext Extender Gr_Base Gr_Ext Grapheme_Base Grapheme_Extend Hex Hex_Digit IDC IDS IDSB IDST IDS_Binary_Operator IDS_Trinary_Operator ID_Continue ID_Start Ideo Ideographic Join_C Join_Control LOE Logical_Order_Exception Lower Lowercase Math NChar Noncharacter_Code_Point Pat_Syn Pat_WS Pattern_Syntax Pattern_White_Space QMark Quotation_Mark RI Radical Regional_Indicator SD STerm Sentence_Terminal Soft_Dotted Term Terminal_Punctuation UIdeo Unified_Ideograph Upper Uppercase VS Variation_Selector White_Space XIDC XIDS XID_Continue XID_Start space", "Extended_Pictographic", "", "EBase EComp EMod EPres ExtPict", "", "", "", "", "");
var binPropertyOfStringsSets = new DataSet("", "", "", "", "", "", "Basic_Emoji Emoji_Keycap_Sequence RGI_Emoji RGI_Emoji_Flag_Sequence RGI_Emoji_Modifier_Sequence RGI_Emoji_Tag_Sequence RGI_Emoji_ZWJ_Sequence", "", "");
function isValidUnicodeProperty(version, name, value) {
  if (gcNameSet.has(name)) {
    return version >= 2018 && gcValueSets.es2018.has(value);
  }
  if (scNameSet.has(name)) {
    return version >= 2018 && scValueSets.es2018.has(value) || version >= 2019 && scValueSets.es2019.has(value) || version >= 2020 && scValueSets.es2020.has(value) || version >= 2021 && scValueSets.es2021.has(value) || version >= 2022 && scValueSets.es2022.has(value) || version >= 2023 && scValueSets.es2023.has(value);
  }
  return false;
}
function isValidLoneUnicodeProperty(version, value) {
  return version >= 2018 && binPropertySets.es2018.has(value) || version >= 2019 && binPropertySets.es2019.has(value) || version >= 2021 && binPropertySets.es2021.has(value);
}
function isValidLoneUnicodePropertyOfString(version, value) {
  return version >= 2024 && binPropertyOfStringsSets.es2024.has(value);
}
var BACKSPACE = 8;
var CHARACTER_TABULATION = 9;
var LINE_FEED = 10;
var LINE_TABULATION = 11;
var FORM_FEED = 12;
var CARRIAGE_RETURN = 13;
var EXCLAMATION_MARK = 33;
var NUMBER_SIGN = 35;
var DOLLAR_SIGN = 36;
var PERCENT_SIGN = 37;
var AMPERSAND = 38;
var LEFT_PARENTHESIS = 40;
var RIGHT_PARENTHESIS = 41;
var ASTERISK = 42;
var PLUS_SIGN = 43;
var COMMA = 44;
var HYPHEN_MINUS = 45;
var FULL_STOP = 46;
var SOLIDUS = 47;
var DIGIT_ZERO = 48;
var DIGIT_ONE = 49;
var DIGIT_SEVEN = 55;
var DIGIT_NINE = 57;
var COLON = 58;
var SEMICOLON = 59;
var LESS_THAN_SIGN = 60;
var EQUALS_SIGN = 61;
var GREATER_THAN_SIGN = 62;
var QUESTION_MARK = 63;
var COMMERCIAL_AT = 64;
var LATIN_CAPITAL_LETTER_A = 65;
var LATIN_CAPITAL_LETTER_B = 66;
var LATIN_CAPITAL_LETTER_D = 68;
var LATIN_CAPITAL_LETTER_F = 70;
var LATIN_CAPITAL_LETTER_P = 80;
var LATIN_CAPITAL_LETTER_S = 83;
var LATIN_CAPITAL_LETTER_W = 87;
var LATIN_CAPITAL_LETTER_Z = 90;
var LOW_LINE = 95;
var LATIN_SMALL_LETTER_A = 97;
var LATIN_SMALL_LETTER_B = 98;
var LATIN_SMALL_LETTER_C = 99;
var LATIN_SMALL_LETTER_D = 100;
var LATIN_SMALL_LETTER_F = 102;
var LATIN_SMALL_LETTER_G = 103;
var LATIN_SMALL_LETTER_I = 105;
var LATIN_SMALL_LETTER_K = 107;
var LATIN_SMALL_LETTER_M = 109;
var LATIN_SMALL_LETTER_N = 110;
var LATIN_SMALL_LETTER_P = 112;
var LATIN_SMALL_LETTER_Q = 113;
var LATIN_SMALL_LETTER_R = 114;
var LATIN_SMALL_LETTER_S = 115;
var LATIN_SMALL_LETTER_T = 116;
var LATIN_SMALL_LETTER_U = 117;
var LATIN_SMALL_LETTER_V = 118;
var LATIN_SMALL_LETTER_W = 119;
var LATIN_SMALL_LETTER_X = 120;
var LATIN_SMALL_LETTER_Y = 121;
var LATIN_SMALL_LETTER_Z = 122;
var LEFT_SQUARE_BRACKET = 91;
var REVERSE_SOLIDUS = 92;
var RIGHT_SQUARE_BRACKET = 93;
var CIRCUMFLEX_ACCENT = 94;
var GRAVE_ACCENT = 96;
var LEFT_CURLY_BRACKET = 123;
var VERTICAL_LINE = 124;
var RIGHT_CURLY_BRACKET = 125;
var TILDE = 126;
var ZERO_WIDTH_NON_JOINER = 8204;
var ZERO_WIDTH_JOINER = 8205;
var LINE_SEPARATOR = 8232;
var PARAGRAPH_SEPARATOR = 8233;
var MIN_CODE_POINT = 0;
var MAX_CODE_POINT = 1114111;
function isLatinLetter(code) {
  return code >= LATIN_CAPITAL_LETTER_A && code <= LATIN_CAPITAL_LETTER_Z || code >= LATIN_SMALL_LETTER_A && code <= LATIN_SMALL_LETTER_Z;
}
function isDecimalDigit(code) {
  return code >= DIGIT_ZERO && code <= DIGIT_NINE;
}
function isOctalDigit(code) {
  return code >= DIGIT_ZERO && code <= DIGIT_SEVEN;
}
function isHexDigit(code) {
  return code >= DIGIT_ZERO && code <= DIGIT_NINE || code >= LATIN_CAPITAL_LETTER_A && code <= LATIN_CAPITAL_LETTER_F || code >= LATIN_SMALL_LETTER_A && code <= LATIN_SMALL_LETTER_F;
}
function isLineTerminator(code) {
  return code === LINE_FEED || code === CARRIAGE_RETURN || code === LINE_SEPARATOR || code === PARAGRAPH_SEPARATOR;
}
function isValidUnicode(code) {
  return code >= MIN_CODE_POINT && code <= MAX_CODE_POINT;
}
function digitToInt(code) {
  if (code >= LATIN_SMALL_LETTER_A && code <= LATIN_SMALL_LETTER_F) {
    return code - LATIN_SMALL_LETTER_A + 10;
  }
  if (code >= LATIN_CAPITAL_LETTER_A && code <= LATIN_CAPITAL_LETTER_F) {
    return code - LATIN_CAPITAL_LETTER_A + 10;
  }
  return code - DIGIT_ZERO;
}
function isLeadSurrogate(code) {
  return code >= 55296 && code <= 56319;
}
function isTrailSurrogate(code) {
  return code >= 56320 && code <= 57343;
}
function combineSurrogatePair(lead, trail) {
  return (lead - 55296) * 1024 + (trail - 56320) + 65536;
}
var GroupSpecifiersAsES2018 = class {
  constructor() {
    this.groupName = /* @__PURE__ */ new Set();
  }
  clear() {
    this.groupName.clear();
  }
  isEmpty() {
    return !this.groupName.size;
  }
  hasInPattern(name) {
    return this.groupName.has(name);
  }
  hasInScope(name) {
    return this.hasInPattern(name);
  }
  addToScope(name) {
    this.groupName.add(name);
  }
  enterDisjunction() {
  }
  enterAlternative() {
  }
  leaveDisjunction() {
  }
};
var BranchID = class _BranchID {
  constructor(parent, base) {
    this.parent = parent;
    this.base = base !== null && base !== void 0 ? base : this;
  }
  separatedFrom(other) {
    var _a, _b;
    if (this.base === other.base && this !== other) {
      return true;
    }
    if (other.parent && this.separatedFrom(other.parent)) {
      return true;
    }
    return (_b = (_a = this.parent) === null || _a === void 0 ? void 0 : _a.separatedFrom(other)) !== null && _b !== void 0 ? _b : false;
  }
  child() {
    return new _BranchID(this, null);
  }
  sibling() {
    return new _BranchID(this.parent, this.base);
  }
};
var GroupSpecifiersAsES2025 = class {
  constructor() {
    this.branchID = new BranchID(null, null);
    this.groupNames = /* @__PURE__ */ new Map();
  }
  clear() {
    this.branchID = new BranchID(null, null);
    this.groupNames.clear();
  }
  isEmpty() {
    return !this.groupNames.size;
  }
  enterDisjunction() {
    this.branchID = this.branchID.child();
  }
  enterAlternative(index) {
    if (index === 0) {
      return;
    }
    this.branchID = this.branchID.sibling();
  }
  leaveDisjunction() {
    this.branchID = this.branchID.parent;
  }
  hasInPattern(name) {
    return this.groupNames.has(name);
  }
  hasInScope(name) {
    const branches = this.groupNames.get(name);
    if (!branches) {
      return false;
    }
    for (const branch of branches) {
      if (!branch.separatedFrom(this.branchID)) {
        return true;
      }
    }
    return false;
  }
  addToScope(name) {
    const branches = this.groupNames.get(name);
    if (branches) {
      branches.push(this.branchID);
      return;
    }
    this.groupNames.set(name, [this.branchID]);
  }
};
var legacyImpl = {
  at(s, end, i) {
    return i < end ? s.charCodeAt(i) : -1;
  },
  width(c) {
    return 1;
  }
};
var unicodeImpl = {
  at(s, end, i) {
    return i < end ? s.codePointAt(i) : -1;
  },
  width(c) {
    return c > 65535 ? 2 : 1;
  }
};
var Reader = class {
  constructor() {
    this._impl = legacyImpl;
    this._s = "";
    this._i = 0;
    this._end = 0;
    this._cp1 = -1;
    this._w1 = 1;
    this._cp2 = -1;
    this._w2 = 1;
    this._cp3 = -1;
    this._w3 = 1;
    this._cp4 = -1;
  }
  get source() {
    return this._s;
  }
  get index() {
    return this._i;
  }
  get currentCodePoint() {
    return this._cp1;
  }
  get nextCodePoint() {
    return this._cp2;
  }
  get nextCodePoint2() {
    return this._cp3;
  }
  get nextCodePoint3() {
    return this._cp4;
  }
  reset(source, start, end, uFlag) {
    this._impl = uFlag ? unicodeImpl : legacyImpl;
    this._s = source;
    this._end = end;
    this.rewind(start);
  }
  rewind(index) {
    const impl = this._impl;
    this._i = index;
    this._cp1 = impl.at(this._s, this._end, index);
    this._w1 = impl.width(this._cp1);
    this._cp2 = impl.at(this._s, this._end, index + this._w1);
    this._w2 = impl.width(this._cp2);
    this._cp3 = impl.at(this._s, this._end, index + this._w1 + this._w2);
    this._w3 = impl.width(this._cp3);
    this._cp4 = impl.at(this._s, this._end, index + this._w1 + this._w2 + this._w3);
  }
  advance() {
    if (this._cp1 !== -1) {
      const impl = this._impl;
      this._i += this._w1;
      this._cp1 = this._cp2;
      this._w1 = this._w2;
      this._cp2 = this._cp3;
      this._w2 = impl.width(this._cp2);
      this._cp3 = this._cp4;
      this._w3 = impl.width(this._cp3);
      this._cp4 = impl.at(this._s, this._end, this._i + this._w1 + this._w2 + this._w3);
    }
  }
  eat(cp) {
    if (this._cp1 === cp) {
      this.advance();
      return true;
    }
    return false;
  }
  eat2(cp1, cp2) {
    if (this._cp1 === cp1 && this._cp2 === cp2) {
      this.advance();
      this.advance();
      return true;
    }
    return false;
  }
  eat3(cp1, cp2, cp3) {
    if (this._cp1 === cp1 && this._cp2 === cp2 && this._cp3 === cp3) {
      this.advance();
      this.advance();
      this.advance();
      return true;
    }
    return false;
  }
};
var RegExpSyntaxError = class extends SyntaxError {
  constructor(message, index) {
    super(message);
    this.index = index;
  }
};
function newRegExpSyntaxError(srcCtx, flags, index, message) {
  let source = "";
  if (srcCtx.kind === "literal") {
    const literal2 = srcCtx.source.slice(srcCtx.start, srcCtx.end);
    if (literal2) {
      source = `: ${literal2}`;
    }
  } else if (srcCtx.kind === "pattern") {
    const pattern = srcCtx.source.slice(srcCtx.start, srcCtx.end);
    const flagsText = `${flags.unicode ? "u" : ""}${flags.unicodeSets ? "v" : ""}`;
    source = `: /${pattern}/${flagsText}`;
  }
  return new RegExpSyntaxError(`Invalid regular expression${source}: ${message}`, index);
}
var SYNTAX_CHARACTER = /* @__PURE__ */ new Set([
  CIRCUMFLEX_ACCENT,
  DOLLAR_SIGN,
  REVERSE_SOLIDUS,
  FULL_STOP,
  ASTERISK,
  PLUS_SIGN,
  QUESTION_MARK,
  LEFT_PARENTHESIS,
  RIGHT_PARENTHESIS,
  LEFT_SQUARE_BRACKET,
  RIGHT_SQUARE_BRACKET,
  LEFT_CURLY_BRACKET,
  RIGHT_CURLY_BRACKET,
  VERTICAL_LINE
]);
var CLASS_SET_RESERVED_DOUBLE_PUNCTUATOR_CHARACTER = /* @__PURE__ */ new Set([
  AMPERSAND,
  EXCLAMATION_MARK,
  NUMBER_SIGN,
  DOLLAR_SIGN,
  PERCENT_SIGN,
  ASTERISK,
  PLUS_SIGN,
  COMMA,
  FULL_STOP,
  COLON,
  SEMICOLON,
  LESS_THAN_SIGN,
  EQUALS_SIGN,
  GREATER_THAN_SIGN,
  QUESTION_MARK,
  COMMERCIAL_AT,
  CIRCUMFLEX_ACCENT,
  GRAVE_ACCENT,
  TILDE
]);
var CLASS_SET_SYNTAX_CHARACTER = /* @__PURE__ */ new Set([
  LEFT_PARENTHESIS,
  RIGHT_PARENTHESIS,
  LEFT_SQUARE_BRACKET,
  RIGHT_SQUARE_BRACKET,
  LEFT_CURLY_BRACKET,
  RIGHT_CURLY_BRACKET,
  SOLIDUS,
  HYPHEN_MINUS,
  REVERSE_SOLIDUS,
  VERTICAL_LINE
]);
var CLASS_SET_RESERVED_PUNCTUATOR = /* @__PURE__ */ new Set([
  AMPERSAND,
  HYPHEN_MINUS,
  EXCLAMATION_MARK,
  NUMBER_SIGN,
  PERCENT_SIGN,
  COMMA,
  COLON,
  SEMICOLON,
  LESS_THAN_SIGN,
  EQUALS_SIGN,
  GREATER_THAN_SIGN,
  COMMERCIAL_AT,
  GRAVE_ACCENT,
  TILDE
]);
var FLAG_PROP_TO_CODEPOINT = {
  global: LATIN_SMALL_LETTER_G,
  ignoreCase: LATIN_SMALL_LETTER_I,
  multiline: LATIN_SMALL_LETTER_M,
  unicode: LATIN_SMALL_LETTER_U,
  sticky: LATIN_SMALL_LETTER_Y,
  dotAll: LATIN_SMALL_LETTER_S,
  hasIndices: LATIN_SMALL_LETTER_D,
  unicodeSets: LATIN_SMALL_LETTER_V
};
var FLAG_CODEPOINT_TO_PROP = Object.fromEntries(Object.entries(FLAG_PROP_TO_CODEPOINT).map(([k, v]) => [v, k]));
function isSyntaxCharacter(cp) {
  return SYNTAX_CHARACTER.has(cp);
}
function isClassSetReservedDoublePunctuatorCharacter(cp) {
  return CLASS_SET_RESERVED_DOUBLE_PUNCTUATOR_CHARACTER.has(cp);
}
function isClassSetSyntaxCharacter(cp) {
  return CLASS_SET_SYNTAX_CHARACTER.has(cp);
}
function isClassSetReservedPunctuator(cp) {
  return CLASS_SET_RESERVED_PUNCTUATOR.has(cp);
}
function isIdentifierStartChar(cp) {
  return isIdStart(cp) || cp === DOLLAR_SIGN || cp === LOW_LINE;
}
function isIdentifierPartChar(cp) {
  return isIdContinue(cp) || cp === DOLLAR_SIGN || cp === ZERO_WIDTH_NON_JOINER || cp === ZERO_WIDTH_JOINER;
}
function isUnicodePropertyNameCharacter(cp) {
  return isLatinLetter(cp) || cp === LOW_LINE;
}
function isUnicodePropertyValueCharacter(cp) {
  return isUnicodePropertyNameCharacter(cp) || isDecimalDigit(cp);
}
function isRegularExpressionModifier(ch) {
  return ch === LATIN_SMALL_LETTER_I || ch === LATIN_SMALL_LETTER_M || ch === LATIN_SMALL_LETTER_S;
}
var RegExpValidator = class {
  constructor(options) {
    this._reader = new Reader();
    this._unicodeMode = false;
    this._unicodeSetsMode = false;
    this._nFlag = false;
    this._lastIntValue = 0;
    this._lastRange = {
      min: 0,
      max: Number.POSITIVE_INFINITY
    };
    this._lastStrValue = "";
    this._lastAssertionIsQuantifiable = false;
    this._numCapturingParens = 0;
    this._backreferenceNames = /* @__PURE__ */ new Set();
    this._srcCtx = null;
    this._options = options !== null && options !== void 0 ? options : {};
    this._groupSpecifiers = this.ecmaVersion >= 2025 ? new GroupSpecifiersAsES2025() : new GroupSpecifiersAsES2018();
  }
  validateLiteral(source, start = 0, end = source.length) {
    this._srcCtx = { source, start, end, kind: "literal" };
    this._unicodeSetsMode = this._unicodeMode = this._nFlag = false;
    this.reset(source, start, end);
    this.onLiteralEnter(start);
    if (this.eat(SOLIDUS) && this.eatRegExpBody() && this.eat(SOLIDUS)) {
      const flagStart = this.index;
      const unicode = source.includes("u", flagStart);
      const unicodeSets = source.includes("v", flagStart);
      this.validateFlagsInternal(source, flagStart, end);
      this.validatePatternInternal(source, start + 1, flagStart - 1, {
        unicode,
        unicodeSets
      });
    } else if (start >= end) {
      this.raise("Empty");
    } else {
      const c = String.fromCodePoint(this.currentCodePoint);
      this.raise(`Unexpected character '${c}'`);
    }
    this.onLiteralLeave(start, end);
  }
  validateFlags(source, start = 0, end = source.length) {
    this._srcCtx = { source, start, end, kind: "flags" };
    this.validateFlagsInternal(source, start, end);
  }
  validatePattern(source, start = 0, end = source.length, uFlagOrFlags = void 0) {
    this._srcCtx = { source, start, end, kind: "pattern" };
    this.validatePatternInternal(source, start, end, uFlagOrFlags);
  }
  validatePatternInternal(source, start = 0, end = source.length, uFlagOrFlags = void 0) {
    const mode = this._parseFlagsOptionToMode(uFlagOrFlags, end);
    this._unicodeMode = mode.unicodeMode;
    this._nFlag = mode.nFlag;
    this._unicodeSetsMode = mode.unicodeSetsMode;
    this.reset(source, start, end);
    this.consumePattern();
    if (!this._nFlag && this.ecmaVersion >= 2018 && !this._groupSpecifiers.isEmpty()) {
      this._nFlag = true;
      this.rewind(start);
      this.consumePattern();
    }
  }
  validateFlagsInternal(source, start, end) {
    const flags = this.parseFlags(source, start, end);
    this.onRegExpFlags(start, end, flags);
  }
  _parseFlagsOptionToMode(uFlagOrFlags, sourceEnd) {
    let unicode = false;
    let unicodeSets = false;
    if (uFlagOrFlags && this.ecmaVersion >= 2015) {
      if (typeof uFlagOrFlags === "object") {
        unicode = Boolean(uFlagOrFlags.unicode);
        if (this.ecmaVersion >= 2024) {
          unicodeSets = Boolean(uFlagOrFlags.unicodeSets);
        }
      } else {
        unicode = uFlagOrFlags;
      }
    }
    if (unicode && unicodeSets) {
      this.raise("Invalid regular expression flags", {
        index: sourceEnd + 1,
        unicode,
        unicodeSets
      });
    }
    const unicodeMode = unicode || unicodeSets;
    const nFlag = unicode && this.ecmaVersion >= 2018 || unicodeSets || Boolean(this._options.strict && this.ecmaVersion >= 2023);
    const unicodeSetsMode = unicodeSets;
    return { unicodeMode, nFlag, unicodeSetsMode };
  }
  get strict() {
    return Boolean(this._options.strict) || this._unicodeMode;
  }
  get ecmaVersion() {
    var _a;
    return (_a = this._options.ecmaVersion) !== null && _a !== void 0 ? _a : latestEcmaVersion;
  }
  onLiteralEnter(start) {
    if (this._options.onLiteralEnter) {
      this._options.onLiteralEnter(start);
    }
  }
  onLiteralLeave(start, end) {
    if (this._options.onLiteralLeave) {
      this._options.onLiteralLeave(start, end);
    }
  }
  onRegExpFlags(start, end, flags) {
    if (this._options.onRegExpFlags) {
      this._options.onRegExpFlags(start, end, flags);
    }
    if (this._options.onFlags) {
      this._options.onFlags(start, end, flags.global, flags.ignoreCase, flags.multiline, flags.unicode, flags.sticky, flags.dotAll, flags.hasIndices);
    }
  }
  onPatternEnter(start) {
    if (this._options.onPatternEnter) {
      this._options.onPatternEnter(start);
    }
  }
  onPatternLeave(start, end) {
    if (this._options.onPatternLeave) {
      this._options.onPatternLeave(start, end);
    }
  }
  onDisjunctionEnter(start) {
    if (this._options.onDisjunctionEnter) {
      this._options.onDisjunctionEnter(start);
    }
  }
  onDisjunctionLeave(start, end) {
    if (this._options.onDisjunctionLeave) {
      this._options.onDisjunctionLeave(start, end);
    }
  }
  onAlternativeEnter(start, index) {
    if (this._options.onAlternativeEnter) {
      this._options.onAlternativeEnter(start, index);
    }
  }
  onAlternativeLeave(start, end, index) {
    if (this._options.onAlternativeLeave) {
      this._options.onAlternativeLeave(start, end, index);
    }
  }
  onGroupEnter(start) {
    if (this._options.onGroupEnter) {
      this._options.onGroupEnter(start);
    }
  }
  onGroupLeave(start, end) {
    if (this._options.onGroupLeave) {
      this._options.onGroupLeave(start, end);
    }
  }
  onModifiersEnter(start) {
    if (this._options.onModifiersEnter) {
      this._options.onModifiersEnter(start);
    }
  }
  onModifiersLeave(start, end) {
    if (this._options.onModifiersLeave) {
      this._options.onModifiersLeave(start, end);
    }
  }
  onAddModifiers(start, end, flags) {
    if (this._options.onAddModifiers) {
      this._options.onAddModifiers(start, end, flags);
    }
  }
  onRemoveModifiers(start, end, flags) {
    if (this._options.onRemoveModifiers) {
      this._options.onRemoveModifiers(start, end, flags);
    }
  }
  onCapturingGroupEnter(start, name) {
    if (this._options.onCapturingGroupEnter) {
      this._options.onCapturingGroupEnter(start, name);
    }
  }
  onCapturingGroupLeave(start, end, name) {
    if (this._options.onCapturingGroupLeave) {
      this._options.onCapturingGroupLeave(start, end, name);
    }
  }
  onQuantifier(start, end, min, max, greedy) {
    if (this._options.onQuantifier) {
      this._options.onQuantifier(start, end, min, max, greedy);
    }
  }
  onLookaroundAssertionEnter(start, kind, negate) {
    if (this._options.onLookaroundAssertionEnter) {
      this._options.onLookaroundAssertionEnter(start, kind, negate);
    }
  }
  onLookaroundAssertionLeave(start, end, kind, negate) {
    if (this._options.onLookaroundAssertionLeave) {
      this._options.onLookaroundAssertionLeave(start, end, kind, negate);
    }
  }
  onEdgeAssertion(start, end, kind) {
    if (this._options.onEdgeAssertion) {
      this._options.onEdgeAssertion(start, end, kind);
    }
  }
  onWordBoundaryAssertion(start, end, kind, negate) {
    if (this._options.onWordBoundaryAssertion) {
      this._options.onWordBoundaryAssertion(start, end, kind, negate);
    }
  }
  onAnyCharacterSet(start, end, kind) {
    if (this._options.onAnyCharacterSet) {
      this._options.onAnyCharacterSet(start, end, kind);
    }
  }
  onEscapeCharacterSet(start, end, kind, negate) {
    if (this._options.onEscapeCharacterSet) {
      this._options.onEscapeCharacterSet(start, end, kind, negate);
    }
  }
  onUnicodePropertyCharacterSet(start, end, kind, key, value, negate, strings2) {
    if (this._options.onUnicodePropertyCharacterSet) {
      this._options.onUnicodePropertyCharacterSet(start, end, kind, key, value, negate, strings2);
    }
  }
  onCharacter(start, end, value) {
    if (this._options.onCharacter) {
      this._options.onCharacter(start, end, value);
    }
  }
  onBackreference(start, end, ref) {
    if (this._options.onBackreference) {
      this._options.onBackreference(start, end, ref);
    }
  }
  onCharacterClassEnter(start, negate, unicodeSets) {
    if (this._options.onCharacterClassEnter) {
      this._options.onCharacterClassEnter(start, negate, unicodeSets);
    }
  }
  onCharacterClassLeave(start, end, negate) {
    if (this._options.onCharacterClassLeave) {
      this._options.onCharacterClassLeave(start, end, negate);
    }
  }
  onCharacterClassRange(start, end, min, max) {
    if (this._options.onCharacterClassRange) {
      this._options.onCharacterClassRange(start, end, min, max);
    }
  }
  onClassIntersection(start, end) {
    if (this._options.onClassIntersection) {
      this._options.onClassIntersection(start, end);
    }
  }
  onClassSubtraction(start, end) {
    if (this._options.onClassSubtraction) {
      this._options.onClassSubtraction(start, end);
    }
  }
  onClassStringDisjunctionEnter(start) {
    if (this._options.onClassStringDisjunctionEnter) {
      this._options.onClassStringDisjunctionEnter(start);
    }
  }
  onClassStringDisjunctionLeave(start, end) {
    if (this._options.onClassStringDisjunctionLeave) {
      this._options.onClassStringDisjunctionLeave(start, end);
    }
  }
  onStringAlternativeEnter(start, index) {
    if (this._options.onStringAlternativeEnter) {
      this._options.onStringAlternativeEnter(start, index);
    }
  }
  onStringAlternativeLeave(start, end, index) {
    if (this._options.onStringAlternativeLeave) {
      this._options.onStringAlternativeLeave(start, end, index);
    }
  }
  get index() {
    return this._reader.index;
  }
  get currentCodePoint() {
    return this._reader.currentCodePoint;
  }
  get nextCodePoint() {
    return this._reader.nextCodePoint;
  }
  get nextCodePoint2() {
    return this._reader.nextCodePoint2;
  }
  get nextCodePoint3() {
    return this._reader.nextCodePoint3;
  }
  reset(source, start, end) {
    this._reader.reset(source, start, end, this._unicodeMode);
  }
  rewind(index) {
    this._reader.rewind(index);
  }
  advance() {
    this._reader.advance();
  }
  eat(cp) {
    return this._reader.eat(cp);
  }
  eat2(cp1, cp2) {
    return this._reader.eat2(cp1, cp2);
  }
  eat3(cp1, cp2, cp3) {
    return this._reader.eat3(cp1, cp2, cp3);
  }
  raise(message, context2) {
    var _a, _b, _c;
    throw newRegExpSyntaxError(this._srcCtx, {
      unicode: (_a = context2 === null || context2 === void 0 ? void 0 : context2.unicode) !== null && _a !== void 0 ? _a : this._unicodeMode && !this._unicodeSetsMode,
      unicodeSets: (_b = context2 === null || context2 === void 0 ? void 0 : context2.unicodeSets) !== null && _b !== void 0 ? _b : this._unicodeSetsMode
    }, (_c = context2 === null || context2 === void 0 ? void 0 : context2.index) !== null && _c !== void 0 ? _c : this.index, message);
  }
  eatRegExpBody() {
    const start = this.index;
    let inClass = false;
    let escaped = false;
    for (; ; ) {
      const cp = this.currentCodePoint;
      if (cp === -1 || isLineTerminator(cp)) {
        const kind = inClass ? "character class" : "regular expression";
        this.raise(`Unterminated ${kind}`);
      }
      if (escaped) {
        escaped = false;
      } else if (cp === REVERSE_SOLIDUS) {
        escaped = true;
      } else if (cp === LEFT_SQUARE_BRACKET) {
        inClass = true;
      } else if (cp === RIGHT_SQUARE_BRACKET) {
        inClass = false;
      } else if (cp === SOLIDUS && !inClass || cp === ASTERISK && this.index === start) {
        break;
      }
      this.advance();
    }
    return this.index !== start;
  }
  consumePattern() {
    const start = this.index;
    this._numCapturingParens = this.countCapturingParens();
    this._groupSpecifiers.clear();
    this._backreferenceNames.clear();
    this.onPatternEnter(start);
    this.consumeDisjunction();
    const cp = this.currentCodePoint;
    if (this.currentCodePoint !== -1) {
      if (cp === RIGHT_PARENTHESIS) {
        this.raise("Unmatched ')'");
      }
      if (cp === REVERSE_SOLIDUS) {
        this.raise("\\ at end of pattern");
      }
      if (cp === RIGHT_SQUARE_BRACKET || cp === RIGHT_CURLY_BRACKET) {
        this.raise("Lone quantifier brackets");
      }
      const c = String.fromCodePoint(cp);
      this.raise(`Unexpected character '${c}'`);
    }
    for (const name of this._backreferenceNames) {
      if (!this._groupSpecifiers.hasInPattern(name)) {
        this.raise("Invalid named capture referenced");
      }
    }
    this.onPatternLeave(start, this.index);
  }
  countCapturingParens() {
    const start = this.index;
    let inClass = false;
    let escaped = false;
    let count = 0;
    let cp = 0;
    while ((cp = this.currentCodePoint) !== -1) {
      if (escaped) {
        escaped = false;
      } else if (cp === REVERSE_SOLIDUS) {
        escaped = true;
      } else if (cp === LEFT_SQUARE_BRACKET) {
        inClass = true;
      } else if (cp === RIGHT_SQUARE_BRACKET) {
        inClass = false;
      } else if (cp === LEFT_PARENTHESIS && !inClass && (this.nextCodePoint !== QUESTION_MARK || this.nextCodePoint2 === LESS_THAN_SIGN && this.nextCodePoint3 !== EQUALS_SIGN && this.nextCodePoint3 !== EXCLAMATION_MARK)) {
        count += 1;
      }
      this.advance();
    }
    this.rewind(start);
    return count;
  }
  consumeDisjunction() {
    const start = this.index;
    let i = 0;
    this._groupSpecifiers.enterDisjunction();
    this.onDisjunctionEnter(start);
    do {
      this.consumeAlternative(i++);
    } while (this.eat(VERTICAL_LINE));
    if (this.consumeQuantifier(true)) {
      this.raise("Nothing to repeat");
    }
    if (this.eat(LEFT_CURLY_BRACKET)) {
      this.raise("Lone quantifier brackets");
    }
    this.onDisjunctionLeave(start, this.index);
    this._groupSpecifiers.leaveDisjunction();
  }
  consumeAlternative(i) {
    const start = this.index;
    this._groupSpecifiers.enterAlternative(i);
    this.onAlternativeEnter(start, i);
    while (this.currentCodePoint !== -1 && this.consumeTerm()) {
    }
    this.onAlternativeLeave(start, this.index, i);
  }
  consumeTerm() {
    if (this._unicodeMode || this.strict) {
      return this.consumeAssertion() || this.consumeAtom() && this.consumeOptionalQuantifier();
    }
    return this.consumeAssertion() && (!this._lastAssertionIsQuantifiable || this.consumeOptionalQuantifier()) || this.consumeExtendedAtom() && this.consumeOptionalQuantifier();
  }
  consumeOptionalQuantifier() {
    this.consumeQuantifier();
    return true;
  }
  consumeAssertion() {
    const start = this.index;
    this._lastAssertionIsQuantifiable = false;
    if (this.eat(CIRCUMFLEX_ACCENT)) {
      this.onEdgeAssertion(start, this.index, "start");
      return true;
    }
    if (this.eat(DOLLAR_SIGN)) {
      this.onEdgeAssertion(start, this.index, "end");
      return true;
    }
    if (this.eat2(REVERSE_SOLIDUS, LATIN_CAPITAL_LETTER_B)) {
      this.onWordBoundaryAssertion(start, this.index, "word", true);
      return true;
    }
    if (this.eat2(REVERSE_SOLIDUS, LATIN_SMALL_LETTER_B)) {
      this.onWordBoundaryAssertion(start, this.index, "word", false);
      return true;
    }
    if (this.eat2(LEFT_PARENTHESIS, QUESTION_MARK)) {
      const lookbehind = this.ecmaVersion >= 2018 && this.eat(LESS_THAN_SIGN);
      let negate = false;
      if (this.eat(EQUALS_SIGN) || (negate = this.eat(EXCLAMATION_MARK))) {
        const kind = lookbehind ? "lookbehind" : "lookahead";
        this.onLookaroundAssertionEnter(start, kind, negate);
        this.consumeDisjunction();
        if (!this.eat(RIGHT_PARENTHESIS)) {
          this.raise("Unterminated group");
        }
        this._lastAssertionIsQuantifiable = !lookbehind && !this.strict;
        this.onLookaroundAssertionLeave(start, this.index, kind, negate);
        return true;
      }
      this.rewind(start);
    }
    return false;
  }
  consumeQuantifier(noConsume = false) {
    const start = this.index;
    let min = 0;
    let max = 0;
    let greedy = false;
    if (this.eat(ASTERISK)) {
      min = 0;
      max = Number.POSITIVE_INFINITY;
    } else if (this.eat(PLUS_SIGN)) {
      min = 1;
      max = Number.POSITIVE_INFINITY;
    } else if (this.eat(QUESTION_MARK)) {
      min = 0;
      max = 1;
    } else if (this.eatBracedQuantifier(noConsume)) {
      ({ min, max } = this._lastRange);
    } else {
      return false;
    }
    greedy = !this.eat(QUESTION_MARK);
    if (!noConsume) {
      this.onQuantifier(start, this.index, min, max, greedy);
    }
    return true;
  }
  eatBracedQuantifier(noError) {
    const start = this.index;
    if (this.eat(LEFT_CURLY_BRACKET)) {
      if (this.eatDecimalDigits()) {
        const min = this._lastIntValue;
        let max = min;
        if (this.eat(COMMA)) {
          max = this.eatDecimalDigits() ? this._lastIntValue : Number.POSITIVE_INFINITY;
        }
        if (this.eat(RIGHT_CURLY_BRACKET)) {
          if (!noError && max < min) {
            this.raise("numbers out of order in {} quantifier");
          }
          this._lastRange = { min, max };
          return true;
        }
      }
      if (!noError && (this._unicodeMode || this.strict)) {
        this.raise("Incomplete quantifier");
      }
      this.rewind(start);
    }
    return false;
  }
  consumeAtom() {
    return this.consumePatternCharacter() || this.consumeDot() || this.consumeReverseSolidusAtomEscape() || Boolean(this.consumeCharacterClass()) || this.consumeCapturingGroup() || this.consumeUncapturingGroup();
  }
  consumeDot() {
    if (this.eat(FULL_STOP)) {
      this.onAnyCharacterSet(this.index - 1, this.index, "any");
      return true;
    }
    return false;
  }
  consumeReverseSolidusAtomEscape() {
    const start = this.index;
    if (this.eat(REVERSE_SOLIDUS)) {
      if (this.consumeAtomEscape()) {
        return true;
      }
      this.rewind(start);
    }
    return false;
  }
  consumeUncapturingGroup() {
    const start = this.index;
    if (this.eat2(LEFT_PARENTHESIS, QUESTION_MARK)) {
      this.onGroupEnter(start);
      if (this.ecmaVersion >= 2025) {
        this.consumeModifiers();
      }
      if (!this.eat(COLON)) {
        this.rewind(start + 1);
        this.raise("Invalid group");
      }
      this.consumeDisjunction();
      if (!this.eat(RIGHT_PARENTHESIS)) {
        this.raise("Unterminated group");
      }
      this.onGroupLeave(start, this.index);
      return true;
    }
    return false;
  }
  consumeModifiers() {
    const start = this.index;
    const hasAddModifiers = this.eatModifiers();
    const addModifiersEnd = this.index;
    const hasHyphen = this.eat(HYPHEN_MINUS);
    if (!hasAddModifiers && !hasHyphen) {
      return false;
    }
    this.onModifiersEnter(start);
    const addModifiers = this.parseModifiers(start, addModifiersEnd);
    this.onAddModifiers(start, addModifiersEnd, addModifiers);
    if (hasHyphen) {
      const modifiersStart = this.index;
      if (!this.eatModifiers() && !hasAddModifiers && this.currentCodePoint === COLON) {
        this.raise("Invalid empty flags");
      }
      const modifiers = this.parseModifiers(modifiersStart, this.index);
      for (const [flagName] of Object.entries(modifiers).filter(([, enable]) => enable)) {
        if (addModifiers[flagName]) {
          this.raise(`Duplicated flag '${String.fromCodePoint(FLAG_PROP_TO_CODEPOINT[flagName])}'`);
        }
      }
      this.onRemoveModifiers(modifiersStart, this.index, modifiers);
    }
    this.onModifiersLeave(start, this.index);
    return true;
  }
  consumeCapturingGroup() {
    const start = this.index;
    if (this.eat(LEFT_PARENTHESIS)) {
      let name = null;
      if (this.ecmaVersion >= 2018) {
        if (this.consumeGroupSpecifier()) {
          name = this._lastStrValue;
        } else if (this.currentCodePoint === QUESTION_MARK) {
          this.rewind(start);
          return false;
        }
      } else if (this.currentCodePoint === QUESTION_MARK) {
        this.rewind(start);
        return false;
      }
      this.onCapturingGroupEnter(start, name);
      this.consumeDisjunction();
      if (!this.eat(RIGHT_PARENTHESIS)) {
        this.raise("Unterminated group");
      }
      this.onCapturingGroupLeave(start, this.index, name);
      return true;
    }
    return false;
  }
  consumeExtendedAtom() {
    return this.consumeDot() || this.consumeReverseSolidusAtomEscape() || this.consumeReverseSolidusFollowedByC() || Boolean(this.consumeCharacterClass()) || this.consumeCapturingGroup() || this.consumeUncapturingGroup() || this.consumeInvalidBracedQuantifier() || this.consumeExtendedPatternCharacter();
  }
  consumeReverseSolidusFollowedByC() {
    const start = this.index;
    if (this.currentCodePoint === REVERSE_SOLIDUS && this.nextCodePoint === LATIN_SMALL_LETTER_C) {
      this._lastIntValue = this.currentCodePoint;
      this.advance();
      this.onCharacter(start, this.index, REVERSE_SOLIDUS);
      return true;
    }
    return false;
  }
  consumeInvalidBracedQuantifier() {
    if (this.eatBracedQuantifier(true)) {
      this.raise("Nothing to repeat");
    }
    return false;
  }
  consumePatternCharacter() {
    const start = this.index;
    const cp = this.currentCodePoint;
    if (cp !== -1 && !isSyntaxCharacter(cp)) {
      this.advance();
      this.onCharacter(start, this.index, cp);
      return true;
    }
    return false;
  }
  consumeExtendedPatternCharacter() {
    const start = this.index;
    const cp = this.currentCodePoint;
    if (cp !== -1 && cp !== CIRCUMFLEX_ACCENT && cp !== DOLLAR_SIGN && cp !== REVERSE_SOLIDUS && cp !== FULL_STOP && cp !== ASTERISK && cp !== PLUS_SIGN && cp !== QUESTION_MARK && cp !== LEFT_PARENTHESIS && cp !== RIGHT_PARENTHESIS && cp !== LEFT_SQUARE_BRACKET && cp !== VERTICAL_LINE) {
      this.advance();
      this.onCharacter(start, this.index, cp);
      return true;
    }
    return false;
  }
  consumeGroupSpecifier() {
    const start = this.index;
    if (this.eat(QUESTION_MARK)) {
      if (this.eatGroupName()) {
        if (!this._groupSpecifiers.hasInScope(this._lastStrValue)) {
          this._groupSpecifiers.addToScope(this._lastStrValue);
          return true;
        }
        this.raise("Duplicate capture group name");
      }
      this.rewind(start);
    }
    return false;
  }
  consumeAtomEscape() {
    if (this.consumeBackreference() || this.consumeCharacterClassEscape() || this.consumeCharacterEscape() || this._nFlag && this.consumeKGroupName()) {
      return true;
    }
    if (this.strict || this._unicodeMode) {
      this.raise("Invalid escape");
    }
    return false;
  }
  consumeBackreference() {
    const start = this.index;
    if (this.eatDecimalEscape()) {
      const n = this._lastIntValue;
      if (n <= this._numCapturingParens) {
        this.onBackreference(start - 1, this.index, n);
        return true;
      }
      if (this.strict || this._unicodeMode) {
        this.raise("Invalid escape");
      }
      this.rewind(start);
    }
    return false;
  }
  consumeCharacterClassEscape() {
    var _a;
    const start = this.index;
    if (this.eat(LATIN_SMALL_LETTER_D)) {
      this._lastIntValue = -1;
      this.onEscapeCharacterSet(start - 1, this.index, "digit", false);
      return {};
    }
    if (this.eat(LATIN_CAPITAL_LETTER_D)) {
      this._lastIntValue = -1;
      this.onEscapeCharacterSet(start - 1, this.index, "digit", true);
      return {};
    }
    if (this.eat(LATIN_SMALL_LETTER_S)) {
      this._lastIntValue = -1;
      this.onEscapeCharacterSet(start - 1, this.index, "space", false);
      return {};
    }
    if (this.eat(LATIN_CAPITAL_LETTER_S)) {
      this._lastIntValue = -1;
      this.onEscapeCharacterSet(start - 1, this.index, "space", true);
      return {};
    }
    if (this.eat(LATIN_SMALL_LETTER_W)) {
      this._lastIntValue = -1;
      this.onEscapeCharacterSet(start - 1, this.index, "word", false);
      return {};
    }
    if (this.eat(LATIN_CAPITAL_LETTER_W)) {
      this._lastIntValue = -1;
      this.onEscapeCharacterSet(start - 1, this.index, "word", true);
      return {};
    }
    let negate = false;
    if (this._unicodeMode && this.ecmaVersion >= 2018 && (this.eat(LATIN_SMALL_LETTER_P) || (negate = this.eat(LATIN_CAPITAL_LETTER_P)))) {
      this._lastIntValue = -1;
      let result = null;
      if (this.eat(LEFT_CURLY_BRACKET) && (result = this.eatUnicodePropertyValueExpression()) && this.eat(RIGHT_CURLY_BRACKET)) {
        if (negate && result.strings) {
          this.raise("Invalid property name");
        }
        this.onUnicodePropertyCharacterSet(start - 1, this.index, "property", result.key, result.value, negate, (_a = result.strings) !== null && _a !== void 0 ? _a : false);
        return { mayContainStrings: result.strings };
      }
      this.raise("Invalid property name");
    }
    return null;
  }
  consumeCharacterEscape() {
    const start = this.index;
    if (this.eatControlEscape() || this.eatCControlLetter() || this.eatZero() || this.eatHexEscapeSequence() || this.eatRegExpUnicodeEscapeSequence() || !this.strict && !this._unicodeMode && this.eatLegacyOctalEscapeSequence() || this.eatIdentityEscape()) {
      this.onCharacter(start - 1, this.index, this._lastIntValue);
      return true;
    }
    return false;
  }
  consumeKGroupName() {
    const start = this.index;
    if (this.eat(LATIN_SMALL_LETTER_K)) {
      if (this.eatGroupName()) {
        const groupName = this._lastStrValue;
        this._backreferenceNames.add(groupName);
        this.onBackreference(start - 1, this.index, groupName);
        return true;
      }
      this.raise("Invalid named reference");
    }
    return false;
  }
  consumeCharacterClass() {
    const start = this.index;
    if (this.eat(LEFT_SQUARE_BRACKET)) {
      const negate = this.eat(CIRCUMFLEX_ACCENT);
      this.onCharacterClassEnter(start, negate, this._unicodeSetsMode);
      const result = this.consumeClassContents();
      if (!this.eat(RIGHT_SQUARE_BRACKET)) {
        if (this.currentCodePoint === -1) {
          this.raise("Unterminated character class");
        }
        this.raise("Invalid character in character class");
      }
      if (negate && result.mayContainStrings) {
        this.raise("Negated character class may contain strings");
      }
      this.onCharacterClassLeave(start, this.index, negate);
      return result;
    }
    return null;
  }
  consumeClassContents() {
    if (this._unicodeSetsMode) {
      if (this.currentCodePoint === RIGHT_SQUARE_BRACKET) {
        return {};
      }
      const result = this.consumeClassSetExpression();
      return result;
    }
    const strict = this.strict || this._unicodeMode;
    for (; ; ) {
      const rangeStart = this.index;
      if (!this.consumeClassAtom()) {
        break;
      }
      const min = this._lastIntValue;
      if (!this.eat(HYPHEN_MINUS)) {
        continue;
      }
      this.onCharacter(this.index - 1, this.index, HYPHEN_MINUS);
      if (!this.consumeClassAtom()) {
        break;
      }
      const max = this._lastIntValue;
      if (min === -1 || max === -1) {
        if (strict) {
          this.raise("Invalid character class");
        }
        continue;
      }
      if (min > max) {
        this.raise("Range out of order in character class");
      }
      this.onCharacterClassRange(rangeStart, this.index, min, max);
    }
    return {};
  }
  consumeClassAtom() {
    const start = this.index;
    const cp = this.currentCodePoint;
    if (cp !== -1 && cp !== REVERSE_SOLIDUS && cp !== RIGHT_SQUARE_BRACKET) {
      this.advance();
      this._lastIntValue = cp;
      this.onCharacter(start, this.index, this._lastIntValue);
      return true;
    }
    if (this.eat(REVERSE_SOLIDUS)) {
      if (this.consumeClassEscape()) {
        return true;
      }
      if (!this.strict && this.currentCodePoint === LATIN_SMALL_LETTER_C) {
        this._lastIntValue = REVERSE_SOLIDUS;
        this.onCharacter(start, this.index, this._lastIntValue);
        return true;
      }
      if (this.strict || this._unicodeMode) {
        this.raise("Invalid escape");
      }
      this.rewind(start);
    }
    return false;
  }
  consumeClassEscape() {
    const start = this.index;
    if (this.eat(LATIN_SMALL_LETTER_B)) {
      this._lastIntValue = BACKSPACE;
      this.onCharacter(start - 1, this.index, this._lastIntValue);
      return true;
    }
    if (this._unicodeMode && this.eat(HYPHEN_MINUS)) {
      this._lastIntValue = HYPHEN_MINUS;
      this.onCharacter(start - 1, this.index, this._lastIntValue);
      return true;
    }
    let cp = 0;
    if (!this.strict && !this._unicodeMode && this.currentCodePoint === LATIN_SMALL_LETTER_C && (isDecimalDigit(cp = this.nextCodePoint) || cp === LOW_LINE)) {
      this.advance();
      this.advance();
      this._lastIntValue = cp % 32;
      this.onCharacter(start - 1, this.index, this._lastIntValue);
      return true;
    }
    return Boolean(this.consumeCharacterClassEscape()) || this.consumeCharacterEscape();
  }
  consumeClassSetExpression() {
    const start = this.index;
    let mayContainStrings = false;
    let result = null;
    if (this.consumeClassSetCharacter()) {
      if (this.consumeClassSetRangeFromOperator(start)) {
        this.consumeClassUnionRight({});
        return {};
      }
      mayContainStrings = false;
    } else if (result = this.consumeClassSetOperand()) {
      mayContainStrings = result.mayContainStrings;
    } else {
      const cp = this.currentCodePoint;
      if (cp === REVERSE_SOLIDUS) {
        this.advance();
        this.raise("Invalid escape");
      }
      if (cp === this.nextCodePoint && isClassSetReservedDoublePunctuatorCharacter(cp)) {
        this.raise("Invalid set operation in character class");
      }
      this.raise("Invalid character in character class");
    }
    if (this.eat2(AMPERSAND, AMPERSAND)) {
      while (this.currentCodePoint !== AMPERSAND && (result = this.consumeClassSetOperand())) {
        this.onClassIntersection(start, this.index);
        if (!result.mayContainStrings) {
          mayContainStrings = false;
        }
        if (this.eat2(AMPERSAND, AMPERSAND)) {
          continue;
        }
        return { mayContainStrings };
      }
      this.raise("Invalid character in character class");
    }
    if (this.eat2(HYPHEN_MINUS, HYPHEN_MINUS)) {
      while (this.consumeClassSetOperand()) {
        this.onClassSubtraction(start, this.index);
        if (this.eat2(HYPHEN_MINUS, HYPHEN_MINUS)) {
          continue;
        }
        return { mayContainStrings };
      }
      this.raise("Invalid character in character class");
    }
    return this.consumeClassUnionRight({ mayContainStrings });
  }
  consumeClassUnionRight(leftResult) {
    let mayContainStrings = leftResult.mayContainStrings;
    for (; ; ) {
      const start = this.index;
      if (this.consumeClassSetCharacter()) {
        this.consumeClassSetRangeFromOperator(start);
        continue;
      }
      const result = this.consumeClassSetOperand();
      if (result) {
        if (result.mayContainStrings) {
          mayContainStrings = true;
        }
        continue;
      }
      break;
    }
    return { mayContainStrings };
  }
  consumeClassSetRangeFromOperator(start) {
    const currentStart = this.index;
    const min = this._lastIntValue;
    if (this.eat(HYPHEN_MINUS)) {
      if (this.consumeClassSetCharacter()) {
        const max = this._lastIntValue;
        if (min === -1 || max === -1) {
          this.raise("Invalid character class");
        }
        if (min > max) {
          this.raise("Range out of order in character class");
        }
        this.onCharacterClassRange(start, this.index, min, max);
        return true;
      }
      this.rewind(currentStart);
    }
    return false;
  }
  consumeClassSetOperand() {
    let result = null;
    if (result = this.consumeNestedClass()) {
      return result;
    }
    if (result = this.consumeClassStringDisjunction()) {
      return result;
    }
    if (this.consumeClassSetCharacter()) {
      return {};
    }
    return null;
  }
  consumeNestedClass() {
    const start = this.index;
    if (this.eat(LEFT_SQUARE_BRACKET)) {
      const negate = this.eat(CIRCUMFLEX_ACCENT);
      this.onCharacterClassEnter(start, negate, true);
      const result = this.consumeClassContents();
      if (!this.eat(RIGHT_SQUARE_BRACKET)) {
        this.raise("Unterminated character class");
      }
      if (negate && result.mayContainStrings) {
        this.raise("Negated character class may contain strings");
      }
      this.onCharacterClassLeave(start, this.index, negate);
      return result;
    }
    if (this.eat(REVERSE_SOLIDUS)) {
      const result = this.consumeCharacterClassEscape();
      if (result) {
        return result;
      }
      this.rewind(start);
    }
    return null;
  }
  consumeClassStringDisjunction() {
    const start = this.index;
    if (this.eat3(REVERSE_SOLIDUS, LATIN_SMALL_LETTER_Q, LEFT_CURLY_BRACKET)) {
      this.onClassStringDisjunctionEnter(start);
      let i = 0;
      let mayContainStrings = false;
      do {
        if (this.consumeClassString(i++).mayContainStrings) {
          mayContainStrings = true;
        }
      } while (this.eat(VERTICAL_LINE));
      if (this.eat(RIGHT_CURLY_BRACKET)) {
        this.onClassStringDisjunctionLeave(start, this.index);
        return { mayContainStrings };
      }
      this.raise("Unterminated class string disjunction");
    }
    return null;
  }
  consumeClassString(i) {
    const start = this.index;
    let count = 0;
    this.onStringAlternativeEnter(start, i);
    while (this.currentCodePoint !== -1 && this.consumeClassSetCharacter()) {
      count++;
    }
    this.onStringAlternativeLeave(start, this.index, i);
    return { mayContainStrings: count !== 1 };
  }
  consumeClassSetCharacter() {
    const start = this.index;
    const cp = this.currentCodePoint;
    if (cp !== this.nextCodePoint || !isClassSetReservedDoublePunctuatorCharacter(cp)) {
      if (cp !== -1 && !isClassSetSyntaxCharacter(cp)) {
        this._lastIntValue = cp;
        this.advance();
        this.onCharacter(start, this.index, this._lastIntValue);
        return true;
      }
    }
    if (this.eat(REVERSE_SOLIDUS)) {
      if (this.consumeCharacterEscape()) {
        return true;
      }
      if (isClassSetReservedPunctuator(this.currentCodePoint)) {
        this._lastIntValue = this.currentCodePoint;
        this.advance();
        this.onCharacter(start, this.index, this._lastIntValue);
        return true;
      }
      if (this.eat(LATIN_SMALL_LETTER_B)) {
        this._lastIntValue = BACKSPACE;
        this.onCharacter(start, this.index, this._lastIntValue);
        return true;
      }
      this.rewind(start);
    }
    return false;
  }
  eatGroupName() {
    if (this.eat(LESS_THAN_SIGN)) {
      if (this.eatRegExpIdentifierName() && this.eat(GREATER_THAN_SIGN)) {
        return true;
      }
      this.raise("Invalid capture group name");
    }
    return false;
  }
  eatRegExpIdentifierName() {
    if (this.eatRegExpIdentifierStart()) {
      this._lastStrValue = String.fromCodePoint(this._lastIntValue);
      while (this.eatRegExpIdentifierPart()) {
        this._lastStrValue += String.fromCodePoint(this._lastIntValue);
      }
      return true;
    }
    return false;
  }
  eatRegExpIdentifierStart() {
    const start = this.index;
    const forceUFlag = !this._unicodeMode && this.ecmaVersion >= 2020;
    let cp = this.currentCodePoint;
    this.advance();
    if (cp === REVERSE_SOLIDUS && this.eatRegExpUnicodeEscapeSequence(forceUFlag)) {
      cp = this._lastIntValue;
    } else if (forceUFlag && isLeadSurrogate(cp) && isTrailSurrogate(this.currentCodePoint)) {
      cp = combineSurrogatePair(cp, this.currentCodePoint);
      this.advance();
    }
    if (isIdentifierStartChar(cp)) {
      this._lastIntValue = cp;
      return true;
    }
    if (this.index !== start) {
      this.rewind(start);
    }
    return false;
  }
  eatRegExpIdentifierPart() {
    const start = this.index;
    const forceUFlag = !this._unicodeMode && this.ecmaVersion >= 2020;
    let cp = this.currentCodePoint;
    this.advance();
    if (cp === REVERSE_SOLIDUS && this.eatRegExpUnicodeEscapeSequence(forceUFlag)) {
      cp = this._lastIntValue;
    } else if (forceUFlag && isLeadSurrogate(cp) && isTrailSurrogate(this.currentCodePoint)) {
      cp = combineSurrogatePair(cp, this.currentCodePoint);
      this.advance();
    }
    if (isIdentifierPartChar(cp)) {
      this._lastIntValue = cp;
      return true;
    }
    if (this.index !== start) {
      this.rewind(start);
    }
    return false;
  }
  eatCControlLetter() {
    const start = this.index;
    if (this.eat(LATIN_SMALL_LETTER_C)) {
      if (this.eatControlLetter()) {
        return true;
      }
      this.rewind(start);
    }
    return false;
  }
  eatZero() {
    if (this.currentCodePoint === DIGIT_ZERO && !isDecimalDigit(this.nextCodePoint)) {
      this._lastIntValue = 0;
      this.advance();
      return true;
    }
    return false;
  }
  eatControlEscape() {
    if (this.eat(LATIN_SMALL_LETTER_F)) {
      this._lastIntValue = FORM_FEED;
      return true;
    }
    if (this.eat(LATIN_SMALL_LETTER_N)) {
      this._lastIntValue = LINE_FEED;
      return true;
    }
    if (this.eat(LATIN_SMALL_LETTER_R)) {
      this._lastIntValue = CARRIAGE_RETURN;
      return true;
    }
    if (this.eat(LATIN_SMALL_LETTER_T)) {
      this._lastIntValue = CHARACTER_TABULATION;
      return true;
    }
    if (this.eat(LATIN_SMALL_LETTER_V)) {
      this._lastIntValue = LINE_TABULATION;
      return true;
    }
    return false;
  }
  eatControlLetter() {
    const cp = this.currentCodePoint;
    if (isLatinLetter(cp)) {
      this.advance();
      this._lastIntValue = cp % 32;
      return true;
    }
    return false;
  }
  eatRegExpUnicodeEscapeSequence(forceUFlag = false) {
    const start = this.index;
    const uFlag = forceUFlag || this._unicodeMode;
    if (this.eat(LATIN_SMALL_LETTER_U)) {
      if (uFlag && this.eatRegExpUnicodeSurrogatePairEscape() || this.eatFixedHexDigits(4) || uFlag && this.eatRegExpUnicodeCodePointEscape()) {
        return true;
      }
      if (this.strict || uFlag) {
        this.raise("Invalid unicode escape");
      }
      this.rewind(start);
    }
    return false;
  }
  eatRegExpUnicodeSurrogatePairEscape() {
    const start = this.index;
    if (this.eatFixedHexDigits(4)) {
      const lead = this._lastIntValue;
      if (isLeadSurrogate(lead) && this.eat(REVERSE_SOLIDUS) && this.eat(LATIN_SMALL_LETTER_U) && this.eatFixedHexDigits(4)) {
        const trail = this._lastIntValue;
        if (isTrailSurrogate(trail)) {
          this._lastIntValue = combineSurrogatePair(lead, trail);
          return true;
        }
      }
      this.rewind(start);
    }
    return false;
  }
  eatRegExpUnicodeCodePointEscape() {
    const start = this.index;
    if (this.eat(LEFT_CURLY_BRACKET) && this.eatHexDigits() && this.eat(RIGHT_CURLY_BRACKET) && isValidUnicode(this._lastIntValue)) {
      return true;
    }
    this.rewind(start);
    return false;
  }
  eatIdentityEscape() {
    const cp = this.currentCodePoint;
    if (this.isValidIdentityEscape(cp)) {
      this._lastIntValue = cp;
      this.advance();
      return true;
    }
    return false;
  }
  isValidIdentityEscape(cp) {
    if (cp === -1) {
      return false;
    }
    if (this._unicodeMode) {
      return isSyntaxCharacter(cp) || cp === SOLIDUS;
    }
    if (this.strict) {
      return !isIdContinue(cp);
    }
    if (this._nFlag) {
      return !(cp === LATIN_SMALL_LETTER_C || cp === LATIN_SMALL_LETTER_K);
    }
    return cp !== LATIN_SMALL_LETTER_C;
  }
  eatDecimalEscape() {
    this._lastIntValue = 0;
    let cp = this.currentCodePoint;
    if (cp >= DIGIT_ONE && cp <= DIGIT_NINE) {
      do {
        this._lastIntValue = 10 * this._lastIntValue + (cp - DIGIT_ZERO);
        this.advance();
      } while ((cp = this.currentCodePoint) >= DIGIT_ZERO && cp <= DIGIT_NINE);
      return true;
    }
    return false;
  }
  eatUnicodePropertyValueExpression() {
    const start = this.index;
    if (this.eatUnicodePropertyName() && this.eat(EQUALS_SIGN)) {
      const key = this._lastStrValue;
      if (this.eatUnicodePropertyValue()) {
        const value = this._lastStrValue;
        if (isValidUnicodeProperty(this.ecmaVersion, key, value)) {
          return {
            key,
            value: value || null
          };
        }
        this.raise("Invalid property name");
      }
    }
    this.rewind(start);
    if (this.eatLoneUnicodePropertyNameOrValue()) {
      const nameOrValue = this._lastStrValue;
      if (isValidUnicodeProperty(this.ecmaVersion, "General_Category", nameOrValue)) {
        return {
          key: "General_Category",
          value: nameOrValue || null
        };
      }
      if (isValidLoneUnicodeProperty(this.ecmaVersion, nameOrValue)) {
        return {
          key: nameOrValue,
          value: null
        };
      }
      if (this._unicodeSetsMode && isValidLoneUnicodePropertyOfString(this.ecmaVersion, nameOrValue)) {
        return {
          key: nameOrValue,
          value: null,
          strings: true
        };
      }
      this.raise("Invalid property name");
    }
    return null;
  }
  eatUnicodePropertyName() {
    this._lastStrValue = "";
    while (isUnicodePropertyNameCharacter(this.currentCodePoint)) {
      this._lastStrValue += String.fromCodePoint(this.currentCodePoint);
      this.advance();
    }
    return this._lastStrValue !== "";
  }
  eatUnicodePropertyValue() {
    this._lastStrValue = "";
    while (isUnicodePropertyValueCharacter(this.currentCodePoint)) {
      this._lastStrValue += String.fromCodePoint(this.currentCodePoint);
      this.advance();
    }
    return this._lastStrValue !== "";
  }
  eatLoneUnicodePropertyNameOrValue() {
    return this.eatUnicodePropertyValue();
  }
  eatHexEscapeSequence() {
    const start = this.index;
    if (this.eat(LATIN_SMALL_LETTER_X)) {
      if (this.eatFixedHexDigits(2)) {
        return true;
      }
      if (this._unicodeMode || this.strict) {
        this.raise("Invalid escape");
      }
      this.rewind(start);
    }
    return false;
  }
  eatDecimalDigits() {
    const start = this.index;
    this._lastIntValue = 0;
    while (isDecimalDigit(this.currentCodePoint)) {
      this._lastIntValue = 10 * this._lastIntValue + digitToInt(this.currentCodePoint);
      this.advance();
    }
    return this.index !== start;
  }
  eatHexDigits() {
    const start = this.index;
    this._lastIntValue = 0;
    while (isHexDigit(this.currentCodePoint)) {
      this._lastIntValue = 16 * this._lastIntValue + digitToInt(this.currentCodePoint);
      this.advance();
    }
    return this.index !== start;
  }
  eatLegacyOctalEscapeSequence() {
    if (this.eatOctalDigit()) {
      const n1 = this._lastIntValue;
      if (this.eatOctalDigit()) {
        const n2 = this._lastIntValue;
        if (n1 <= 3 && this.eatOctalDigit()) {
          this._lastIntValue = n1 * 64 + n2 * 8 + this._lastIntValue;
        } else {
          this._lastIntValue = n1 * 8 + n2;
        }
      } else {
        this._lastIntValue = n1;
      }
      return true;
    }
    return false;
  }
  eatOctalDigit() {
    const cp = this.currentCodePoint;
    if (isOctalDigit(cp)) {
      this.advance();
      this._lastIntValue = cp - DIGIT_ZERO;
      return true;
    }
    this._lastIntValue = 0;
    return false;
  }
  eatFixedHexDigits(length) {
    const start = this.index;
    this._lastIntValue = 0;
    for (let i = 0; i < length; ++i) {
      const cp = this.currentCodePoint;
      if (!isHexDigit(cp)) {
        this.rewind(start);
        return false;
      }
      this._lastIntValue = 16 * this._lastIntValue + digitToInt(cp);
      this.advance();
    }
    return true;
  }
  eatModifiers() {
    let ate = false;
    while (isRegularExpressionModifier(this.currentCodePoint)) {
      this.advance();
      ate = true;
    }
    return ate;
  }
  parseModifiers(start, end) {
    const { ignoreCase, multiline, dotAll } = this.parseFlags(this._reader.source, start, end);
    return { ignoreCase, multiline, dotAll };
  }
  parseFlags(source, start, end) {
    const flags = {
      global: false,
      ignoreCase: false,
      multiline: false,
      unicode: false,
      sticky: false,
      dotAll: false,
      hasIndices: false,
      unicodeSets: false
    };
    const validFlags = /* @__PURE__ */ new Set();
    validFlags.add(LATIN_SMALL_LETTER_G);
    validFlags.add(LATIN_SMALL_LETTER_I);
    validFlags.add(LATIN_SMALL_LETTER_M);
    if (this.ecmaVersion >= 2015) {
      validFlags.add(LATIN_SMALL_LETTER_U);
      validFlags.add(LATIN_SMALL_LETTER_Y);
      if (this.ecmaVersion >= 2018) {
        validFlags.add(LATIN_SMALL_LETTER_S);
        if (this.ecmaVersion >= 2022) {
          validFlags.add(LATIN_SMALL_LETTER_D);
          if (this.ecmaVersion >= 2024) {
            validFlags.add(LATIN_SMALL_LETTER_V);
          }
        }
      }
    }
    for (let i = start; i < end; ++i) {
      const flag = source.charCodeAt(i);
      if (validFlags.has(flag)) {
        const prop = FLAG_CODEPOINT_TO_PROP[flag];
        if (flags[prop]) {
          this.raise(`Duplicated flag '${source[i]}'`, {
            index: start
          });
        }
        flags[prop] = true;
      } else {
        this.raise(`Invalid flag '${source[i]}'`, { index: start });
      }
    }
    return flags;
  }
};
var DUMMY_PATTERN = {};
var DUMMY_FLAGS = {};
var DUMMY_CAPTURING_GROUP = {};
function isClassSetOperand(node) {
  return node.type === "Character" || node.type === "CharacterSet" || node.type === "CharacterClass" || node.type === "ExpressionCharacterClass" || node.type === "ClassStringDisjunction";
}
var RegExpParserState = class {
  constructor(options) {
    var _a;
    this._node = DUMMY_PATTERN;
    this._expressionBufferMap = /* @__PURE__ */ new Map();
    this._flags = DUMMY_FLAGS;
    this._backreferences = [];
    this._capturingGroups = [];
    this.source = "";
    this.strict = Boolean(options === null || options === void 0 ? void 0 : options.strict);
    this.ecmaVersion = (_a = options === null || options === void 0 ? void 0 : options.ecmaVersion) !== null && _a !== void 0 ? _a : latestEcmaVersion;
  }
  get pattern() {
    if (this._node.type !== "Pattern") {
      throw new Error("UnknownError");
    }
    return this._node;
  }
  get flags() {
    if (this._flags.type !== "Flags") {
      throw new Error("UnknownError");
    }
    return this._flags;
  }
  onRegExpFlags(start, end, { global, ignoreCase, multiline, unicode, sticky, dotAll, hasIndices, unicodeSets }) {
    this._flags = {
      type: "Flags",
      parent: null,
      start,
      end,
      raw: this.source.slice(start, end),
      global,
      ignoreCase,
      multiline,
      unicode,
      sticky,
      dotAll,
      hasIndices,
      unicodeSets
    };
  }
  onPatternEnter(start) {
    this._node = {
      type: "Pattern",
      parent: null,
      start,
      end: start,
      raw: "",
      alternatives: []
    };
    this._backreferences.length = 0;
    this._capturingGroups.length = 0;
  }
  onPatternLeave(start, end) {
    this._node.end = end;
    this._node.raw = this.source.slice(start, end);
    for (const reference of this._backreferences) {
      const ref = reference.ref;
      const groups = typeof ref === "number" ? [this._capturingGroups[ref - 1]] : this._capturingGroups.filter((g) => g.name === ref);
      if (groups.length === 1) {
        const group = groups[0];
        reference.ambiguous = false;
        reference.resolved = group;
      } else {
        reference.ambiguous = true;
        reference.resolved = groups;
      }
      for (const group of groups) {
        group.references.push(reference);
      }
    }
  }
  onAlternativeEnter(start) {
    const parent = this._node;
    if (parent.type !== "Assertion" && parent.type !== "CapturingGroup" && parent.type !== "Group" && parent.type !== "Pattern") {
      throw new Error("UnknownError");
    }
    this._node = {
      type: "Alternative",
      parent,
      start,
      end: start,
      raw: "",
      elements: []
    };
    parent.alternatives.push(this._node);
  }
  onAlternativeLeave(start, end) {
    const node = this._node;
    if (node.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    node.end = end;
    node.raw = this.source.slice(start, end);
    this._node = node.parent;
  }
  onGroupEnter(start) {
    const parent = this._node;
    if (parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    const group = {
      type: "Group",
      parent,
      start,
      end: start,
      raw: "",
      modifiers: null,
      alternatives: []
    };
    this._node = group;
    parent.elements.push(this._node);
  }
  onGroupLeave(start, end) {
    const node = this._node;
    if (node.type !== "Group" || node.parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    node.end = end;
    node.raw = this.source.slice(start, end);
    this._node = node.parent;
  }
  onModifiersEnter(start) {
    const parent = this._node;
    if (parent.type !== "Group") {
      throw new Error("UnknownError");
    }
    this._node = {
      type: "Modifiers",
      parent,
      start,
      end: start,
      raw: "",
      add: null,
      remove: null
    };
    parent.modifiers = this._node;
  }
  onModifiersLeave(start, end) {
    const node = this._node;
    if (node.type !== "Modifiers" || node.parent.type !== "Group") {
      throw new Error("UnknownError");
    }
    node.end = end;
    node.raw = this.source.slice(start, end);
    this._node = node.parent;
  }
  onAddModifiers(start, end, { ignoreCase, multiline, dotAll }) {
    const parent = this._node;
    if (parent.type !== "Modifiers") {
      throw new Error("UnknownError");
    }
    parent.add = {
      type: "ModifierFlags",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      ignoreCase,
      multiline,
      dotAll
    };
  }
  onRemoveModifiers(start, end, { ignoreCase, multiline, dotAll }) {
    const parent = this._node;
    if (parent.type !== "Modifiers") {
      throw new Error("UnknownError");
    }
    parent.remove = {
      type: "ModifierFlags",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      ignoreCase,
      multiline,
      dotAll
    };
  }
  onCapturingGroupEnter(start, name) {
    const parent = this._node;
    if (parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    this._node = {
      type: "CapturingGroup",
      parent,
      start,
      end: start,
      raw: "",
      name,
      alternatives: [],
      references: []
    };
    parent.elements.push(this._node);
    this._capturingGroups.push(this._node);
  }
  onCapturingGroupLeave(start, end) {
    const node = this._node;
    if (node.type !== "CapturingGroup" || node.parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    node.end = end;
    node.raw = this.source.slice(start, end);
    this._node = node.parent;
  }
  onQuantifier(start, end, min, max, greedy) {
    const parent = this._node;
    if (parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    const element = parent.elements.pop();
    if (element == null || element.type === "Quantifier" || element.type === "Assertion" && element.kind !== "lookahead") {
      throw new Error("UnknownError");
    }
    const node = {
      type: "Quantifier",
      parent,
      start: element.start,
      end,
      raw: this.source.slice(element.start, end),
      min,
      max,
      greedy,
      element
    };
    parent.elements.push(node);
    element.parent = node;
  }
  onLookaroundAssertionEnter(start, kind, negate) {
    const parent = this._node;
    if (parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    const node = this._node = {
      type: "Assertion",
      parent,
      start,
      end: start,
      raw: "",
      kind,
      negate,
      alternatives: []
    };
    parent.elements.push(node);
  }
  onLookaroundAssertionLeave(start, end) {
    const node = this._node;
    if (node.type !== "Assertion" || node.parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    node.end = end;
    node.raw = this.source.slice(start, end);
    this._node = node.parent;
  }
  onEdgeAssertion(start, end, kind) {
    const parent = this._node;
    if (parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    parent.elements.push({
      type: "Assertion",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      kind
    });
  }
  onWordBoundaryAssertion(start, end, kind, negate) {
    const parent = this._node;
    if (parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    parent.elements.push({
      type: "Assertion",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      kind,
      negate
    });
  }
  onAnyCharacterSet(start, end, kind) {
    const parent = this._node;
    if (parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    parent.elements.push({
      type: "CharacterSet",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      kind
    });
  }
  onEscapeCharacterSet(start, end, kind, negate) {
    const parent = this._node;
    if (parent.type !== "Alternative" && parent.type !== "CharacterClass") {
      throw new Error("UnknownError");
    }
    parent.elements.push({
      type: "CharacterSet",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      kind,
      negate
    });
  }
  onUnicodePropertyCharacterSet(start, end, kind, key, value, negate, strings2) {
    const parent = this._node;
    if (parent.type !== "Alternative" && parent.type !== "CharacterClass") {
      throw new Error("UnknownError");
    }
    const base = {
      type: "CharacterSet",
      parent: null,
      start,
      end,
      raw: this.source.slice(start, end),
      kind,
      strings: null,
      key
    };
    if (strings2) {
      if (parent.type === "CharacterClass" && !parent.unicodeSets || negate || value !== null) {
        throw new Error("UnknownError");
      }
      parent.elements.push(Object.assign(Object.assign({}, base), { parent, strings: strings2, value, negate }));
    } else {
      parent.elements.push(Object.assign(Object.assign({}, base), { parent, strings: strings2, value, negate }));
    }
  }
  onCharacter(start, end, value) {
    const parent = this._node;
    if (parent.type !== "Alternative" && parent.type !== "CharacterClass" && parent.type !== "StringAlternative") {
      throw new Error("UnknownError");
    }
    parent.elements.push({
      type: "Character",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      value
    });
  }
  onBackreference(start, end, ref) {
    const parent = this._node;
    if (parent.type !== "Alternative") {
      throw new Error("UnknownError");
    }
    const node = {
      type: "Backreference",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      ref,
      ambiguous: false,
      resolved: DUMMY_CAPTURING_GROUP
    };
    parent.elements.push(node);
    this._backreferences.push(node);
  }
  onCharacterClassEnter(start, negate, unicodeSets) {
    const parent = this._node;
    const base = {
      type: "CharacterClass",
      parent,
      start,
      end: start,
      raw: "",
      unicodeSets,
      negate,
      elements: []
    };
    if (parent.type === "Alternative") {
      const node = Object.assign(Object.assign({}, base), { parent });
      this._node = node;
      parent.elements.push(node);
    } else if (parent.type === "CharacterClass" && parent.unicodeSets && unicodeSets) {
      const node = Object.assign(Object.assign({}, base), {
        parent,
        unicodeSets
      });
      this._node = node;
      parent.elements.push(node);
    } else {
      throw new Error("UnknownError");
    }
  }
  onCharacterClassLeave(start, end) {
    const node = this._node;
    if (node.type !== "CharacterClass" || node.parent.type !== "Alternative" && node.parent.type !== "CharacterClass") {
      throw new Error("UnknownError");
    }
    const parent = node.parent;
    node.end = end;
    node.raw = this.source.slice(start, end);
    this._node = parent;
    const expression = this._expressionBufferMap.get(node);
    if (!expression) {
      return;
    }
    if (node.elements.length > 0) {
      throw new Error("UnknownError");
    }
    this._expressionBufferMap.delete(node);
    const newNode = {
      type: "ExpressionCharacterClass",
      parent,
      start: node.start,
      end: node.end,
      raw: node.raw,
      negate: node.negate,
      expression
    };
    expression.parent = newNode;
    if (node !== parent.elements.pop()) {
      throw new Error("UnknownError");
    }
    parent.elements.push(newNode);
  }
  onCharacterClassRange(start, end) {
    const parent = this._node;
    if (parent.type !== "CharacterClass") {
      throw new Error("UnknownError");
    }
    const elements = parent.elements;
    const max = elements.pop();
    if (!max || max.type !== "Character") {
      throw new Error("UnknownError");
    }
    if (!parent.unicodeSets) {
      const hyphen = elements.pop();
      if (!hyphen || hyphen.type !== "Character" || hyphen.value !== HYPHEN_MINUS) {
        throw new Error("UnknownError");
      }
    }
    const min = elements.pop();
    if (!min || min.type !== "Character") {
      throw new Error("UnknownError");
    }
    const node = {
      type: "CharacterClassRange",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      min,
      max
    };
    min.parent = node;
    max.parent = node;
    elements.push(node);
  }
  onClassIntersection(start, end) {
    var _a;
    const parent = this._node;
    if (parent.type !== "CharacterClass" || !parent.unicodeSets) {
      throw new Error("UnknownError");
    }
    const right = parent.elements.pop();
    const left = (_a = this._expressionBufferMap.get(parent)) !== null && _a !== void 0 ? _a : parent.elements.pop();
    if (!left || !right || left.type === "ClassSubtraction" || left.type !== "ClassIntersection" && !isClassSetOperand(left) || !isClassSetOperand(right)) {
      throw new Error("UnknownError");
    }
    const node = {
      type: "ClassIntersection",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      left,
      right
    };
    left.parent = node;
    right.parent = node;
    this._expressionBufferMap.set(parent, node);
  }
  onClassSubtraction(start, end) {
    var _a;
    const parent = this._node;
    if (parent.type !== "CharacterClass" || !parent.unicodeSets) {
      throw new Error("UnknownError");
    }
    const right = parent.elements.pop();
    const left = (_a = this._expressionBufferMap.get(parent)) !== null && _a !== void 0 ? _a : parent.elements.pop();
    if (!left || !right || left.type === "ClassIntersection" || left.type !== "ClassSubtraction" && !isClassSetOperand(left) || !isClassSetOperand(right)) {
      throw new Error("UnknownError");
    }
    const node = {
      type: "ClassSubtraction",
      parent,
      start,
      end,
      raw: this.source.slice(start, end),
      left,
      right
    };
    left.parent = node;
    right.parent = node;
    this._expressionBufferMap.set(parent, node);
  }
  onClassStringDisjunctionEnter(start) {
    const parent = this._node;
    if (parent.type !== "CharacterClass" || !parent.unicodeSets) {
      throw new Error("UnknownError");
    }
    this._node = {
      type: "ClassStringDisjunction",
      parent,
      start,
      end: start,
      raw: "",
      alternatives: []
    };
    parent.elements.push(this._node);
  }
  onClassStringDisjunctionLeave(start, end) {
    const node = this._node;
    if (node.type !== "ClassStringDisjunction" || node.parent.type !== "CharacterClass") {
      throw new Error("UnknownError");
    }
    node.end = end;
    node.raw = this.source.slice(start, end);
    this._node = node.parent;
  }
  onStringAlternativeEnter(start) {
    const parent = this._node;
    if (parent.type !== "ClassStringDisjunction") {
      throw new Error("UnknownError");
    }
    this._node = {
      type: "StringAlternative",
      parent,
      start,
      end: start,
      raw: "",
      elements: []
    };
    parent.alternatives.push(this._node);
  }
  onStringAlternativeLeave(start, end) {
    const node = this._node;
    if (node.type !== "StringAlternative") {
      throw new Error("UnknownError");
    }
    node.end = end;
    node.raw = this.source.slice(start, end);
    this._node = node.parent;
  }
};
var RegExpParser = class {
  constructor(options) {
    this._state = new RegExpParserState(options);
    this._validator = new RegExpValidator(this._state);
  }
  parseLiteral(source, start = 0, end = source.length) {
    this._state.source = source;
    this._validator.validateLiteral(source, start, end);
    const pattern = this._state.pattern;
    const flags = this._state.flags;
    const literal2 = {
      type: "RegExpLiteral",
      parent: null,
      start,
      end,
      raw: source,
      pattern,
      flags
    };
    pattern.parent = literal2;
    flags.parent = literal2;
    return literal2;
  }
  parseFlags(source, start = 0, end = source.length) {
    this._state.source = source;
    this._validator.validateFlags(source, start, end);
    return this._state.flags;
  }
  parsePattern(source, start = 0, end = source.length, uFlagOrFlags = void 0) {
    this._state.source = source;
    this._validator.validatePattern(source, start, end, uFlagOrFlags);
    return this._state.pattern;
  }
};
var RegExpVisitor = class {
  constructor(handlers) {
    this._handlers = handlers;
  }
  visit(node) {
    switch (node.type) {
      case "Alternative":
        this.visitAlternative(node);
        break;
      case "Assertion":
        this.visitAssertion(node);
        break;
      case "Backreference":
        this.visitBackreference(node);
        break;
      case "CapturingGroup":
        this.visitCapturingGroup(node);
        break;
      case "Character":
        this.visitCharacter(node);
        break;
      case "CharacterClass":
        this.visitCharacterClass(node);
        break;
      case "CharacterClassRange":
        this.visitCharacterClassRange(node);
        break;
      case "CharacterSet":
        this.visitCharacterSet(node);
        break;
      case "ClassIntersection":
        this.visitClassIntersection(node);
        break;
      case "ClassStringDisjunction":
        this.visitClassStringDisjunction(node);
        break;
      case "ClassSubtraction":
        this.visitClassSubtraction(node);
        break;
      case "ExpressionCharacterClass":
        this.visitExpressionCharacterClass(node);
        break;
      case "Flags":
        this.visitFlags(node);
        break;
      case "Group":
        this.visitGroup(node);
        break;
      case "Modifiers":
        this.visitModifiers(node);
        break;
      case "ModifierFlags":
        this.visitModifierFlags(node);
        break;
      case "Pattern":
        this.visitPattern(node);
        break;
      case "Quantifier":
        this.visitQuantifier(node);
        break;
      case "RegExpLiteral":
        this.visitRegExpLiteral(node);
        break;
      case "StringAlternative":
        this.visitStringAlternative(node);
        break;
      default:
        throw new Error(`Unknown type: ${node.type}`);
    }
  }
  visitAlternative(node) {
    if (this._handlers.onAlternativeEnter) {
      this._handlers.onAlternativeEnter(node);
    }
    node.elements.forEach(this.visit, this);
    if (this._handlers.onAlternativeLeave) {
      this._handlers.onAlternativeLeave(node);
    }
  }
  visitAssertion(node) {
    if (this._handlers.onAssertionEnter) {
      this._handlers.onAssertionEnter(node);
    }
    if (node.kind === "lookahead" || node.kind === "lookbehind") {
      node.alternatives.forEach(this.visit, this);
    }
    if (this._handlers.onAssertionLeave) {
      this._handlers.onAssertionLeave(node);
    }
  }
  visitBackreference(node) {
    if (this._handlers.onBackreferenceEnter) {
      this._handlers.onBackreferenceEnter(node);
    }
    if (this._handlers.onBackreferenceLeave) {
      this._handlers.onBackreferenceLeave(node);
    }
  }
  visitCapturingGroup(node) {
    if (this._handlers.onCapturingGroupEnter) {
      this._handlers.onCapturingGroupEnter(node);
    }
    node.alternatives.forEach(this.visit, this);
    if (this._handlers.onCapturingGroupLeave) {
      this._handlers.onCapturingGroupLeave(node);
    }
  }
  visitCharacter(node) {
    if (this._handlers.onCharacterEnter) {
      this._handlers.onCharacterEnter(node);
    }
    if (this._handlers.onCharacterLeave) {
      this._handlers.onCharacterLeave(node);
    }
  }
  visitCharacterClass(node) {
    if (this._handlers.onCharacterClassEnter) {
      this._handlers.onCharacterClassEnter(node);
    }
    node.elements.forEach(this.visit, this);
    if (this._handlers.onCharacterClassLeave) {
      this._handlers.onCharacterClassLeave(node);
    }
  }
  visitCharacterClassRange(node) {
    if (this._handlers.onCharacterClassRangeEnter) {
      this._handlers.onCharacterClassRangeEnter(node);
    }
    this.visitCharacter(node.min);
    this.visitCharacter(node.max);
    if (this._handlers.onCharacterClassRangeLeave) {
      this._handlers.onCharacterClassRangeLeave(node);
    }
  }
  visitCharacterSet(node) {
    if (this._handlers.onCharacterSetEnter) {
      this._handlers.onCharacterSetEnter(node);
    }
    if (this._handlers.onCharacterSetLeave) {
      this._handlers.onCharacterSetLeave(node);
    }
  }
  visitClassIntersection(node) {
    if (this._handlers.onClassIntersectionEnter) {
      this._handlers.onClassIntersectionEnter(node);
    }
    this.visit(node.left);
    this.visit(node.right);
    if (this._handlers.onClassIntersectionLeave) {
      this._handlers.onClassIntersectionLeave(node);
    }
  }
  visitClassStringDisjunction(node) {
    if (this._handlers.onClassStringDisjunctionEnter) {
      this._handlers.onClassStringDisjunctionEnter(node);
    }
    node.alternatives.forEach(this.visit, this);
    if (this._handlers.onClassStringDisjunctionLeave) {
      this._handlers.onClassStringDisjunctionLeave(node);
    }
  }
  visitClassSubtraction(node) {
    if (this._handlers.onClassSubtractionEnter) {
      this._handlers.onClassSubtractionEnter(node);
    }
    this.visit(node.left);
    this.visit(node.right);
    if (this._handlers.onClassSubtractionLeave) {
      this._handlers.onClassSubtractionLeave(node);
    }
  }
  visitExpressionCharacterClass(node) {
    if (this._handlers.onExpressionCharacterClassEnter) {
      this._handlers.onExpressionCharacterClassEnter(node);
    }
    this.visit(node.expression);
    if (this._handlers.onExpressionCharacterClassLeave) {
      this._handlers.onExpressionCharacterClassLeave(node);
    }
  }
  visitFlags(node) {
    if (this._handlers.onFlagsEnter) {
      this._handlers.onFlagsEnter(node);
    }
    if (this._handlers.onFlagsLeave) {
      this._handlers.onFlagsLeave(node);
    }
  }
  visitGroup(node) {
    if (this._handlers.onGroupEnter) {
      this._handlers.onGroupEnter(node);
    }
    if (node.modifiers) {
      this.visit(node.modifiers);
    }
    node.alternatives.forEach(this.visit, this);
    if (this._handlers.onGroupLeave) {
      this._handlers.onGroupLeave(node);
    }
  }
  visitModifiers(node) {
    if (this._handlers.onModifiersEnter) {
      this._handlers.onModifiersEnter(node);
    }
    if (node.add) {
      this.visit(node.add);
    }
    if (node.remove) {
      this.visit(node.remove);
    }
    if (this._handlers.onModifiersLeave) {
      this._handlers.onModifiersLeave(node);
    }
  }
  visitModifierFlags(node) {
    if (this._handlers.onModifierFlagsEnter) {
      this._handlers.onModifierFlagsEnter(node);
    }
    if (this._handlers.onModifierFlagsLeave) {
      this._handlers.onModifierFlagsLeave(node);
    }
  }
  visitPattern(node) {
    if (this._handlers.onPatternEnter) {
      this._handlers.onPatternEnter(node);
    }
    node.alternatives.forEach(this.visit, this);
    if (this._handlers.onPatternLeave) {
      this._handlers.onPatternLeave(node);
    }
  }
  visitQuantifier(node) {
    if (this._handlers.onQuantifierEnter) {
      this._handlers.onQuantifierEnter(node);
    }
    this.visit(node.element);
    if (this._handlers.onQuantifierLeave) {
      this._handlers.onQuantifierLeave(node);
    }
  }
  visitRegExpLiteral(node) {
    if (this._handlers.onRegExpLiteralEnter) {
      this._handlers.onRegExpLiteralEnter(node);
    }
    this.visitPattern(node.pattern);
    this.visitFlags(node.flags);
    if (this._handlers.onRegExpLiteralLeave) {
      this._handlers.onRegExpLiteralLeave(node);
    }
  }
  visitStringAlternative(node) {
    if (this._handlers.onStringAlternativeEnter) {
      this._handlers.onStringAlternativeEnter(node);
    }
    node.elements.forEach(this.visit, this);
    if (this._handlers.onStringAlternativeLeave) {
      this._handlers.onStringAlternativeLeave(node);
    }
  }
};
function visitRegExpAST(node, handlers) {
  new RegExpVisitor(handlers).visit(node);
}

// src/rules/anchor.ts
var parser = new RegExpParser({ ecmaVersion: 2025 });
var MAX_LITERAL = 32;
var MAX_LITERALS = 256;
var MAX_CLASS = 8;
function leadingLiterals(pattern, flags = "") {
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes("u"), unicodeSets: flags.includes("v") });
  const expansion = alternatives(ast.alternatives);
  if (!expansion || expansion.some((l) => l.text.length === 0)) return void 0;
  return [...new Set(expansion.map((l) => l.text))];
}
function alternatives(list) {
  const out = [];
  for (const alternative of list) {
    const expansion = sequence(alternative.elements);
    if (!expansion) return void 0;
    out.push(...expansion);
    if (out.length > MAX_LITERALS) return void 0;
  }
  return out;
}
function strings(element) {
  switch (element.type) {
    case "Character":
      return [{ text: String.fromCodePoint(element.value), complete: true }];
    case "CharacterClass": {
      if (element.negate || element.unicodeSets) return void 0;
      const chars = [];
      for (const member of element.elements) {
        if (member.type === "Character") chars.push(String.fromCodePoint(member.value));
        else if (member.type === "CharacterClassRange" && member.max.value - member.min.value < MAX_CLASS) {
          for (let c = member.min.value; c <= member.max.value; c++) chars.push(String.fromCodePoint(c));
        } else return void 0;
        if (chars.length > MAX_CLASS) return void 0;
      }
      return chars.map((text) => ({ text, complete: true }));
    }
    case "Group":
    case "CapturingGroup":
      return alternatives(element.alternatives);
    case "Quantifier": {
      if (element.max > 1) return void 0;
      const inner = strings(element.element);
      if (!inner || inner.some((l) => !l.complete)) return void 0;
      return element.min === 0 ? [{ text: "", complete: true }, ...inner] : inner;
    }
    default:
      return void 0;
  }
}
function sequence(elements) {
  let index = 0;
  while (index < elements.length && elements[index].type === "Assertion") index++;
  let literals = [{ text: "", complete: true }];
  for (; index < elements.length; index++) {
    if (literals.every((l) => !l.complete || l.text.length >= MAX_LITERAL)) break;
    const element = elements[index];
    const expansion = element.type === "Assertion" ? void 0 : strings(element);
    const growing = literals.filter((l) => l.complete && l.text.length < MAX_LITERAL);
    if (!expansion || growing.length * expansion.length > MAX_LITERALS) {
      literals = literals.map((l) => ({ text: l.text, complete: false }));
      break;
    }
    const next = literals.filter((l) => !l.complete || l.text.length >= MAX_LITERAL);
    for (const head of growing) for (const tail of expansion) next.push({ text: (head.text + tail.text).slice(0, MAX_LITERAL), complete: tail.complete });
    literals = next;
  }
  return literals;
}
function startsWithKeyword(pattern, flags, keywords) {
  const literals = leadingLiterals(pattern, flags);
  if (!literals) return false;
  return literals.every((literal2) => keywords.some((keyword) => literal2.toLowerCase().startsWith(keyword)));
}

// src/rules/regex-length.ts
var parser2 = new RegExpParser({ ecmaVersion: 2025 });
function maxMatchLength(pattern, flags = "") {
  const ast = parser2.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes("u"), unicodeSets: flags.includes("v") });
  const unit = flags.includes("u") || flags.includes("v") ? 2 : 1;
  return measure(ast, unit, /* @__PURE__ */ new Set());
}
function measure(node, unit, open2) {
  switch (node.type) {
    case "Pattern":
    case "Group":
      return Math.max(0, ...node.alternatives.map((a) => measure(a, unit, open2)));
    case "CapturingGroup": {
      open2.add(node);
      const longest = Math.max(0, ...node.alternatives.map((a) => measure(a, unit, open2)));
      open2.delete(node);
      return longest;
    }
    case "Alternative":
      return node.elements.reduce((sum, element) => sum + measure(element, unit, open2), 0);
    case "Quantifier": {
      const inner = measure(node.element, unit, open2);
      if (inner === 0) return 0;
      return node.max === Infinity ? Infinity : inner * node.max;
    }
    case "Character":
      return node.value > 65535 ? 2 : 1;
    case "CharacterClass":
    case "CharacterSet":
    case "ExpressionCharacterClass":
      return unit;
    case "Assertion":
      return 0;
    case "Backreference": {
      const groups = Array.isArray(node.resolved) ? node.resolved : [node.resolved];
      return Math.max(0, ...groups.map((group) => open2.has(group) ? 0 : measure(group, unit, open2)));
    }
    default:
      return Infinity;
  }
}

// src/rules/compile.ts
var DEFAULT_NEAR_LINES = 5;
function windowRadius(spec, analysis) {
  return Math.max(spec.window ?? 0, analysis.maxMatchLength ?? Infinity);
}
function analyseRule(spec) {
  const longest = maxMatchLength(spec.pattern, spec.flags);
  return { ...Number.isFinite(longest) ? { maxMatchLength: longest } : {}, anchored: startsWithKeyword(spec.pattern, spec.flags, spec.keywords) };
}
function withFlags(flags, extra) {
  return [...new Set(`${flags ?? ""}${extra}`)].join("");
}
function compileRules(rules) {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const problems = [];
  const compiled = rules.map((spec) => {
    const near = [];
    for (const entry of spec.near ?? []) {
      const target = entry.rule ? byId.get(entry.rule) : void 0;
      if (entry.rule && !target) {
        problems.push({ file: spec.source?.file ?? "(inline)", line: spec.source?.line, subject: spec.id, message: `near refers to unknown rule "${entry.rule}"` });
        continue;
      }
      const source = target ? target.pattern : entry.pattern;
      const flags = target ? target.flags : entry.flags;
      const lines = entry.lines ?? DEFAULT_NEAR_LINES;
      near.push({
        spec: entry,
        regex: new RegExp(source, withFlags(flags, "g")),
        lines,
        required: entry.required ?? true,
        description: `${target ? `a ${target.id} match` : `a match of /${entry.pattern}/`} within ${lines} line${lines === 1 ? "" : "s"}`
      });
    }
    const analysis = spec.analysis ?? analyseRule(spec);
    const rule = {
      spec,
      regex: new RegExp(spec.pattern, withFlags(spec.flags, "gd")),
      window: windowRadius(spec, analysis),
      allow: (spec.allow ?? []).map((a) => ({ regex: new RegExp(a.regex, a.flags ?? ""), target: a.target ?? "secret", source: a.regex })),
      near,
      reported: spec.report !== false
    };
    if (analysis.anchored) rule.sticky = new RegExp(spec.pattern, withFlags(spec.flags, "yd"));
    if (spec.paths && spec.paths.length > 0) {
      const matchers = spec.paths.map((glob) => new Minimatch(glob, { dot: true, matchBase: !glob.includes("/") }));
      rule.matchesPath = (path5) => matchers.some((matcher) => matcher.match(path5));
    }
    if (spec.checksum) rule.checksum = CHECKSUMS.get(spec.checksum);
    return rule;
  });
  if (problems.length > 0) throw new RuleError(problems);
  return compiled;
}

// src/detect/budget.ts
import vm from "node:vm";
var context = vm.createContext({ task: void 0 });
var script = new vm.Script("task()", { filename: "keyhound-budget.js" });
var OutOfTime = class extends Error {
  constructor() {
    super("out of time");
  }
};
function runWithin(ms, fn) {
  const previous = context.task;
  context.task = fn;
  try {
    return script.runInContext(context, { timeout: Math.max(1, Math.ceil(ms)) });
  } catch (error) {
    if (error?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new OutOfTime();
    throw error;
  } finally {
    context.task = previous;
  }
}

// src/detect/scrub.ts
function withoutScannedText(error, text) {
  if (!(error instanceof Error)) return new Error(`a non-error value was thrown while scanning (${typeof error})`);
  const quotes = (word) => {
    for (let i = 0; i + 8 <= word.length; i++) if (text.includes(word.slice(i, i + 8))) return true;
    return false;
  };
  const clean = (line) => line.replace(/[^\s"'`,;:()[\]{}<>=]{8,}/g, (word) => quotes(word) ? "[scanned text]" : word);
  const message = clean(error.message);
  if (message === error.message) return error;
  try {
    const stack = error.stack ?? "";
    const frames = stack.search(/\n\s+at /);
    error.message = message;
    error.stack = frames < 0 ? `${error.name}: ${message}` : `${error.name}: ${message}${stack.slice(frames)}`;
  } catch {
    return new Error(`${error.name} while scanning (its message quoted scanned text and was dropped)`);
  }
  return error;
}

// src/detect/entropy.ts
var counts = new Uint32Array(256);
function shannonEntropy(text) {
  const length = text.length;
  if (length === 0) return 0;
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(i) > 255) return entropyOfAnyText(text);
  }
  for (let i = 0; i < length; i++) counts[text.charCodeAt(i)]++;
  let bits = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const count = counts[code];
    if (count === 0) continue;
    const p = count / length;
    bits -= p * Math.log2(p);
    counts[code] = 0;
  }
  return bits;
}
function entropyOfAnyText(text) {
  const seen = /* @__PURE__ */ new Map();
  for (let i = 0; i < text.length; i++) seen.set(text.charCodeAt(i), (seen.get(text.charCodeAt(i)) ?? 0) + 1);
  let bits = 0;
  for (const count of seen.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// src/detect/candidates.ts
function findCandidates(rule, text, windows) {
  const found = /* @__PURE__ */ new Map();
  for (const initial of windows) {
    let window = initial;
    for (; ; ) {
      const cutEdge = runWindow(rule, text, window, found);
      if (!cutEdge) break;
      const grow = Math.max(window.end - window.start, rule.window) * 2;
      window = { start: Math.max(0, window.start - grow), end: Math.min(text.length, window.end + grow) };
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
function findAnchoredCandidates(rule, text, starts) {
  const regex = rule.sticky;
  const out = [];
  let covered = -1;
  for (const start of starts) {
    if (start < covered) continue;
    regex.lastIndex = start;
    const m = regex.exec(text);
    if (!m || m[0].length === 0) continue;
    const candidate = toCandidate(rule, text, m, 0);
    if (candidate) {
      out.push(candidate);
      covered = candidate.end;
    }
  }
  return out;
}
function toCandidate(rule, text, m, base) {
  const start = base + m.index;
  const end = start + m[0].length;
  const group = m.indices?.groups?.secret;
  const secretStart = group ? base + group[0] : start;
  const secretEnd = group ? base + group[1] : end;
  if (secretEnd <= secretStart) return void 0;
  const secret = text.slice(secretStart, secretEnd);
  const candidate = { rule, start, end, secretStart, secretEnd, secret, match: m[0], entropy: shannonEntropy(secret) };
  if (m.groups) {
    for (const [name, value] of Object.entries(m.groups)) if (value !== void 0 && name !== "secret") (candidate.related ??= {})[name] = value;
  }
  return candidate;
}
function runWindow(rule, text, window, found) {
  const whole = window.start === 0 && window.end === text.length;
  const slice = whole ? text : text.slice(window.start, window.end);
  const regex = rule.regex;
  const pending = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const end = window.start + m.index + m[0].length;
    if (window.start > 0 && m.index === 0 || window.end < text.length && end === window.end) return true;
    const candidate = toCandidate(rule, text, m, window.start);
    if (candidate) pending.push(candidate);
  }
  for (const candidate of pending) found.set(`${candidate.secretStart}:${candidate.secretEnd}`, candidate);
  return false;
}

// src/detect/decode.ts
import { isUtf8 } from "node:buffer";
var LIMITS = {
  /**
   * Shortest base64 run tried: 32 characters decode to 24 bytes, room for a
   * name and a short value (`password=...`). Shorter runs are mostly
   * identifiers; known formats (Kubernetes, Docker, .npmrc, Basic) have no minimum.
   */
  base64: 32,
  /** Shortest hex run tried: 32 digits decode to 16 bytes. */
  hex: 32,
  /** Shortest percent-encoded or escaped run, and the escapes it must hold. */
  escaped: 16,
  escapes: 3,
  /** Least Shannon entropy of a base64 run (bits per character); text encodes to 4.5+ once it is this long. */
  entropy: 3.5,
  /** Shortest decoded text worth scanning. */
  decoded: 8,
  /** Longest segment decoded (characters); longer blobs are embedded files, not secrets. */
  segment: 1 << 20
};
var ALNUM2 = 1;
var STD = 2;
var URL = 4;
var NOT_HEX = 8;
var CLASS = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) CLASS[c] = ALNUM2;
for (let c = 65; c <= 90; c++) CLASS[c] = ALNUM2 | (c > 70 ? NOT_HEX : 0);
for (let c = 97; c <= 122; c++) CLASS[c] = ALNUM2 | (c > 102 ? NOT_HEX : 0);
CLASS[43] = STD;
CLASS[47] = STD;
CLASS[45] = URL;
CLASS[95] = URL;
var TEXT_LEAD = new Uint8Array(65536);
for (const c of "CDIJKLMNOPQRSTUVWXYZabcdef") TEXT_LEAD[c.charCodeAt(0)] = 1;
function looksLikeEncodedText(text, start, end) {
  const allowed = Math.floor(Math.ceil((end - start) / 4) * 0.25);
  let misses = 0;
  for (let i = start; i < end; i += 4) if (TEXT_LEAD[text.charCodeAt(i)] === 0 && ++misses > allowed) return false;
  return true;
}
function looksLikeHexText(text, start, end) {
  const allowed = Math.floor(Math.ceil((end - start) / 2) * 0.1);
  let misses = 0;
  for (let i = start; i < end; i += 2) {
    const c = text.charCodeAt(i);
    if (!(c >= 50 && c <= 55 || c === 48 && text.charCodeAt(i + 1) <= 100) && ++misses > allowed) return false;
  }
  return true;
}
function bytesToText(bytes) {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 || b === 127) return void 0;
  }
  if (!isUtf8(bytes)) return void 0;
  return bytes.toString("utf8");
}
function decodeBase64(encoded) {
  const body = encoded.replace(/=+$/, "");
  if (body.length % 4 === 1 || body.length === 0) return void 0;
  const url = /[-_]/.test(body);
  if (url && /[+/]/.test(body)) return void 0;
  return bytesToText(Buffer.from(body, url ? "base64url" : "base64"));
}
function decodeHex(encoded) {
  if (encoded.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(encoded)) return void 0;
  return bytesToText(Buffer.from(encoded, "hex"));
}
function decodePercent(encoded) {
  let invalid = false;
  const out = encoded.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const text = bytesToText(Buffer.from(run.replace(/%/g, ""), "hex"));
    if (text === void 0) invalid = true;
    return text ?? "";
  });
  return invalid ? void 0 : out;
}
function decodeEscapes(encoded) {
  const out = encoded.replace(/\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})/g, (_m, u, x) => String.fromCharCode(parseInt(u ?? x, 16)));
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(out) ? void 0 : out;
}
function isHexDigit2(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102;
}
function inEscapedRun(code) {
  return code > 32 && code < 127 && code !== 34 && code !== 39 && code !== 96 && code !== 60 && code !== 62;
}
function hexRun(text, start, end, out) {
  const length = end - start;
  if (length < LIMITS.hex || length > LIMITS.segment || length % 2 !== 0 || !looksLikeHexText(text, start, end)) return;
  const decoded = decodeHex(text.slice(start, end));
  if (decoded !== void 0 && decoded.trim().length >= LIMITS.decoded) out.push({ start, end, encoding: "hex", replacement: decoded });
}
function findRuns(text, from2, to, out) {
  const min = LIMITS.base64;
  let i = from2;
  while (i + min <= to) {
    const probe = i + min - 1;
    if (CLASS[text.charCodeAt(probe)] === 0) {
      i = probe + 1;
      continue;
    }
    let runEnd = probe + 1;
    while (runEnd < to && CLASS[text.charCodeAt(runEnd)] !== 0) runEnd++;
    if (runEnd - i < min) {
      i = runEnd;
      continue;
    }
    let start = probe;
    while (start > i && CLASS[text.charCodeAt(start - 1)] !== 0) start--;
    let end = runEnd;
    while (end < to && end - runEnd < 2 && text.charCodeAt(end) === 61) end++;
    i = end;
    if (runEnd - start >= min) examineRun(text, start, runEnd, end, out);
  }
}
function examineRun(text, start, runEnd, end, out) {
  const length = runEnd - start;
  if (length > LIMITS.segment) return;
  const c1 = text.charCodeAt(start + 1);
  const hexStart = text.charCodeAt(start) === 48 && (c1 === 120 || c1 === 88) ? start + 2 : start;
  const textLike = looksLikeEncodedText(text, start, runEnd);
  if (!textLike && !looksLikeHexText(text, hexStart, runEnd)) return;
  let flags = 0;
  for (let k = hexStart; k < runEnd; k++) flags |= CLASS[text.charCodeAt(k)];
  if (!(flags & (STD | URL | NOT_HEX))) {
    hexRun(text, hexStart, runEnd, out);
    return;
  }
  if (!textLike || hexStart !== start || flags & STD && flags & URL) return;
  const encoded = text.slice(start, end);
  if (shannonEntropy(encoded) < LIMITS.entropy) return;
  const decoded = decodeBase64(encoded);
  if (decoded !== void 0 && decoded.trim().length >= LIMITS.decoded) out.push({ start, end, encoding: "base64", replacement: decoded });
}
var NEARBY = 16;
function findEscaped(text, from2, to, encoding, out) {
  const marker = encoding === "percent" ? "%" : "\\";
  const isEscape = encoding === "percent" ? (at2) => isHexDigit2(text.charCodeAt(at2 + 1)) && isHexDigit2(text.charCodeAt(at2 + 2)) : (at2) => {
    const kind = text.charCodeAt(at2 + 1);
    const digits = kind === 117 ? 4 : kind === 120 ? 2 : 0;
    if (digits === 0) return false;
    for (let k = 2; k < 2 + digits; k++) if (!isHexDigit2(text.charCodeAt(at2 + k))) return false;
    return true;
  };
  let at = text.indexOf(marker, from2);
  while (at >= 0 && at < to) {
    const next = text.indexOf(marker, at + 1);
    if (next < 0 || next - at > NEARBY || !isEscape(at)) {
      at = next;
      continue;
    }
    let start = at;
    while (start > from2 && inEscapedRun(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < to && inEscapedRun(text.charCodeAt(end))) end++;
    let escapes = 0;
    for (let k = text.indexOf(marker, start); k >= 0 && k < end; k = text.indexOf(marker, k + 1)) if (isEscape(k)) escapes++;
    if (escapes >= LIMITS.escapes && end - start >= LIMITS.escaped && end - start <= LIMITS.segment) {
      const encoded = text.slice(start, end);
      const decoded = encoding === "percent" ? decodePercent(encoded) : decodeEscapes(encoded);
      if (decoded !== void 0 && decoded.trim().length >= LIMITS.decoded) out.push({ start, end, encoding, replacement: decoded });
    }
    at = text.indexOf(marker, Math.max(end, at + 1));
  }
}
function findSegments(text, from2 = 0, to = text.length) {
  const out = [];
  findRuns(text, from2, to, out);
  findEscaped(text, from2, to, "percent", out);
  findEscaped(text, from2, to, "escape", out);
  return out;
}

// src/detect/decode-formats.ts
var MAX_VALUE = 1 << 20;
function userPassword(decoded) {
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1 || /[\r\n]/.test(decoded)) return void 0;
  return `${decoded}
password=${decoded.slice(colon + 1)}`;
}
function push(out, start, encoded, basicAuth) {
  if (encoded.length > MAX_VALUE) return;
  const decoded = decodeBase64(encoded);
  if (decoded === void 0 || decoded.length === 0) return;
  const replacement = basicAuth ? userPassword(decoded) : decoded;
  if (replacement !== void 0) out.push({ start, end: start + encoded.length, encoding: "base64", replacement });
}
function eachValue(text, regex, from2, to, basicAuth, out) {
  regex.lastIndex = 0;
  const slice = from2 === 0 && to === text.length ? text : text.slice(from2, to);
  for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
    const span = m.indices?.groups?.value;
    if (span) push(out, from2 + span[0], m.groups.value, basicAuth);
  }
}
function valueAt(text, at, regex, basicAuth, out) {
  regex.lastIndex = at;
  const m = regex.exec(text);
  const span = m?.indices?.groups?.value;
  if (span) push(out, span[0], m.groups.value, basicAuth);
}
var isWordChar = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95;
var BASIC = /(?:Basic|basic|BASIC)[ \t]{1,4}(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dy;
var DOCKER_AUTH = /\\{0,3}"auth\\{0,3}"[ \t]{0,4}:[ \t]{0,4}\\{0,3}"(?<value>[A-Za-z0-9+/]{4,8192}={0,2})\\{0,3}"/dg;
var NPM_AUTH = /_auth[ \t]{0,4}=[ \t]{0,4}["']?(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dy;
var NPM_PASSWORD = /_password[ \t]{0,4}=[ \t]{0,4}["']?(?<value>[A-Za-z0-9+/]{4,8192}={0,2})(?![A-Za-z0-9+/=])/dy;
var K8S_KIND = /(?:^|[^\w-])["']?kind["']?[ \t]{0,4}:[ \t]{0,4}["']?Secret(?:["']|\s|$)/;
var YAML_DATA = /^([ \t]*)data:[ \t]*\r?$/gm;
var YAML_ENTRY = /^[ \t]+["']?[\w.-]{1,253}["']?:[ \t]{0,4}(?<quote>["']?)(?<value>[A-Za-z0-9+/]{1,1048576}={0,2})\k<quote>[ \t]*\r?$/dgm;
var JSON_DATA = /"data"[ \t\r\n]{0,8}:[ \t\r\n]{0,8}\{([^{}]{0,1048576})\}/dg;
var JSON_ENTRY = /"[\w.-]{1,253}"[ \t\r\n]{0,8}:[ \t\r\n]{0,8}"(?<value>[A-Za-z0-9+/]{1,1048576}={0,2})"/dg;
function isKubernetesSecret(text) {
  for (let at = text.indexOf("Secret"); at >= 0; at = text.indexOf("Secret", at + 1)) {
    const from2 = Math.max(0, at - 16);
    if (K8S_KIND.test(text.slice(from2, at + 8)) && !isWordChar(text.charCodeAt(at + 6))) return true;
  }
  return false;
}
function kubernetesSecret(text, out) {
  if (!isKubernetesSecret(text)) return;
  YAML_DATA.lastIndex = 0;
  for (let block = YAML_DATA.exec(text); block; block = YAML_DATA.exec(text)) {
    const indent = block[1].length;
    const from2 = block.index + block[0].length;
    let to = from2;
    while (to < text.length) {
      const next = text.indexOf("\n", to + 1);
      const lineEnd = next < 0 ? text.length : next;
      const line = text.slice(to + 1, lineEnd);
      if (line.trim() !== "" && /^[ \t]*/.exec(line)[0].length <= indent) break;
      to = lineEnd;
    }
    eachValue(text, YAML_ENTRY, from2, to, false, out);
  }
  JSON_DATA.lastIndex = 0;
  for (let block = JSON_DATA.exec(text); block; block = JSON_DATA.exec(text)) {
    const span = block.indices[1];
    eachValue(text, JSON_ENTRY, span[0], span[1], false, out);
  }
}
var FORMAT_HINTS = ["basic ", '"auths', "_auth", "_password", "apiversion"];
var ALL_HINTS = (1 << FORMAT_HINTS.length) - 1;
function findFormatSegments(text, hints = ALL_HINTS) {
  const out = [];
  if (hints & 1) {
    for (const needle of ["Basic ", "basic ", "BASIC "]) {
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) valueAt(text, at, BASIC, true, out);
      }
    }
  }
  if (hints & 2) eachValue(text, DOCKER_AUTH, 0, text.length, true, out);
  for (const [bit, key, regex, basicAuth] of [[4, "_auth", NPM_AUTH, true], [8, "_password", NPM_PASSWORD, false]]) {
    if (!(hints & bit)) continue;
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      const before = at === 0 ? 10 : text.charCodeAt(at - 1);
      if (before === 10 || before === 13 || before === 58) valueAt(text, at, regex, basicAuth, out);
    }
  }
  if (hints & 16) kubernetesSecret(text, out);
  return out;
}

// src/core/redact.ts
var MASK = "*".repeat(12);
var PREFIX_END = /^[A-Za-z0-9]{2,12}[_-](?:[A-Za-z0-9]{2,8}[_-])?/;
function redact(secret) {
  if (secret.length === 0) return "";
  const prefix2 = PREFIX_END.exec(secret)?.[0] ?? "";
  const budget = Math.floor(secret.length / 4);
  const visible = Math.min(budget, prefix2.length + 4, secret.length > 8 ? 12 : 2);
  return secret.slice(0, Math.max(0, visible)) + MASK;
}
function redactText(text, secrets) {
  const sorted = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of sorted) out = out.split(secret).join(redact(secret));
  return out;
}

// src/detect/snippet.ts
var MAX_SNIPPET = 160;
var WHOLE_MASK = "*".repeat(12);
var MaskedSpans = class {
  spans;
  longest;
  constructor(spans) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    this.longest = this.spans.reduce((max, s) => Math.max(max, s.end - s.start), 0);
  }
  /** Spans that overlap [from, to). */
  overlapping(from2, to) {
    let low = 0;
    let high = this.spans.length;
    const earliest = from2 - this.longest;
    while (low < high) {
      const mid = low + high >> 1;
      if (this.spans[mid].start < earliest) low = mid + 1;
      else high = mid;
    }
    const out = [];
    for (let i = low; i < this.spans.length && this.spans[i].start < to; i++) {
      if (this.spans[i].end > from2) out.push(this.spans[i]);
    }
    return out;
  }
};
function buildSnippet(text, lines, secret, masked, redactOn) {
  const line = lines.position(secret.start).line;
  const bounds = lines.lineBounds(line);
  let from2 = bounds.start;
  let to = bounds.end;
  if (to - from2 > MAX_SNIPPET) {
    from2 = Math.max(bounds.start, secret.start - MAX_SNIPPET / 2);
    to = Math.min(bounds.end, Math.max(from2 + MAX_SNIPPET, Math.min(secret.end, from2 + MAX_SNIPPET * 2)));
  }
  if (!redactOn) return decorate(text.slice(from2, to).trim(), from2 > bounds.start, to < bounds.end);
  const spans = masked.overlapping(from2, to).sort((a, b) => a.start - b.start || Number(b.whole ?? false) - Number(a.whole ?? false));
  let out = "";
  let cursor = from2;
  for (const span of spans) {
    if (span.end <= cursor) continue;
    if (span.start < cursor) {
      out += "****";
      cursor = span.end;
      continue;
    }
    out += text.slice(cursor, span.start) + (span.whole ? WHOLE_MASK : redact(text.slice(span.start, span.end)));
    cursor = span.end;
  }
  out += cursor < to ? text.slice(cursor, to) : "";
  return decorate(out.trim(), from2 > bounds.start, to < bounds.end);
}
function decorate(snippet, cutStart, cutEnd) {
  return `${cutStart ? "\u2026" : ""}${snippet}${cutEnd ? "\u2026" : ""}`;
}

// src/detect/decode-stage.ts
var CONTEXT_LINES = 15;
var CONTEXT_CHARS = 2048;
var MAX_SEGMENTS = 2e3;
var overlaps = (a, b) => a.start < b.end && b.start < a.end;
function chooseSegments(text, ranges, hints) {
  const inRanges = (s) => !ranges || ranges.some((r) => s.start >= r.start && s.end <= r.end);
  const formats = findFormatSegments(text, hints).filter(inRanges);
  const shapes = ranges ? ranges.flatMap((r) => findSegments(text, r.start, r.end)) : findSegments(text);
  const chosen = [];
  for (const segment of [...formats.sort((a, b) => a.start - b.start), ...shapes.sort((a, b) => b.end - b.start - (a.end - a.start))]) {
    if (chosen.length >= MAX_SEGMENTS) break;
    if (!chosen.some((c) => overlaps(c, segment))) chosen.push(segment);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
function contextAround(text, start, end) {
  let from2 = start;
  const fromLimit = Math.max(0, start - CONTEXT_CHARS);
  for (let lines = 0; from2 > fromLimit; from2--) if (text.charCodeAt(from2 - 1) === 10 && ++lines > CONTEXT_LINES) break;
  let to = end;
  const toLimit = Math.min(text.length, end + CONTEXT_CHARS);
  for (let lines = 0; to < toLimit; to++) if (text.charCodeAt(to) === 10 && ++lines > CONTEXT_LINES) break;
  return { start: from2, end: to };
}
function merge(direct, decoded, rank) {
  const keptDecoded = decoded.filter((e) => !direct.some((d) => overlaps(d, e) && rank(d.finding) > rank(e.finding)));
  const keptDirect = direct.filter((d) => !keptDecoded.some((e) => overlaps(d, e) && rank(e.finding) >= rank(d.finding)));
  return [...keptDirect, ...keptDecoded];
}
function layer(host, text, origin, depth, regions) {
  const plain = host.scanPlain({ text, origin });
  const direct = plain.findings.map((finding) => ({ finding, start: finding.offset, end: finding.offset + finding.secret.length, chain: [] })).filter((item) => regions.some((r) => overlaps(r, item)));
  if (depth <= 0) return direct;
  return merge(direct, decodeLayer(host, text, origin, depth, regions, plain.hints), host.rank);
}
function decodeLayer(host, text, origin, depth, regions, hints) {
  const segments = chooseSegments(text, regions, hints);
  if (segments.length === 0) return [];
  const groups = [];
  for (const segment of segments) {
    const around = contextAround(text, segment.start, segment.end);
    const last = groups[groups.length - 1];
    if (last && around.start <= last.end) {
      last.end = Math.max(last.end, around.end);
      last.segments.push(segment);
    } else {
      groups.push({ ...around, segments: [segment] });
    }
  }
  const out = [];
  for (const group of groups) {
    let synthesized = "";
    let cursor = group.start;
    const inner = [];
    for (const segment of group.segments) {
      synthesized += text.slice(cursor, segment.start);
      inner.push({ start: synthesized.length, end: synthesized.length + segment.replacement.length, segment });
      synthesized += segment.replacement;
      cursor = segment.end;
    }
    synthesized += text.slice(cursor, group.end);
    const bySecret = /* @__PURE__ */ new Map();
    for (const item of layer(host, synthesized, origin, depth - 1, inner)) {
      const region = inner.find((r) => overlaps(r, item));
      const key = `${region.segment.start}\0${item.finding.secret}`;
      const known = bySecret.get(key);
      if (known && host.rank(known.finding) >= host.rank(item.finding)) continue;
      bySecret.set(key, { finding: item.finding, start: region.segment.start, end: region.segment.end, chain: [region.segment.encoding, ...item.chain] });
    }
    out.push(...bySecret.values());
  }
  return out;
}
function segmentSpans(items) {
  return [...new Map(items.map((i) => [i.start, { start: i.start, end: i.end, whole: true }])).values()];
}
function finishDecoded(host, chunk, direct, items, options) {
  const directItems = direct.map((finding) => ({ finding, start: finding.offset, end: finding.offset + finding.secret.length, chain: [] }));
  const kept = merge(directItems, items, host.rank);
  const lines = new LineIndex(chunk.text, chunk.firstLine ?? 1, chunk.firstColumn ?? 1);
  const segments = segmentSpans(items);
  const masked = [...direct.map((f) => ({ start: f.offset, end: f.offset + f.secret.length })), ...segments];
  const decoded = [];
  for (const item of kept) {
    if (item.chain.length === 0) continue;
    const location = lines.span(item.start, item.end);
    if (options.lines && !options.lines.some((r) => r.start <= location.endLine && r.end >= location.line)) continue;
    if (options.allowedInline?.(lines, location.line, item.finding.ruleId)) continue;
    decoded.push({
      ...item.finding,
      ...location,
      path: chunk.origin.path,
      origin: chunk.origin,
      offset: item.start,
      snippet: buildSnippet(chunk.text, lines, { start: item.start, end: item.end }, new MaskedSpans(masked), options.redact),
      decoded: item.chain.join("/")
    });
  }
  return { direct: kept.filter((i) => i.chain.length === 0).map((i) => i.finding), decoded };
}

// src/detect/filters/allow.ts
var LINE_CONTEXT = 512;
function allowSubject(target, candidate, context2) {
  if (target === "secret") return candidate.secret;
  if (target === "match") return candidate.match;
  const { line } = context2.lines.position(candidate.secretStart);
  const bounds = context2.lines.lineBounds(line);
  return context2.text.slice(Math.max(bounds.start, candidate.start - LINE_CONTEXT), Math.min(bounds.end, candidate.end + LINE_CONTEXT));
}
var ruleAllowFilter = (candidate, context2) => {
  for (const allow of candidate.rule.allow) {
    if (allow.regex.test(allowSubject(allow.target, candidate, context2))) {
      return { filter: "allow", reason: `rule ${candidate.rule.spec.id} allows ${allow.target} matching /${allow.source}/` };
    }
  }
  return void 0;
};

// src/detect/filters/checksum.ts
var checksumFilter = (candidate) => {
  const validator = candidate.rule.checksum;
  if (!validator || validator.validate(candidate.secret)) return void 0;
  return { filter: "checksum", reason: `${validator.name} checksum does not match: the format fits but this is not a real token` };
};

// src/detect/filters/entropy.ts
var entropyFilter = (candidate) => {
  const minimum = candidate.rule.spec.entropy;
  if (minimum === void 0 || candidate.entropy >= minimum) return void 0;
  return { filter: "entropy", reason: `low entropy ${candidate.entropy.toFixed(2)} < ${minimum}` };
};

// src/detect/tokenizer.ts
var encode;
var loading;
function loadTokenizer() {
  loading ??= import("./cl100k_base-IRDKQFIX.js").then((module) => {
    encode = module.encode;
  });
  return loading;
}
var TokenizerNotLoaded = class extends Error {
};
function charsPerToken(text) {
  if (text.length === 0) return 0;
  if (!encode) throw new TokenizerNotLoaded("the BPE vocabulary is not loaded yet");
  return text.length / encode(text).length;
}

// src/detect/filters/generic.ts
var SECRET_WORDS = /* @__PURE__ */ new Set([
  "key",
  "apikey",
  "token",
  "secret",
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "credential",
  "credentials",
  "cred",
  "creds",
  "auth",
  "bearer"
]);
var GLUED_NOT_SECRET = /^(?:mon|tur|whis|don|joc|hoc|hot|turn|latch|pub|public|sub|sort|partition|cache|primary|foreign|hash|range|row|routing|i18n|query|map|dict|lookup|dedup|by|com|sur|over|under|tres|encom|get|set|has|is|new|old|next|page|csrf|xsrf|de|re|un|mis|to|from|sync)$/;
var NOT_SECRET_QUALIFIERS = /* @__PURE__ */ new Set([
  "public",
  "pub",
  "publishable",
  "site",
  "partition",
  "sort",
  "range",
  "hash",
  "cache",
  "primary",
  "foreign",
  "row",
  "routing",
  "idempotency",
  "dedup",
  "deduplication",
  "i18n",
  "translation",
  "lookup",
  "map",
  "dict",
  "page",
  "next",
  "continuation",
  "cursor",
  "sync",
  "cancel",
  "cancellation",
  "csrf",
  "xsrf",
  "unique",
  "composite",
  "index",
  "lexer",
  "parser",
  "react"
]);
var DESCRIBING_WORDS = /* @__PURE__ */ new Set([
  "url",
  "uri",
  "path",
  "file",
  "filename",
  "dir",
  "field",
  "length",
  "len",
  "min",
  "max",
  "size",
  "policy",
  "algorithm",
  "algo",
  "regex",
  "pattern",
  "type",
  "name",
  "label",
  "hint",
  "prompt",
  "placeholder",
  "message",
  "msg",
  "header",
  "param",
  "endpoint",
  "expiry",
  "expires",
  "expiration",
  "ttl",
  "timeout",
  "count",
  "enabled",
  "required",
  "format",
  "mode",
  "version",
  "prefix",
  "suffix",
  "id",
  "ids",
  "uuid",
  "guid",
  "index",
  "idx",
  "location",
  "env",
  "var",
  "variable",
  "ref",
  "arn",
  "kind",
  "status",
  "provider",
  "source",
  "store",
  "manager",
  "service",
  "helper",
  "class",
  "method",
  "fn",
  "func",
  "callback",
  "handler",
  "validator",
  "validation",
  "error",
  "desc",
  "description",
  "title",
  "help",
  "text",
  "example",
  "sample",
  "usage",
  "doc",
  "docs",
  "link",
  "host",
  "port",
  "user",
  "username",
  "login",
  "email",
  "owner",
  "scope",
  "scopes",
  "audience",
  "issuer",
  "created",
  "updated",
  "date",
  "time",
  "at",
  "by"
]);
function nameStart(candidate, text) {
  let from2 = candidate.start;
  while (from2 > 0 && candidate.start - from2 < 64 && /[A-Za-z0-9_.$-]/.test(text[from2 - 1])) from2--;
  return from2;
}
function variableName(candidate, text) {
  const from2 = nameStart(candidate, text);
  const name = text.slice(from2, candidate.start) + candidate.match.slice(0, candidate.secretStart - candidate.start);
  return /^[^A-Za-z0-9]{0,3}([A-Za-z0-9_.$-]{1,160})/.exec(name)?.[1] ?? "";
}
function wordBefore(candidate, text) {
  const from2 = nameStart(candidate, text);
  return /([A-Za-z]{2,20})[ \t]{1,2}$/.exec(text.slice(Math.max(0, from2 - 24), from2))?.[1]?.toLowerCase();
}
function nameWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z])([A-Z][a-z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).map((word) => word.toLowerCase().replace(/\d+$/, "")).filter((word) => word.length > 0);
}
function isSecretWord(word) {
  if (SECRET_WORDS.has(word)) return true;
  for (const secret of SECRET_WORDS) {
    if (word.length > secret.length + 1 && word.endsWith(secret) && !GLUED_NOT_SECRET.test(word.slice(0, -secret.length))) return true;
  }
  return false;
}
function nameProblem(name, previous) {
  const words = nameWords(name);
  if (words.length === 0) return void 0;
  if (words.length === 1 && words[0] === "pwd") return `the name "${name}" is the working directory in shell and editor code`;
  let last = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (isSecretWord(words[i])) {
      last = i;
      break;
    }
  }
  if (last < 0) return `the name "${name}" holds no word for a secret (key, token, secret, password)`;
  const before = last > 0 ? words[last - 1] : previous;
  if (before !== void 0 && NOT_SECRET_QUALIFIERS.has(before)) return `the name "${name}" says "${before} ${words[last]}": not a secret`;
  const end = words[words.length - 1];
  if (last < words.length - 1 && DESCRIBING_WORDS.has(end)) return `the name "${name}" ends in "${end}": it describes a secret, it is not one`;
  return void 0;
}
var SHAPES = [
  // At least two words, split by case or a separator: a lone lower-case run may just as well be a random key (the BPE filter judges it).
  { name: "a camelCase or snake_case identifier", test: /^_{0,2}[A-Za-z][a-z]{1,20}(?:(?:[A-Z]|[_.-][A-Za-z])[a-z]{1,20}){1,8}[0-9]{0,3}$|^_{0,2}[A-Z]{2,12}(?:[A-Z][a-z]{1,20}){1,8}$/ },
  // Segments are identifiers (digits only at their end), so dotted random tokens (JWT-like, Discord) do not fit.
  { name: "a dotted or namespaced name", test: /^[A-Za-z_$][A-Za-z_$-]{0,40}\d{0,3}(?:(?:\.|::|->)[A-Za-z_$][A-Za-z_$-]{0,40}\d{0,3}){1,8}(?:\(\))?$/ },
  { name: "a file path", test: /^(?:~|\.{1,2}|[A-Za-z]:)?[\\/](?:[\w .-]{1,64}[\\/]){0,20}[\w .-]{0,64}$|^[\w.-]{1,64}\.(?:json|ya?ml|toml|ini|txt|pem|key|crt|env|js|ts|py|rb|go|java|xml|conf|cfg|properties|sh)$|^(?:[\w.-]{1,64}\/){1,20}(?:[\w-]{1,64}\.[A-Za-z0-9*]{1,8})?$/i },
  { name: "a URL without credentials", test: /^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,253}(?:[/?#][^\s]{0,400})?$/i },
  { name: "a version string", test: /^v?\d{1,4}(?:\.\d{1,6}){1,3}(?:[-+][\w.-]{1,40})?$/ },
  { name: "a hash digest with its algorithm", test: /^(?:sha1|sha256|sha384|sha512|md5)[-:][A-Za-z0-9+/=]{16,128}$/i },
  { name: "an environment or template reference", test: /^(?:env|process\.env|os\.environ|secrets|vars|settings|config)\b|^[$%@&*][{A-Za-z_]/i },
  { name: "a function call or expression", test: /^[\w.$]{1,80}(?:\(.{0,200}\)|\[[^\]]{0,80}\])[\w.$()[\]-]{0,80}[;,]?$|^(?:true|false|null|none|nil|undefined)$/i },
  { name: "a regular expression", test: /a-z|A-Z|0-9|\\[dws]/ },
  { name: "a number", test: /^[+-]?\d{1,30}(?:\.\d{1,30})?$/ },
  { name: "a date or time", test: /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?/ }
];
var FORMAT_USE = /^["'`][ \t]{0,2}(?:%[ \t(]|\.format\()/;
var SPELLED_PLACEHOLDER = /(?<![A-Z])(?:VALUE|TOKEN|SECRET|PASSWORD|APIKEY)(?![A-Z])/;
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isPublicKeyDer(value) {
  if (!/^MI[A-Za-z0-9+/]{20}|^M[A-H][A-Za-z0-9+/]{20}/.test(value)) return false;
  const bytes = Buffer.from(value.slice(0, 24), "base64");
  if (bytes[0] !== 48) return false;
  const lengthBytes = bytes[1] & 128 ? bytes[1] & 127 : 0;
  const inner = 2 + lengthBytes;
  return bytes[inner] === 48;
}
var DIGEST_FILES = /(?:^|\/)(?:package-lock\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum|Cargo\.lock|Gemfile\.lock|poetry\.lock|composer\.lock|[\w.-]*\.sha(?:1|256|512)(?:sum)?)$/;
var WORDLIKE_CHARS_PER_TOKEN = 2.5;
var genericNameFilter = (candidate, context2) => {
  if (!candidate.rule.spec.generic) return void 0;
  const name = variableName(candidate, context2.text);
  if (candidate.rule.spec.providerKey === "generic") {
    const problem = nameProblem(name, wordBefore(candidate, context2.text));
    if (problem) return { filter: "shape", reason: problem };
  } else {
    const end = nameWords(name).at(-1);
    if (end && DESCRIBING_WORDS.has(end) && nameWords(name).length > 1) return { filter: "shape", reason: `the name "${name}" ends in "${end}": it describes a secret, it is not one` };
  }
  return void 0;
};
var genericValueFilter = (candidate, context2) => {
  if (!candidate.rule.spec.generic) return void 0;
  const secret = candidate.secret;
  for (const shape of SHAPES) {
    if (shape.test.test(secret)) return { filter: "shape", reason: `looks like ${shape.name}` };
  }
  const spelled = SPELLED_PLACEHOLDER.exec(secret);
  if (spelled) return { filter: "shape", reason: `spells out "${spelled[0]}": a template value, not a key` };
  if (UUID.test(secret) && candidate.rule.spec.providerKey !== "generic") return { filter: "shape", reason: "looks like a UUID" };
  if (isPublicKeyDer(secret)) return { filter: "shape", reason: "a DER public key or certificate (base64): public, not a secret" };
  if (/[%{]/.test(secret) && FORMAT_USE.test(context2.text.slice(candidate.secretEnd, candidate.secretEnd + 12))) return { filter: "shape", reason: "a format template (followed by % or .format)" };
  if (DIGEST_FILES.test(context2.chunk.origin.path)) return { filter: "shape", reason: "a digest in a lock or checksum file" };
  if (/\{[{%][ \t]{0,2}[\w.-]{0,40}$/.test(context2.text.slice(Math.max(0, candidate.start - 44), candidate.start))) return { filter: "shape", reason: "inside template syntax ({{ }}, {% %})" };
  return void 0;
};
var genericShapeFilter = (candidate, context2) => genericNameFilter(candidate, context2) ?? genericValueFilter(candidate, context2);
var wordlikeFilter = (candidate) => {
  if (!candidate.rule.spec.generic) return void 0;
  const ratio = charsPerToken(candidate.secret);
  if (ratio < WORDLIKE_CHARS_PER_TOKEN) return void 0;
  return { filter: "wordlike", reason: `reads like words, not a key: ${ratio.toFixed(2)} characters per BPE token >= ${WORDLIKE_CHARS_PER_TOKEN}` };
};

// src/detect/filters/global.ts
function globMatcher(glob) {
  const anchored = glob.startsWith("/") ? glob.slice(1) : glob;
  const matcher = new Minimatch(anchored, { dot: true, matchBase: !glob.includes("/"), nocase: true });
  return (path5) => matcher.match(path5);
}
function compileAllowance(spec) {
  return {
    spec,
    ...spec.ruleIds ? { ruleIds: new Set(spec.ruleIds) } : {},
    paths: (spec.paths ?? []).map((glob) => ({ glob, test: globMatcher(glob) })),
    pathRegexes: (spec.pathRegexes ?? []).map((source) => new RegExp(source)),
    regexes: (spec.regexes ?? []).map((r) => ({ source: r.regex, regex: new RegExp(r.regex), target: r.target ?? "secret" })),
    stopwords: (spec.stopwords ?? []).map((w) => w.toLowerCase()),
    commits: (spec.commits ?? []).map((c) => c.trim().toLowerCase()),
    and: spec.condition === "and",
    ...spec.outsidePathRegex ? { outside: new RegExp(spec.outsidePathRegex) } : {}
  };
}
function joinPath(prefix2, path5) {
  if (!prefix2 || path5 === "-") return path5;
  return `${prefix2.endsWith("/") ? prefix2 : `${prefix2}/`}${path5}`;
}
var from = (origin) => origin ? ` from ${origin}` : "";
function pathReason(a, path5) {
  if (a.lastPath?.path === path5) return a.lastPath.reason;
  const glob = a.paths.find((p) => p.test(path5));
  const regex = glob ? void 0 : a.pathRegexes.find((r) => r.test(path5));
  const reason = glob ? `path ${glob.glob}` : regex ? `path /${regex.source}/` : void 0;
  a.lastPath = { path: path5, reason };
  return reason;
}
function commitReason(a, sha) {
  if (!sha) return void 0;
  const lower = sha.toLowerCase();
  const hit = a.commits.find((c) => c.length >= 7 && lower.startsWith(c));
  return hit ? `commit ${hit}` : void 0;
}
function contentReason(a, candidate, context2) {
  for (const r of a.regexes) if (r.regex.test(allowSubject(r.target, candidate, context2))) return `regex /${r.source}/ on ${r.target}`;
  return void 0;
}
function stopwordReason(a, secret) {
  if (a.stopwords.length === 0) return void 0;
  const lower = secret.toLowerCase();
  const word = a.stopwords.find((w) => lower.includes(w));
  return word ? `stop-word "${word}"` : void 0;
}
function judgeAllowance(a, candidate, context2, path5) {
  if (a.ruleIds && !a.ruleIds.has(candidate.rule.spec.id)) return void 0;
  if (a.outside) {
    return a.outside.test(path5) ? void 0 : { filter: "path", reason: `the rule runs only on paths matching /${a.spec.outsidePathRegex}/${from(a.spec.origin)}` };
  }
  const hasPaths = a.paths.length + a.pathRegexes.length > 0;
  if (a.and) {
    const reasons = [];
    for (const reason2 of [
      hasPaths ? pathReason(a, path5) ?? null : void 0,
      a.commits.length > 0 ? commitReason(a, context2.chunk.origin.commit?.sha) ?? null : void 0,
      a.regexes.length > 0 ? contentReason(a, candidate, context2) ?? null : void 0,
      a.stopwords.length > 0 ? stopwordReason(a, candidate.secret) ?? null : void 0
    ]) {
      if (reason2 === null) return void 0;
      if (reason2 !== void 0) reasons.push(reason2);
    }
    return reasons.length === 0 ? void 0 : { filter: "allow", reason: `allow ${reasons.join(" and ")}${scopeOf(a)}${from(a.spec.origin)}` };
  }
  let reason;
  if (hasPaths && (reason = pathReason(a, path5))) return allowDrop(a, "allow", reason);
  if (a.commits.length > 0 && (reason = commitReason(a, context2.chunk.origin.commit?.sha))) return allowDrop(a, "allow", reason);
  if (a.regexes.length > 0 && (reason = contentReason(a, candidate, context2))) return allowDrop(a, "allow", reason);
  if (a.stopwords.length > 0 && (reason = stopwordReason(a, candidate.secret))) return allowDrop(a, "stopword", reason);
  return void 0;
}
function scopeOf(a) {
  return a.ruleIds ? ` for ${[...a.ruleIds].join(", ")}` : "";
}
function allowDrop(a, filter2, reason) {
  return { filter: filter2, reason: `${filter2 === "stopword" ? "" : "allow "}${reason}${scopeOf(a)}${from(a.spec.origin)}` };
}
function allAllowances(allow) {
  const out = [];
  for (const r of allow.regexes ?? []) out.push({ regexes: [{ regex: r.regex, ...r.target ? { target: r.target } : {} }], ...r.origin ? { origin: r.origin } : {} });
  if (allow.stopwords && allow.stopwords.length > 0) out.push({ stopwords: allow.stopwords, ...allow.stopwordsOrigin ? { origin: allow.stopwordsOrigin } : {} });
  out.push(...allow.allowances ?? []);
  return out;
}
function isWholePath(a) {
  return !a.ruleIds && (a.paths?.length ?? 0) + (a.pathRegexes?.length ?? 0) > 0 && !a.regexes?.length && !a.stopwords?.length && !a.commits?.length;
}
function pathSkipper(allow) {
  if (!allow) return void 0;
  const whole = allAllowances(allow).filter(isWholePath).map(compileAllowance);
  if (whole.length === 0) return void 0;
  return (path5) => {
    const full = joinPath(allow.pathPrefix, path5);
    return whole.some((a) => pathReason(a, full) !== void 0);
  };
}
function globalAllowFilters(allow) {
  const all = allAllowances(allow);
  const whole = all.filter(isWholePath).map(compileAllowance);
  const rest = all.filter((a) => !isWholePath(a)).map(compileAllowance);
  const ignores = allow.ignores ?? [];
  let lastPath;
  let lastFull = "";
  const fullPath = (path6) => {
    if (path6 !== lastPath) {
      lastPath = path6;
      lastFull = joinPath(allow.pathPrefix, path6);
    }
    return lastFull;
  };
  const path5 = (candidate, context2) => {
    const full = fullPath(context2.chunk.origin.path);
    for (const a of whole) {
      const drop = judgeAllowance(a, candidate, context2, full);
      if (drop) return drop;
    }
    return void 0;
  };
  const content = (candidate, context2) => {
    const full = fullPath(context2.chunk.origin.path);
    for (const a of rest) {
      const drop = judgeAllowance(a, candidate, context2, full);
      if (drop) return drop;
    }
    if (ignores.length > 0) {
      const { line } = context2.lines.position(candidate.secretStart);
      const sha = context2.chunk.origin.commit?.sha;
      const hit = ignores.find((i) => i.ruleId === candidate.rule.spec.id && i.line === line && i.path === full && (!i.commit || sha !== void 0 && sha.startsWith(i.commit)));
      if (hit) return { filter: "gitleaksignore", reason: `fingerprint ${hit.commit ? `${hit.commit}:` : ""}${hit.path}:${hit.ruleId}:${hit.line} in ${hit.origin}` };
    }
    return void 0;
  };
  return whole.length > 0 ? { path: path5, content } : { content };
}

// src/detect/filters/near.ts
var NEAR_CONTEXT = 4096;
var nearFilter = (candidate, context2) => {
  if (candidate.rule.near.length === 0) return void 0;
  const { line } = context2.lines.position(candidate.secretStart);
  const { line: endLine } = context2.lines.position(Math.max(candidate.secretStart, candidate.secretEnd - 1));
  const first = context2.lines.position(0).line;
  const last = first + context2.lines.lineCount - 1;
  for (const near of candidate.rule.near) {
    const from2 = Math.max(context2.lines.lineBounds(Math.max(first, line - near.lines)).start, candidate.start - NEAR_CONTEXT);
    const to = Math.min(context2.lines.lineBounds(Math.min(last, endLine + near.lines)).end, candidate.end + NEAR_CONTEXT);
    const region = context2.text.slice(from2, to);
    near.regex.lastIndex = 0;
    let found = null;
    for (let m = near.regex.exec(region); m; m = near.regex.exec(region)) {
      if (m[0].length === 0) near.regex.lastIndex++;
      const start = from2 + m.index;
      const end = start + m[0].length;
      if (start <= candidate.secretStart && end >= candidate.secretEnd) continue;
      found ??= m;
      if (!m.groups || Object.values(m.groups).some((value) => value !== void 0)) {
        found = m;
        break;
      }
    }
    if (found) {
      for (const [name, value] of Object.entries(found.groups ?? {})) {
        if (value !== void 0 && name !== "secret") (candidate.context ??= {})[name] = value;
      }
      if (near.spec.rule) (candidate.related ??= {})[near.spec.rule] = found.groups?.secret ?? found[0];
    } else if (near.required) {
      return { filter: "near", reason: `no ${near.description}` };
    }
  }
  return void 0;
};

// src/detect/filters/placeholder.ts
var PLACEHOLDER_WORDS = [
  "example",
  "xxxx",
  "placeholder",
  "changeme",
  "change_me",
  "change-me",
  "your_",
  "your-",
  "yourkey",
  "yourtoken",
  "yoursecret",
  "yourapikey",
  "dummy",
  "sample",
  "redacted",
  "insert_",
  "insert-",
  "replace_me",
  "replaceme",
  "replace-me",
  "fake",
  "notreal",
  "not_real",
  "not-real",
  "notasecret",
  "not_a_secret",
  "not-a-secret",
  "put_your",
  "enter_your",
  "<your",
  "todo",
  "fixme",
  "secret_here",
  "token_here",
  "key_here",
  "here_",
  "thisis",
  "this_is",
  "this-is"
];
var TEMPLATE_SYNTAX = /\$\{|\{\{|\}\}|^<[^>]{1,80}>$|%\([a-z_]{1,40}\)s|^\$[A-Z_][A-Z0-9_]{1,60}$|\*{3,}|\.{3,}|•{3,}/i;
function longestRepeat(text) {
  let longest = text.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    run = text.charCodeAt(i) === text.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest;
}
function sequentialRun(text) {
  let run = 1;
  let step = 0;
  for (let i = 1; i < text.length; i++) {
    const previous = text.charCodeAt(i - 1) | 32;
    const current = text.charCodeAt(i) | 32;
    const alphanumeric = (c) => c >= 48 && c <= 57 || c >= 97 && c <= 122;
    const delta = current - previous;
    if ((delta === 1 || delta === -1) && alphanumeric(previous) && alphanumeric(current) && (run === 1 || delta === step)) {
      step = delta;
      run++;
      if (run >= 6) return text.slice(i - 5, i + 1);
    } else {
      run = 1;
    }
  }
  return void 0;
}
function placeholderIn(secret) {
  const lower = secret.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word) return `placeholder word "${word}"`;
  const template = TEMPLATE_SYNTAX.exec(secret);
  if (template) return `template syntax "${template[0]}"`;
  const repeated = longestRepeat(secret);
  if (repeated >= Math.max(6, Math.ceil(secret.length / 8))) return `a character repeated ${repeated} times`;
  const run = sequentialRun(secret);
  if (run) return `sequential run "${run}"`;
  return void 0;
}
var placeholderFilter = (candidate) => {
  if (candidate.rule.spec.placeholders === false) return void 0;
  if (candidate.rule.checksum?.proves?.(candidate.secret)) return void 0;
  const found = placeholderIn(candidate.secret);
  return found ? { filter: "placeholder", reason: found } : void 0;
};

// src/detect/filters/index.ts
function candidateFilters(allow) {
  const config = allow ? globalAllowFilters(allow) : void 0;
  const filters = [...config?.path ? [config.path] : [], entropyFilter, checksumFilter, placeholderFilter, genericShapeFilter, ruleAllowFilter];
  if (config) filters.push(config.content);
  filters.push(wordlikeFilter, nearFilter);
  return ablate(filters);
}
function ablate(filters) {
  const off = new Set((process.env.KEYHOUND_FILTERS_OFF ?? "").split(",").map((name) => name.trim()).filter(Boolean));
  if (off.size === 0) return filters;
  const named = /* @__PURE__ */ new Map([[entropyFilter, "entropy"], [checksumFilter, "checksum"], [placeholderFilter, "placeholder"], [genericShapeFilter, "shape"], [wordlikeFilter, "wordlike"], [nearFilter, "near"]]);
  const shape = off.has("name") ? genericValueFilter : off.has("value-shape") ? genericNameFilter : genericShapeFilter;
  return filters.filter((filter2) => !off.has(named.get(filter2) ?? "")).map((filter2) => filter2 === genericShapeFilter ? shape : filter2);
}

// src/detect/inline.ts
var MARKER = /keyhound:(allow-next-line|allow|disable|enable)\b|gitleaks:allow|pragma: ?allowlist (nextline )?secret/g;
var ID_TOKEN = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;
var InlineMarkers = class {
  scopes = [];
  constructor(text, lines, namesRule) {
    const open2 = /* @__PURE__ */ new Map();
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      const { line } = lines.position(m.index);
      const rest = lines.lineText(line).slice(m.index + m[0].length - lines.lineBounds(line).start);
      const ids = new Set(
        rest.split(/\s+--|--\s/)[0].split(/[\s,]+/).filter((token) => ID_TOKEN.test(token) && namesRule(token))
      );
      const kind = m[1];
      if (kind === "allow-next-line" || m[2]) {
        this.scopes.push({ from: line + 1, to: line + 1, ids, markerLine: line, marker: m[0] });
      } else if (kind === "disable") {
        open2.set([...ids].sort().join(","), { line, ids });
      } else if (kind === "enable") {
        const keys = ids.size === 0 ? [...open2.keys()] : [[...ids].sort().join(",")];
        for (const key of keys) {
          const start = open2.get(key);
          if (!start) continue;
          this.scopes.push({ from: start.line, to: line, ids: start.ids, markerLine: start.line, marker: "keyhound:disable" });
          open2.delete(key);
        }
      } else {
        this.scopes.push({ from: line, to: line, ids, markerLine: line, marker: m[0], sameLine: true });
      }
    }
    const last = lines.position(text.length).line;
    for (const start of open2.values()) {
      this.scopes.push({ from: start.line, to: last, ids: start.ids, markerLine: start.line, marker: "keyhound:disable" });
    }
  }
  /**
   * The marker that allows a candidate, if any: one that covers the line its
   * secret starts on or the line its match starts on (a private key block's
   * BEGIN line). A multi-line secret is also covered by a same-line marker on
   * the line just before its match, where a comment can go when the block
   * itself has no room for one, unless that line holds a secret of its own
   * (`occupied`): its marker is about that secret, not the block below.
   */
  allowsCandidate(place, ruleId, occupied = () => false) {
    const direct = this.allows(place.secretLine, ruleId) ?? (place.matchLine !== place.secretLine ? this.allows(place.matchLine, ruleId) : void 0);
    if (direct || !place.multiLine) return direct;
    const before = place.matchLine - 1;
    if (occupied(before)) return void 0;
    for (const scope of this.scopes) {
      if (scope.sameLine && scope.from === before && (scope.ids.size === 0 || scope.ids.has(ruleId))) return { markerLine: scope.markerLine, marker: scope.marker };
    }
    return void 0;
  }
  /** The marker that allows `ruleId` on `line`, if any. */
  allows(line, ruleId) {
    for (const scope of this.scopes) {
      if (line >= scope.from && line <= scope.to && (scope.ids.size === 0 || scope.ids.has(ruleId))) {
        return { markerLine: scope.markerLine, marker: scope.marker };
      }
    }
    return void 0;
  }
};

// src/detect/overlap.ts
var CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 };
function specificity(candidate) {
  const spec = candidate.rule.spec;
  return [spec.generic ? 0 : 1, CONFIDENCE_RANK[spec.confidence], candidate.secretEnd - candidate.secretStart];
}
function better(a, b) {
  const x = specificity(a);
  const y = specificity(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
}
function resolveOverlaps(candidates) {
  const sorted = [...candidates].sort((a, b) => a.secretStart - b.secretStart || b.secretEnd - a.secretEnd);
  const winners = [];
  const losers = [];
  for (const candidate of sorted) {
    const last = winners[winners.length - 1];
    const rival = last && last.secretStart < candidate.secretEnd && candidate.secretStart < last.secretEnd ? last : void 0;
    if (!rival) {
      winners.push(candidate);
    } else if (better(candidate, rival)) {
      winners[winners.length - 1] = candidate;
      losers.push({ candidate: rival, winner: candidate });
    } else {
      losers.push({ candidate, winner: rival });
    }
  }
  return { winners: winners.sort((a, b) => a.secretStart - b.secretStart || a.rule.spec.id.localeCompare(b.rule.spec.id)), losers };
}

// src/detect/prefilter.ts
var ASCII = 128;
var OTHER = 128;
var LANE_MIN_CHARS = 4096;
var encoder = new TextEncoder();
var Lane = class {
  count = 0;
  pairs = new Int32Array(256);
  push(end, state) {
    if (this.count * 2 === this.pairs.length) {
      const grown = new Int32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.count * 2] = end;
    this.pairs[this.count * 2 + 1] = state;
    this.count++;
  }
};
function fold(code) {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
var Prefilter = class {
  /** `keywords` must be non-empty ASCII strings; they are matched case-insensitively. */
  constructor(keywords) {
    this.keywords = keywords;
    this.longest = Math.max(1, ...keywords.map((k) => k.length));
    this.classes = new Uint8Array(256);
    let classCount = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const code = fold(keyword.charCodeAt(i));
        if (code < ASCII && this.classes[code] === 0) this.classes[code] = classCount++;
      }
    }
    for (let c = 65; c <= 90; c++) this.classes[c] = this.classes[c + 32];
    const classOf = (code) => code < ASCII ? this.classes[code] : 0;
    const goto = [/* @__PURE__ */ new Map()];
    const outputs = [[]];
    keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = classOf(keyword.charCodeAt(i));
        let next = goto[state].get(c);
        if (next === void 0) {
          next = goto.length;
          goto.push(/* @__PURE__ */ new Map());
          outputs.push([]);
          goto[state].set(c, next);
        }
        state = next;
      }
      outputs[state].push(id);
    });
    const count = goto.length;
    this.shift = Math.max(1, Math.ceil(Math.log2(classCount)));
    const width = 1 << this.shift;
    this.accept = count < 32768 ? 32768 : 2147483648;
    const table = count < 32768 ? new Uint16Array(count * width) : new Uint32Array(count * width);
    const fail = new Int32Array(count);
    const queue = [];
    for (const [c, next] of goto[0]) {
      if (c === 0) continue;
      table[c] = next;
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const failRow = fail[state] * width;
      outputs[state].push(...outputs[fail[state]]);
      table.copyWithin(state * width, failRow, failRow + width);
      for (const [c, next] of goto[state]) {
        if (c === 0) continue;
        fail[next] = table[failRow + c];
        table[state * width + c] = next;
        queue.push(next);
      }
    }
    for (let i = 0; i < table.length; i++) if (outputs[table[i]].length > 0) table[i] = (table[i] | this.accept) >>> 0;
    this.table = table;
    this.outputs = outputs;
  }
  keywords;
  /** Row-major transitions: entry `(state << shift) | class`, the next state, with {@link accept} set when it ends a keyword. */
  table;
  /** Class of each byte of the byte copy (upper-case letters share their lower-case class; {@link OTHER} is class 0). */
  classes;
  shift;
  accept;
  /** Keyword ids that end at each state (indexed by state number, not offset). */
  outputs;
  /** The longest keyword: a lane starts this many characters, less one, before its part. */
  longest;
  /** Reused between calls: scanning is single-threaded per engine and callers read hits before the next call. */
  lanes = [new Lane(), new Lane(), new Lane(), new Lane()];
  scratch = new Int32Array(1024);
  bytes = new Uint8Array(0);
  /** The keyword ids that end at an accepting state from {@link KeywordHits}. */
  keywordsAt(state) {
    return this.outputs[state];
  }
  /** Number of automaton states (for callers that index per state). */
  get stateCount() {
    return this.outputs.length;
  }
  /** Every keyword occurrence in `text`, in order of where it ends. */
  find(text) {
    const length = text.length;
    const bytes = this.byteCopy(text);
    if (length < LANE_MIN_CHARS || length < 8 * this.longest) {
      const lane = this.lanes[0];
      lane.count = 0;
      this.runLane(bytes, 0, length, 0, 0, lane);
      return { count: lane.count, pairs: lane.pairs };
    }
    return this.findInLanes(bytes, length);
  }
  /** `text` as bytes, one per UTF-16 unit: ASCII as itself, anything else as {@link OTHER}. Valid until the next call. */
  byteCopy(text) {
    const length = text.length;
    if (this.bytes.length < length) this.bytes = new Uint8Array(Math.max(length, this.bytes.length * 2));
    const view = this.bytes.subarray(0, length);
    const { read, written } = encoder.encodeInto(text, view);
    if (read === length && written === length) return view;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      view[i] = code < ASCII ? code : OTHER;
    }
    return view;
  }
  /** Steps one automaton from `state` over `bytes[from, to)`, recording hits that end at `recordFrom` or later; returns its state. */
  runLane(bytes, from2, to, recordFrom, state, lane) {
    const { table, classes, shift, accept } = this;
    const mask = accept - 1;
    for (let i = from2; i < to; i++) {
      const next = table[state << shift | classes[bytes[i]]];
      state = next & mask;
      if (next >= accept && i >= recordFrom) lane.push(i, state);
    }
    return state;
  }
  findInLanes(bytes, length) {
    const { table, classes, shift, accept } = this;
    const mask = accept - 1;
    const [lane0, lane1, lane2, lane3] = this.lanes;
    lane0.count = lane1.count = lane2.count = lane3.count = 0;
    const size = Math.ceil(length / 4);
    const start1 = size;
    const start2 = 2 * size;
    const start3 = 3 * size;
    const warm = this.longest - 1;
    const from1 = start1 - warm;
    const from2 = start2 - warm;
    const from3 = start3 - warm;
    const steps = Math.min(size, length - from3);
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < steps; i++) {
      const na = table[a << shift | classes[bytes[i]]];
      const nb = table[b << shift | classes[bytes[from1 + i]]];
      const nc = table[c << shift | classes[bytes[from2 + i]]];
      const nd = table[d << shift | classes[bytes[from3 + i]]];
      a = na & mask;
      b = nb & mask;
      c = nc & mask;
      d = nd & mask;
      if (((na | nb | nc | nd) & accept) !== 0) {
        if (na >= accept) lane0.push(i, a);
        if (nb >= accept && from1 + i >= start1) lane1.push(from1 + i, b);
        if (nc >= accept && from2 + i >= start2) lane2.push(from2 + i, c);
        if (nd >= accept && from3 + i >= start3) lane3.push(from3 + i, d);
      }
    }
    this.runLane(bytes, steps, start1, 0, a, lane0);
    this.runLane(bytes, from1 + steps, start2, start1, b, lane1);
    this.runLane(bytes, from2 + steps, start3, start2, c, lane2);
    this.runLane(bytes, from3 + steps, length, start3, d, lane3);
    const count = lane0.count + lane1.count + lane2.count + lane3.count;
    if (this.scratch.length < count * 2) this.scratch = new Int32Array(count * 2);
    let at = 0;
    for (const lane of this.lanes) {
      this.scratch.set(lane.pairs.subarray(0, lane.count * 2), at);
      at += lane.count * 2;
    }
    return { count, pairs: this.scratch };
  }
};

// src/detect/routing.ts
var MARKER_KEYWORDS = ["keyhound:", "gitleaks:allow", "allowlist"];
var MARKER2 = -1;
var HINT = -2;
var KeywordRouter = class {
  prefilter;
  /** Per automaton state: flat [ruleIndex, keywordLength, ...] of every keyword ending there. */
  stateRoutes;
  /** Reused between chunks (an engine scans one chunk at a time). */
  starts;
  /** `hints`: up to 30 lower-case literals that other stages ask about (Routes.hints), found by the same pass. */
  constructor(rules, hints = []) {
    const keywords = [];
    const keywordRules = [];
    const ids = /* @__PURE__ */ new Map();
    const add = (keyword, ruleIndex) => {
      let id = ids.get(keyword);
      if (id === void 0) {
        id = keywords.length;
        ids.set(keyword, id);
        keywords.push(keyword);
        keywordRules.push([]);
      }
      if (!keywordRules[id].includes(ruleIndex)) keywordRules[id].push(ruleIndex);
    };
    rules.forEach((rule, index) => rule.spec.keywords.forEach((keyword) => add(keyword, index)));
    for (const marker of MARKER_KEYWORDS) add(marker, MARKER2);
    hints.forEach((hint, i) => add(hint, HINT - i));
    this.prefilter = new Prefilter(keywords);
    this.stateRoutes = Array.from({ length: this.prefilter.stateCount }, (_unused, state) => {
      const routes = [];
      for (const id of this.prefilter.keywordsAt(state)) for (const rule of keywordRules[id]) routes.push(rule, keywords[id].length);
      return Int32Array.from(routes);
    });
    this.starts = rules.map(() => []);
  }
  /** Forgets hits of a `route` call that was stopped part-way (the engine's time budget). */
  reset() {
    for (let i = 0; i < this.starts.length; i++) if (this.starts[i].length > 0) this.starts[i] = [];
  }
  route(text) {
    const { count, pairs } = this.prefilter.find(text);
    const touched = [];
    let markers = false;
    let hints = 0;
    for (let i = 0; i < count; i++) {
      const end = pairs[i * 2];
      const routes = this.stateRoutes[pairs[i * 2 + 1]];
      for (let r = 0; r < routes.length; r += 2) {
        const rule = routes[r];
        if (rule < 0) {
          if (rule === MARKER2) markers = true;
          else hints |= 1 << HINT - rule;
          continue;
        }
        const list = this.starts[rule];
        if (list.length === 0) touched.push(rule);
        list.push(end - routes[r + 1] + 1);
      }
    }
    touched.sort((a, b) => a - b);
    const starts = touched.map((rule) => {
      const list = this.starts[rule];
      this.starts[rule] = [];
      for (let i = 1; i < list.length; i++) {
        if (list[i] < list[i - 1]) return list.sort((a, b) => a - b);
      }
      return list;
    });
    return { rules: touched, starts, markers, hints };
  }
};

// src/detect/windows.ts
var LINE_REACH = 1024;
function lineStartBefore(text, offset) {
  const limit = Math.max(0, offset - LINE_REACH);
  for (let i = offset; i > limit; i--) {
    const code = text.charCodeAt(i - 1);
    if (code === 10 || code === 13) return i;
  }
  return limit;
}
function lineEndAfter(text, offset) {
  const limit = Math.min(text.length, offset + LINE_REACH);
  for (let i = offset; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return limit;
}
function windowsAround(text, starts, keywordLength, radius) {
  const merged = [];
  for (const start of starts) {
    const from2 = Math.max(0, start - radius);
    const to = Math.min(text.length, start + keywordLength + radius);
    const last = merged[merged.length - 1];
    if (last && from2 <= last.end + 1) {
      if (to > last.end) last.end = lineEndAfter(text, to);
    } else {
      merged.push({ start: lineStartBefore(text, from2), end: lineEndAfter(text, to) });
    }
  }
  return merged;
}

// src/detect/engine.ts
var DEFAULT_BUDGET_MS = 3e4;
var WATCHDOG_CHARS = 64 * 1024;
var CONFIDENCE_RANK2 = { high: 3, medium: 2, low: 1 };
var Engine = class {
  constructor(specs, options = {}) {
    this.options = options;
    this.rules = compileRules(specs);
    this.reported = this.rules.filter((rule) => rule.reported);
    this.ruleIds = new Set(this.rules.map((rule) => rule.spec.id));
    this.providerKeys = new Set(this.rules.map((rule) => rule.spec.providerKey));
    this.longestKeyword = this.reported.map((rule) => Math.max(...rule.spec.keywords.map((k) => k.length)));
    this.router = new KeywordRouter(this.reported, FORMAT_HINTS);
    this.filters = candidateFilters(options.allow);
    const generic = new Set(this.rules.filter((rule) => rule.spec.generic).map((rule) => rule.spec.id));
    this.decodeHost = {
      scanPlain: (chunk) => {
        const routes = this.router.route(chunk.text);
        return { findings: this.scanText(chunk, [], routes).findings, hints: routes.hints };
      },
      rank: (finding) => (generic.has(finding.ruleId) ? 0 : 4) + CONFIDENCE_RANK2[finding.confidence]
    };
  }
  options;
  rules;
  router;
  reported;
  /** Per reported rule, its longest keyword: windows reach at least that far past a hit. */
  longestKeyword;
  filters;
  ruleIds;
  providerKeys;
  decodeHost;
  /** performance.now() past which the chunk being scanned is out of time. */
  deadline = Infinity;
  /** Loads what the filters may need (the BPE vocabulary) up front; {@link scanPrepared} loads it only when a chunk needs it. */
  async prepare() {
    if (this.reported.some((rule) => rule.spec.generic)) await loadTokenizer();
  }
  /**
   * {@link scan}, loading the BPE vocabulary first if this chunk turns out to
   * need it (a generic candidate reached the word-likeness check): a small
   * commit without such candidates never pays for loading it.
   */
  async scanPrepared(chunk) {
    try {
      return this.scan(chunk);
    } catch (error) {
      if (!(error instanceof TokenizerNotLoaded)) throw error;
      this.router.reset();
      await loadTokenizer();
      return this.scan(chunk);
    }
  }
  /**
   * Whether a word after an inline marker names a rule: a known id, or an id of
   * a known provider (`github-patt`, a typo, still restricts the marker to
   * rules it names instead of silently allowing every rule). Other words
   * (`false-positive`, `fixture`) are the marker's reason.
   */
  namesRule(token) {
    return this.ruleIds.has(token) || this.providerKeys.has(token.slice(0, token.indexOf("-")));
  }
  /** Scans one chunk. Throws {@link ScanTimeoutError} when it runs past the budget; never for bad input. */
  scan(chunk) {
    const budget = this.options.budgetMs ?? DEFAULT_BUDGET_MS;
    if (!(budget > 0)) {
      try {
        return this.scanChunk(chunk);
      } catch (error) {
        throw withoutScannedText(error, chunk.text);
      }
    }
    this.deadline = performance.now() + budget;
    try {
      return chunk.text.length >= WATCHDOG_CHARS ? runWithin(budget, () => this.scanChunk(chunk)) : this.scanChunk(chunk);
    } catch (error) {
      if (!(error instanceof OutOfTime)) throw withoutScannedText(error, chunk.text);
      this.router.reset();
      throw new ScanTimeoutError(chunk.origin.path, budget);
    } finally {
      this.deadline = Infinity;
    }
  }
  /** Between rules and candidates: a chunk out of time stops here (the watchdog covers long single matches). */
  checkBudget() {
    if (performance.now() > this.deadline) throw new OutOfTime();
  }
  scanChunk(chunk) {
    const depth = this.options.decode ?? 2;
    const timings = this.options.timings;
    let clock = timings ? performance.now() : 0;
    const routes = this.router.route(chunk.text);
    if (timings) clock = lap(timings, "prefilter", clock);
    const items = depth > 0 ? decodeLayer(this.decodeHost, chunk.text, chunk.origin, depth, void 0, routes.hints) : [];
    if (timings) lap(timings, "decode", clock);
    if (items.length === 0) return this.scanText(chunk, [], routes, timings);
    const result = this.scanText(chunk, segmentSpans(items), routes, timings);
    const redact2 = this.options.redact !== false;
    const markers = routes.markers ? (lines) => new InlineMarkers(chunk.text, lines, (token) => this.namesRule(token)) : void 0;
    const { direct, decoded } = finishDecoded(this.decodeHost, chunk, result.findings, items, {
      redact: redact2,
      ...chunk.lines ? { lines: chunk.lines } : {},
      ...markers ? { allowedInline: (lines, line, ruleId) => markers(lines).allows(line, ruleId) !== void 0 } : {}
    });
    const findings = [...direct, ...decoded].sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
    return { findings, suppressed: result.suppressed };
  }
  /** Scans a chunk's own text (no decoding) given its keyword routes; `extraMasked` spans are masked in snippets too. */
  scanText(chunk, extraMasked, routes, timings) {
    const text = chunk.text;
    if (routes.rules.length === 0) return { findings: [], suppressed: [] };
    const clock = timings ? performance.now() : 0;
    const candidates = [];
    routes.rules.forEach((ruleIndex, i) => {
      const rule = this.reported[ruleIndex];
      this.checkBudget();
      if (rule.matchesPath && !rule.matchesPath(chunk.origin.path)) return;
      const starts = routes.starts[i];
      if (rule.sticky) candidates.push(...findAnchoredCandidates(rule, text, starts));
      else candidates.push(...findCandidates(rule, text, windowsAround(text, starts, this.longestKeyword[ruleIndex], rule.window)));
    });
    const judged = timings ? lap(timings, "regex", clock) : 0;
    if (candidates.length === 0) return { findings: [], suppressed: [] };
    const result = this.judge(chunk, candidates, extraMasked, routes.markers);
    if (timings) lap(timings, "filters", judged);
    return result;
  }
  /** Runs the filters, inline markers and overlap resolution over a chunk's candidates. */
  judge(chunk, candidates, extraMasked, markersSeen) {
    const lines = new LineIndex(chunk.text, chunk.firstLine ?? 1, chunk.firstColumn ?? 1);
    const context2 = { chunk, text: chunk.text, lines };
    const markers = markersSeen ? new InlineMarkers(chunk.text, lines, (token) => this.namesRule(token)) : void 0;
    const suppressed = [];
    const drop = (candidate, filter2, reason) => {
      if (!this.options.explain) return;
      const { line, column } = lines.position(candidate.secretStart);
      suppressed.push({
        ruleId: candidate.rule.spec.id,
        path: chunk.origin.path,
        line,
        column,
        filter: filter2,
        reason,
        secret: candidate.secret,
        fingerprint: fingerprint(candidate.rule.spec.id, candidate.secret),
        origin: chunk.origin
      });
    };
    const kept = [];
    const vetoes = [];
    const allowedInline = /* @__PURE__ */ new Map();
    let secretLines;
    const occupied = (line) => {
      secretLines ??= new Set(candidates.map((c) => lines.position(c.secretStart).line));
      return secretLines.has(line);
    };
    for (const candidate of candidates) {
      this.checkBudget();
      if (chunk.lines && !touchesLines(lines, candidate, chunk.lines)) continue;
      let dropped = false;
      for (const filter2 of this.filters) {
        const verdict = filter2(candidate, context2);
        if (verdict) {
          drop(candidate, verdict.filter, verdict.reason);
          if (verdict.filter === "checksum") vetoes.push(candidate);
          dropped = true;
          break;
        }
      }
      if (dropped) continue;
      if (markers) {
        const secretLine = lines.position(candidate.secretStart).line;
        const place = {
          secretLine,
          matchLine: lines.position(candidate.start).line,
          multiLine: lines.position(Math.max(candidate.secretStart, candidate.secretEnd - 1)).line > secretLine
        };
        const allowance = markers.allowsCandidate(place, candidate.rule.spec.id, occupied);
        if (allowance) {
          const reason = `inline marker ${allowance.marker} on line ${allowance.markerLine}`;
          drop(candidate, "inline", reason);
          allowedInline.set(candidate, reason);
          continue;
        }
      }
      kept.push(candidate);
    }
    const vetoed = (c) => c.rule.spec.generic ? vetoes.find((v) => v.secretStart < c.secretEnd && c.secretStart < v.secretEnd) : void 0;
    const resolved = resolveOverlaps([...kept.filter((c) => {
      const veto = vetoed(c);
      if (veto) drop(c, "checksum", `the text is a ${veto.rule.spec.id} whose checksum does not match`);
      return !veto;
    }), ...allowedInline.keys()]);
    const winners = resolved.winners.filter((c) => !allowedInline.has(c));
    for (const { candidate, winner } of resolved.losers) {
      if (allowedInline.has(candidate)) continue;
      const inline = allowedInline.get(winner);
      if (inline) drop(candidate, "inline", `${inline} (for the ${winner.rule.spec.id} secret it overlaps)`);
      else drop(candidate, "overlap", `the same secret is reported as ${winner.rule.spec.id}`);
    }
    const masked = new MaskedSpans([...extraMasked, ...candidates.map((c) => ({ start: c.secretStart, end: c.secretEnd }))]);
    const redactOn = this.options.redact !== false;
    const findings = winners.map((candidate) => this.toFinding(chunk, lines, candidate, masked, redactOn));
    return { findings, suppressed };
  }
  toFinding(chunk, lines, candidate, masked, redactOn) {
    const spec = candidate.rule.spec;
    const location = lines.span(candidate.secretStart, candidate.secretEnd);
    const finding = {
      ruleId: spec.id,
      title: spec.title,
      provider: spec.provider,
      providerKey: spec.providerKey,
      severity: spec.severity,
      confidence: spec.confidence,
      path: chunk.origin.path,
      ...location,
      secret: candidate.secret,
      match: candidate.match,
      snippet: buildSnippet(chunk.text, lines, { start: candidate.secretStart, end: candidate.secretEnd }, masked, redactOn),
      fingerprint: fingerprint(spec.id, candidate.secret),
      entropy: Math.round(candidate.entropy * 1e3) / 1e3,
      offset: candidate.secretStart,
      origin: chunk.origin,
      remediation: spec.remediation,
      references: spec.references
    };
    if (candidate.context) finding.context = candidate.context;
    if (candidate.related) finding.related = candidate.related;
    if (spec.tags) finding.tags = spec.tags;
    return finding;
  }
};
function touchesLines(lines, candidate, ranges) {
  const first = lines.position(candidate.secretStart).line;
  const last = lines.position(Math.max(candidate.secretStart, candidate.secretEnd - 1)).line;
  return ranges.some((range2) => range2.start <= last && range2.end >= first);
}
function lap(timings, phase, since) {
  const now = performance.now();
  timings[phase] += now - since;
  return now;
}

// src/scan/task.ts
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";

// src/sources/decode.ts
import { isUtf8 as isUtf82 } from "node:buffer";
var SNIFF_BYTES = 8192;
function decodeBytes(bytes) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 2 && buffer[0] === 255 && buffer[1] === 254) {
    return { ok: true, text: buffer.subarray(2).toString("utf16le"), encoding: "utf16le" };
  }
  if (buffer.length >= 2 && buffer[0] === 254 && buffer[1] === 255) {
    const swapped = Buffer.from(buffer.subarray(2, buffer.length - buffer.length % 2));
    swapped.swap16();
    return { ok: true, text: swapped.toString("utf16le"), encoding: "utf16be" };
  }
  const sniff = buffer.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) return { ok: false, reason: "binary" };
  const start = buffer.length >= 3 && buffer[0] === 239 && buffer[1] === 187 && buffer[2] === 191 ? 3 : 0;
  const body = buffer.subarray(start);
  if (isUtf82(body)) return { ok: true, text: body.toString("utf8"), encoding: "utf8" };
  return { ok: true, text: body.toString("latin1"), encoding: "latin1" };
}

// src/sources/fs.ts
import { lstatSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path4 from "node:path";

// src/sources/gitignore.ts
var import_ignore = __toESM(require_ignore(), 1);
import { readFile } from "node:fs/promises";
import path2 from "node:path";
var GitignoreMatcher = class _GitignoreMatcher {
  byDirectory = /* @__PURE__ */ new Map();
  /** `files` are POSIX paths of `.gitignore` files relative to `root`. */
  static async load(root, files) {
    const matcher = new _GitignoreMatcher();
    const sources = [...files.map((file) => ({ dir: path2.posix.dirname(file), file: path2.join(root, file) })), { dir: ".", file: path2.join(root, ".git", "info", "exclude") }];
    for (const { dir, file } of sources) {
      let text;
      try {
        text = await readFile(file, "utf8");
      } catch {
        continue;
      }
      const key = dir === "." ? "" : dir;
      const existing = matcher.byDirectory.get(key);
      if (existing) existing.add(text);
      else matcher.byDirectory.set(key, (0, import_ignore.default)().add(text));
    }
    return matcher;
  }
  get empty() {
    return this.byDirectory.size === 0;
  }
  /** True when a POSIX path relative to the root is ignored by any `.gitignore` above it. */
  ignores(relative) {
    for (const [dir, rules] of this.byDirectory) {
      if (dir === "") {
        if (rules.ignores(relative)) return true;
      } else if (relative.startsWith(`${dir}/`) && rules.ignores(relative.slice(dir.length + 1))) {
        return true;
      }
    }
    return false;
  }
};

// src/sources/tree.ts
import { readdirSync } from "node:fs";
import path3 from "node:path";
function listTree(root, skip) {
  const entries = [];
  const problems = [];
  const pending = [""];
  while (pending.length > 0) {
    const relative = pending.pop();
    let dirents;
    try {
      dirents = readdirSync(relative ? path3.join(root, relative) : root, { withFileTypes: true });
    } catch (error) {
      if (relative) problems.push({ path: relative, code: error.code ?? "EIO" });
      else throw error;
      continue;
    }
    for (const dirent of dirents) {
      if (dirent.isDirectory() && skip.has(dirent.name)) continue;
      const entryPath = relative ? `${relative}/${dirent.name}` : dirent.name;
      entries.push({ path: entryPath, name: dirent.name, dirent });
      if (dirent.isDirectory()) pending.push(entryPath);
    }
  }
  entries.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  problems.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { entries, problems };
}

// src/sources/fs.ts
function toPosix(p) {
  return p.split(path4.sep).join("/");
}
function displayPath(root, absolute) {
  const relative = path4.relative(root, absolute);
  const outside = relative === ".." || relative.startsWith(`..${path4.sep}`) || path4.isAbsolute(relative);
  return relative && !outside ? toPosix(relative) : toPosix(absolute);
}
async function* walk(targets, options) {
  const skipMatchers = options.skipPaths.map((glob) => (p) => minimatch(p, glob, { dot: true, nocase: true }));
  const skippedByPath = (relative) => skipMatchers.some((test) => test(relative));
  for (const target of targets) {
    const absolute = path4.resolve(target);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT") throw new SourceError(`${target}: no such file or folder`);
      yield { kind: "skip", path: displayPath(options.root, absolute), reason: errorReason(code) };
      continue;
    }
    if (info.isFile()) {
      yield* checkFile(absolute, displayPath(options.root, absolute), info.size, options);
      continue;
    }
    if (!info.isDirectory()) {
      yield { kind: "skip", path: displayPath(options.root, absolute), reason: "not-regular-file" };
      continue;
    }
    yield* walkDirectory(absolute, options, skippedByPath);
  }
}
async function* walkDirectory(directory, options, skippedByPath) {
  let listed;
  try {
    listed = listTree(directory, new Set(options.skipDirectories));
  } catch (error) {
    yield { kind: "skip", path: displayPath(options.root, directory), reason: errorReason(error.code) };
    return;
  }
  const { entries, problems } = listed;
  options.onListed?.(entries.filter((e) => !e.dirent.isDirectory()).length);
  const gitignore = options.gitignore === false ? void 0 : await GitignoreMatcher.load(directory, entries.filter((e) => e.name === ".gitignore" && e.dirent.isFile()).map((e) => e.path));
  const rootReal = await realpath(directory);
  const unlisted = new Map(problems.map((p) => [p.path, p.code]));
  for (const entry of entries) {
    const absolute = path4.join(directory, entry.path);
    const shown = displayPath(options.root, absolute);
    const dirent = entry.dirent;
    if (dirent.isDirectory()) {
      const code = unlisted.get(entry.path);
      if (code) yield { kind: "skip", path: shown, reason: errorReason(code) };
      continue;
    }
    if (gitignore && !gitignore.empty && gitignore.ignores(entry.path)) {
      yield { kind: "skip", path: shown, reason: "gitignored" };
      continue;
    }
    if (skippedByPath(entry.path) || options.skipPath?.(shown)) {
      yield { kind: "skip", path: shown, reason: "excluded-path" };
      continue;
    }
    if (dirent.isSymbolicLink()) {
      yield* checkSymlink(absolute, shown, rootReal, options);
      continue;
    }
    if (!dirent.isFile()) {
      yield { kind: "skip", path: shown, reason: "not-regular-file" };
      continue;
    }
    let size;
    try {
      size = lstatSync(absolute).size;
    } catch (error) {
      yield { kind: "skip", path: shown, reason: errorReason(error.code) };
      continue;
    }
    yield* checkFile(absolute, shown, size, options);
  }
}
function errorReason(code) {
  return code === "ENAMETOOLONG" ? "path-too-long" : code === "ELOOP" ? "symlink-loop" : "unreadable";
}
async function* checkSymlink(absolute, shown, rootReal, options) {
  let target;
  try {
    target = await realpath(absolute);
  } catch (error) {
    const code = error.code;
    yield { kind: "skip", path: shown, reason: code === "ELOOP" ? "symlink-loop" : "broken-symlink" };
    return;
  }
  const inside = target === rootReal || target.startsWith(rootReal + path4.sep);
  if (!inside) {
    yield { kind: "skip", path: shown, reason: "symlink-outside-root" };
    return;
  }
  if (!options.followSymlinks) {
    yield { kind: "skip", path: shown, reason: "symlink" };
    return;
  }
  const info = await stat(target).catch(() => void 0);
  if (!info?.isFile()) {
    yield { kind: "skip", path: shown, reason: info ? "not-regular-file" : "unreadable" };
    return;
  }
  yield* checkFile(absolute, shown, info.size, options);
}
async function* checkFile(absolute, shown, size, options) {
  if (size > options.maxFileSize) {
    yield { kind: "skip", path: shown, reason: "too-large" };
    return;
  }
  yield { kind: "file", entry: { path: shown, absolutePath: absolute, size } };
}
async function readStdin(stream, name = "-", maxBytes = Infinity) {
  const parts = [];
  let total = 0;
  for await (const part of stream) {
    const buffer = typeof part === "string" ? Buffer.from(part) : part;
    total += buffer.length;
    if (total <= maxBytes) parts.push(buffer);
    else parts.length = 0;
  }
  if (total > maxBytes) return { kind: "skip", path: name, reason: "too-large" };
  return { kind: "bytes", bytes: Buffer.concat(parts) };
}

// src/scan/task.ts
var PIECE_BYTES = 16 * 1024 * 1024;
var OVERLAP = 64 * 1024;
async function runTask(engine, task) {
  try {
    return await readAndScan(engine, task);
  } catch (error) {
    if (error instanceof ScanTimeoutError) return { kind: "skipped", path: error.path, reason: "timeout" };
    throw error;
  }
}
async function readAndScan(engine, task) {
  if (task.kind === "bytes") return scanBytes(engine, task.bytes, task.origin, task.lines);
  const { entry } = task;
  const origin = { path: entry.path, absolutePath: entry.absolutePath };
  if (entry.size > PIECE_BYTES) return scanInPieces(engine, entry, origin);
  let bytes;
  try {
    bytes = readWhole(entry.absolutePath);
  } catch (error) {
    if (error instanceof NotRegularFile) return { kind: "skipped", path: entry.path, reason: "not-regular-file" };
    return { kind: "skipped", path: entry.path, reason: errorReason(error.code) };
  }
  return scanBytes(engine, bytes, origin);
}
var NotRegularFile = class extends Error {
};
function readWhole(file) {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new NotRegularFile();
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const n = readSync(fd, buffer, filled, info.size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return filled === info.size ? buffer : buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
async function scanBytes(engine, bytes, origin, lines) {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { kind: "skipped", path: origin.path, reason: decoded.reason };
  const result = await engine.scanPrepared(lines ? { text: decoded.text, origin, lines } : { text: decoded.text, origin });
  return { kind: "scanned", path: origin.path, bytes: bytes.byteLength, result, encoding: decoded.encoding };
}
function countLineBreaks(text) {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
async function scanInPieces(engine, entry, origin) {
  let handle;
  try {
    handle = await open(entry.absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
    const sniff = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(sniff, 0, sniff.length, 0);
    const head = decodeBytes(sniff.subarray(0, bytesRead));
    if (!head.ok) return { kind: "skipped", path: entry.path, reason: head.reason };
    const { encoding } = head;
    const bom = encoding === "utf16le" || encoding === "utf16be" ? 2 : bytesRead >= 3 && sniff[0] === 239 && sniff[1] === 187 && sniff[2] === 191 ? 3 : 0;
    const decoder = new StringDecoder(encoding === "utf8" ? "utf8" : encoding === "latin1" ? "latin1" : "utf16le");
    const buffer = Buffer.alloc(PIECE_BYTES);
    const findings = [];
    const suppressed = [];
    let carry = "";
    let firstLine = 1;
    let firstColumn = 1;
    let position = bom;
    for (; ; ) {
      let { bytesRead: n } = await handle.read(buffer, 0, buffer.length, position);
      if (encoding === "utf16be") {
        if (n % 2 === 1 && n > 1) n--;
        buffer.subarray(0, n - n % 2).swap16();
      }
      position += n;
      const last = n === 0;
      const text = carry + (last ? decoder.end() : decoder.write(buffer.subarray(0, n)));
      const lower = Math.floor(carry.length / 2);
      const keep = last ? 0 : Math.min(OVERLAP, text.length);
      const upper = last ? Infinity : text.length - keep + Math.floor(keep / 2);
      const result = await engine.scanPrepared({ text, origin, firstLine, firstColumn });
      findings.push(...result.findings.filter((f) => f.offset >= lower && f.offset < upper));
      suppressed.push(...result.suppressed);
      if (last) break;
      const dropped = text.slice(0, text.length - keep);
      firstLine += countLineBreaks(dropped) - (dropped.endsWith("\r") && text.charCodeAt(dropped.length) === 10 ? 1 : 0);
      const lastBreak = Math.max(dropped.lastIndexOf("\n"), dropped.lastIndexOf("\r"));
      firstColumn = lastBreak === -1 ? firstColumn + dropped.length : dropped.length - lastBreak;
      carry = text.slice(text.length - keep);
    }
    return { kind: "scanned", path: entry.path, bytes: position, result: { findings, suppressed }, encoding };
  } catch (error) {
    if (error instanceof ScanTimeoutError) throw error;
    return { kind: "skipped", path: entry.path, reason: errorReason(error.code) };
  } finally {
    await handle?.close();
  }
}

export {
  KeyhoundError,
  RuleError,
  ConfigError,
  SourceError,
  UsageError,
  ScanTimeoutError,
  minimatch,
  CHECKSUMS,
  RegExpParser,
  visitRegExpAST,
  redact,
  redactText,
  pathSkipper,
  DEFAULT_BUDGET_MS,
  Engine,
  walk,
  readStdin,
  decodeBytes,
  PIECE_BYTES,
  runTask
};
