"""Extract the OUTCOME of one `sendmail -bt` case from its output.

The cf library under test has its own rulesets, so traces differ from the
reference's; what must agree is what the rulesets decide:

  /parse ADDR           the "mailer M, host H, user U" line and error lines
  /try MAILER ADDR      the "Rcode = N, addr = A" line and error lines
  check_* ARGS          verdict class (accept, error, discard, quarantine),
                        reply code and DSN of the top-level ruleset's final
                        "returns:" line, and a "== Ruleset ... status N" line
  3,0 ADDR (any ruleset list)  the final triple of the last top-level ruleset
  anything else ($j, $=w, /map, /canon, ...)  the non-trace output lines
                        (sorted for a class listing); =S and =M dumps are
                        not outcomes (the rulesets are ours) and are skipped

outcome(lines_in, output) -> dict with "kind", "key" (compared) and "show"
(a short human form), or None when the case is not comparable.
Python 3 stdlib only.
"""
import re

TRACE = re.compile(r"^(\S+)\s+(input|returns):(?: (.*))?$")
PROMPT = re.compile(r"^(?:> )+")
HEADER = ("ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)",
          "Enter <ruleset> <address>")
STATUS = re.compile(r"^== Ruleset (\S+) \((\d+)\) status (\d+)$")


def case_lines(output):
    """The case's own output lines: everything after the banner, prompts
    stripped, the final bare prompt dropped."""
    i = output.rfind(HEADER[1] + "\n")
    if i >= 0:
        output = output[i + len(HEADER[1]) + 1:]
    out = []
    for line in output.split("\n"):
        line = PROMPT.sub("", line)
        if line in (">", ""):
            continue
        out.append(line)
    return out


def squeeze(s):
    """Join -bt tokens: drop the blanks between tokens outside quotes."""
    out, q, prev_sp = [], False, False
    for ch in s.strip():
        if ch == '"':
            q = not q
        if ch == " " and not q:
            continue
        out.append(ch)
    return "".join(out)


def split_triple(ret):
    """'$# m $@ h $: u' -> (m, h, u) squeezed; a non-$# value -> (None, None, value)."""
    ret = (ret or "").strip()
    if not ret.startswith("$#"):
        return None, None, squeeze(ret)
    parts = {"#": None, "@": None, ":": None}
    cur = None
    buf = []
    for tok in re.split(r"(\$[#@:])", ret):
        if tok in ("$#", "$@", "$:"):
            if cur:
                parts[cur] = " ".join(buf)
            cur, buf = tok[1], []
        elif tok.strip():
            buf.append(tok.strip())
    if cur:
        parts[cur] = " ".join(buf)
    return tuple(squeeze(parts[k]) if parts[k] is not None else None for k in "#@:")


def error_text(t):
    """Text of $: in an error triple: quotes removed."""
    return (t or "").replace('"', "")


def verdict(ret):
    """Verdict of a check_* ruleset's return value: (class, code, dsn).
    Anything that is not $#error/$#discard/$#quarantine is an acceptance."""
    m, h, u = split_triple(ret)
    if m is None:
        return ("accept", None, None)
    ml = m.lower()
    if ml == "error":
        text = error_text(u).strip()
        code = dsn = None
        mm = re.match(r"^(\d{3})\s*(\d\.\d{1,3}\.\d{1,3})?", text)
        if mm:
            code, dsn = mm.group(1), mm.group(2)
        if h:
            dsn = h     # $@ wins (a DSN or a status word such as nouser, tempfail)
        if code is None:
            code = "4xx" if (h or "").startswith("4") or (h or "") == "tempfail" else "5xx"
        return ("temp" if code.startswith("4") else "error", code, dsn)
    if ml in ("discard", "quarantine"):
        return (ml, None, None)
    # $#OK, $#RELAY and friends accept
    return ("accept", None, None)


def top_level_returns(lines):
    """Return values of the top-level rulesets, in order: a "returns:" line
    that brings the call depth back to zero.  Also the leftover lines."""
    depth = 0
    tops, other, first = [], [], None
    for line in lines:
        m = TRACE.match(line)
        if not m:
            other.append(line)
            continue
        name, what, val = m.group(1), m.group(2), m.group(3) or ""
        if what == "input":
            if depth == 0 and first is None:
                first = name
            depth += 1
        else:
            depth -= 1
            if depth <= 0:
                depth = 0
                tops.append((name, val))
    return first, tops, other


def command_of(inputs):
    last = inputs[-1] if inputs else ""
    return last


def outcome(inputs, output, group=""):
    cmd = command_of(inputs).strip()
    lines = case_lines(output)
    first, tops, other = top_level_returns(lines)
    status = [l for l in other if STATUS.match(l)]
    if cmd.startswith("=S") or cmd.startswith("=M"):
        return None
    if cmd.startswith("/parse"):
        triple = [l for l in other if l.startswith("mailer ")]
        errs = [l for l in other if not l.startswith(("mailer ", "Cracked address",
                                                       "Parsing ")) and not STATUS.match(l)]
        key = {"triple": triple[-1] if triple else None, "errors": errs}
        show = (triple[-1] if triple else "no triple") + ("; " + " | ".join(errs) if errs else "")
        return {"kind": "parse", "key": key, "show": show}
    if cmd.startswith("/try ") or cmd == "/try":
        rc = [l for l in other if l.startswith("Rcode = ")]
        errs = [l for l in other if not l.startswith(("Rcode = ", "Trying ")) and not STATUS.match(l)]
        key = {"result": rc[-1] if rc else None, "errors": errs}
        show = (rc[-1] if rc else "no result") + ("; " + " | ".join(errs) if errs else "")
        return {"kind": "try", "key": key, "show": show}
    m = re.match(r"^([A-Za-z0-9_,]+)\s", cmd + " ")
    if m and not cmd.startswith(("/", "$", ".", "=")):
        rs = m.group(1)
        st = [STATUS.match(l).group(3) for l in status]
        errs = [l for l in other if not STATUS.match(l)]
        if rs.startswith("check_") or rs in ("tls_client", "tls_server", "tls_rcpt",
                                             "trust_auth", "srv_features", "clt_features"):
            if tops:
                v = verdict(tops[-1][1])
                key = {"verdict": list(v), "status": st}
                show = "%s%s%s (returns: %s)" % (v[0], " " + v[1] if v[1] else "",
                                                 " " + v[2] if v[2] else "", tops[-1][1].strip())
            else:
                key = {"verdict": None, "status": st, "errors": errs}
                show = "no return; " + " | ".join(errs)
            if st:
                show += " [status %s]" % ",".join(st)
            return {"kind": "check", "key": key, "show": show}
        # plain ruleset list, e.g. 3,0: the final triple
        if tops:
            t = split_triple(tops[-1][1])
            if t[0] is not None and t[0].lower() == "error":
                t = (t[0], t[1], error_text(t[2]))
            key = {"triple": list(t), "status": st}
            show = ("$#%s $@%s $:%s" % t if t[0] is not None else t[2])
        else:
            key = {"triple": None, "status": st, "errors": errs}
            show = "no return; " + " | ".join(errs)
        if st:
            show += " [status %s]" % ",".join(st)
        return {"kind": "rules", "key": key, "show": show}
    # misc: the output lines themselves
    body = list(other)
    if cmd.startswith("$="):
        body = sorted(body)
    return {"kind": "lines", "key": {"lines": body}, "show": " | ".join(body)[:300]}
