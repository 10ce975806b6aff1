# cases.sh - sourced inside the sandbox by aliases.t, once with the
# reference's programs and once with ours: $SM (sendmail), $NA
# (newaliases), $PA (praliases), $MM (the reference's makemap), $BUILT (who builds the databases that
# the read-side cases look at).  Each case writes $OUT/NAME.
set -u
cd /etc/mail
c() { local n=$1; shift; ( eval "$*" ) > "$OUT/$n" 2>&1; echo "rc=$?" >> "$OUT/$n"; }
bad() { printf "$2" > /etc/mail/t-$1; c "bad-$1" "$NA -O AliasFile=/etc/mail/t-$1; $PA -f /etc/mail/t-$1"; }
bad nocolon 'bad line without colon\na: b\n'
bad nokey ': nokey\n(x): y\n:include:/x: y\n'
bad dup 'Dup: a\ndup: b\nA: c\na: d\n'
bad empty 'empty:\nsp:  \nok: x\n'
bad cont 'a: b\\\n c\nd: e,\n\tf\n#c\n z\n\n y\ng\n :h\n'
bad nul 'a: b\0c\nd: e\nf: g\n'
bad nulcont 'a: b\n c\0d\ne: f\ng: h\n'
bad nonlocal 'a@b: c\n|x: y\n/x: y\nuser@mail.example.com: x\n'
bad unbal '<a: b\n"q: r\nc(: d\n'
bad misc 'a b: x\n<x>: y\nMixed-Case: x\n"q k": v\na: b (comm)\ncr: x\r\n'
bad noeol 'noeol: x'
python3 -c 'print("a: " + "x"*8187); print("b: c"); print("d: " + "y"*8188); print("e: f")' > /etc/mail/t-long
c bad-long "$NA -O AliasFile=/etc/mail/t-long | cut -c1-80; $PA -f /etc/mail/t-long | cut -c1-20"
python3 -c 'print("a: y"); [print(" " + "x"*3000 + ",") for i in range(4)]; print("b: c")' > /etc/mail/t-longcont
c bad-longcont "$NA -O AliasFile=/etc/mail/t-longcont; $PA -f /etc/mail/t-longcont | cut -c1-20"
c missing "$SM -bi -O AliasFile=/etc/mail/nonexistent"
c list "cp /etc/aliases /etc/mail/al2; $SM -bi -O 'AliasFile=/etc/mail/al2, btree:/etc/mail/t-dup,text:/etc/mail/al2,nis:x'"
c unsafe "printf 'a: b\n' > /tmp/t-unsafe; $NA -O AliasFile=/tmp/t-unsafe"
c locked "flock -x /etc/mail/al2 -c '$NA -O AliasFile=/etc/mail/al2'"
c pa-missing "$PA -f /etc/mail/nonexistent"
c pa-junk "echo junk > /etc/mail/junk.db; $PA -f /etc/mail/junk"
c pa-nocf "$PA -C /nonexistent.cf"
c pa-usage "$PA -x 2>/dev/null"
c pa-btree "$PA -f /etc/mail/t-dup"
# read side: databases built by $BUILT's newaliases
$BUILT -O AliasFile=/etc/aliases > /dev/null 2>&1
$BUILT -O AliasFile=btree:/etc/mail/al2 > /dev/null 2>&1
c read-pa "$PA"
c read-pa-keys "$PA root team nosuch MAILER-DAEMON mailer-daemon"
c read-pa-btree "$PA -f /etc/mail/al2"
c read-map "printf '/map aliases root\n/map aliases ROOT\n/map aliases nosuch\n/map aliases continued\n/map aliases.files team\n/map Alias0 mixed-case\n/map aliases @\n' | $SM -bt"
c read-map-btree "printf '/map aliases root\n/map Alias0 team\n/map Alias1 x\n' | $SM -bt -O AliasFile=btree:/etc/mail/al2"
printf 'alice, bob\ncarol\n# c\nerin\n' > /etc/mail/inc2
printf 'x: team, abuse\ninc2: :include:/etc/mail/inc2\nme: me, bob\nbob: erin\nnested: inc2, carol\nbad: :include:/nonexistent\nunk: nobody1, alice\nself2: Self2\nlp1: lp2, alice\nlp2: lp1\n' > /etc/mail/a4
$BUILT -O AliasFile=/etc/mail/a4 > /dev/null 2>&1
for a in x inc2 me nested bad unk self2 lp1 'alice, alice' bob; do
	c "bv-a4-$(echo "$a" | tr -c 'a-z0-9\n' _)" "$SM -O AliasFile=/etc/mail/a4 -bv '$a'"
done
for a in postmaster root@mail.example.com team loop-a includer fileme pipeme devnull ghost owner-team Mixed-Case continued quoted-local remote 'team, postmaster' 'nosuch1, nosuch2' 'a@b@c, nosuch3'; do
	c "bv-$(echo "$a" | tr -c 'a-zA-Z0-9\n' _)" "$SM -bv '$a'"
done
c bv-args "$SM -bv team abuse nosuch1 nosuch2"
# the "@" completion marker and AliasWait: a database without "@" is waited
# for (2 s with AliasWait=1s), then "out of date"; one older than its text
# file is "out of date" at once; -bv keeps the warning off its output
printf 'root: alice\nbob: carol\n' > /etc/mail/w
printf 'root alice\nbob carol\n' | $MM -N hash /etc/mail/w
c wait-nomarker "printf '/map aliases root\n/map Alias0 bob\n' | $SM -O AliasWait=1s -O AliasFile=/etc/mail/w -bt"
c wait-nomarker-bv "$SM -O AliasWait=1s -O AliasFile=/etc/mail/w -bv root bob"
c wait-zero "printf '/map aliases root\n' | $SM -O AliasWait=0 -O AliasFile=/etc/mail/w -bt"
printf 'root alice\nbob carol\n@ @\n' | $MM -N hash /etc/mail/w
c wait-marker "printf '/map aliases root\n' | $SM -O AliasWait=1s -O AliasFile=/etc/mail/w -bt"
touch -d 2020-01-01 /etc/mail/w.db
c wait-older "printf '/map aliases root\n' | $SM -O AliasWait=0 -O AliasFile=/etc/mail/w -bt"
c wait-older-bv "$SM -O AliasWait=0 -O AliasFile=/etc/mail/w -bv root"
c wait-older-pa "$PA -f /etc/mail/w"
# several AliasFile lines in the cf add up; -O replaces them, several -O add up
cp /etc/mail/sendmail.cf /etc/mail/multi.cf
printf 'O AliasFile=/etc/mail/w\nO AliasFile=btree:/etc/mail/w2, /etc/mail/w\nO AliasFile=/etc/aliases\n' >> /etc/mail/multi.cf
touch /etc/mail/w.db
c multi-map "printf '/map aliases team\n/map Alias1 root\n/map Alias2 root\n/map Alias3 root\n/map Alias4 team\n/map Alias5 x\n' | $SM -C /etc/mail/multi.cf -O AliasWait=0 -bt"
c multi-pa "$PA -C /etc/mail/multi.cf"
c multi-bi "$SM -C /etc/mail/multi.cf -bi 2>/dev/null | sort"
c multi-bi-O "$SM -C /etc/mail/multi.cf -O AliasFile=/etc/mail/w -O AliasFile=/etc/mail/w -bi"
# -q does not go with -bi, -bv, -bt
c q-bi "$SM -bi -q; $NA -q5m"
c q-bv "$SM -q -bv root"
c q-bt "$SM -bt -qf < /dev/null"
# an implicit alias file without a usable database is read as text (-bt
# shows each name's rulesets); its line errors show even in -bv
printf 'root: alice\nbob: carol\nBig: x\nbad line\nbob: dup\n' > /etc/mail/tx
rm -f /etc/mail/tx.db
c text-map "printf '/map aliases root\n/map Alias0 big\n/map aliases.files bob\n/map aliases nosuch\n' | $SM -O AliasFile=/etc/mail/tx -bt"
c text-bv "$SM -O AliasFile=/etc/mail/tx -bv root bob Big"
c text-missing "printf '/map aliases root\n' | $SM -O AliasFile=/etc/mail/nonexistent -bt"
echo junk > /etc/mail/tx.db
c text-junkdb "printf '/map aliases root\n' | $SM -O AliasFile=/etc/mail/tx -bt"
c text-hash "printf '/map aliases root\n' | $SM -O AliasFile=hash:/etc/mail/nonexistent -bt"
true
