#!/bin/bash
# bt-defer.t -- $&x in a rule's right-hand side: the macro's value is
# tokenized at run time as an address is, parenthesised comments dropped
# (so "(may be forged)" in $_ reaches no rule), quoted strings and
# escapes kept, unbalanced brackets said and repaired.  The values in
# test/integration/bt-defer/values go through sendmail -bt with the seed
# cf in a sandbox, with the reference's binary and with ours; the output
# must be the reference's.
NAME=bt-defer
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/bt-defer/inner.sh"
echo "1..2"
ok "the reference's run: one answer per value (harness check)" '[ "$(grep -c "returns:" $O/ref/bt)" = "$(wc -l < $TOP/test/integration/bt-defer/values)" ]'
ok "what \$&x gives the rules: the reference's" '[ -s $O/ours/bt ] && diff $O/ref/bt $O/ours/bt >&2'
