#!/bin/bash
# mkcf.sh N -- inside the sandbox: /etc/mail/ck.cf, the seed cf with VRFY
# and EXPN allowed and the check_* rulesets of case N (see smtp-checks.t)
set -u
sed 's/^O PrivacyOptions=.*/O PrivacyOptions=authwarnings/' /etc/mail/sendmail.cf >/etc/mail/ck.cf
if [ "$1" = 1 ]; then
	printf 'Scheck_vrfy\nR$* < nope > $*\t$#error $@ 5.7.1 $: 550 vrfy denied\n'
	printf 'Scheck_expn\nR$* < nope > $*\t$#error $: 550 expn denied\n'
	printf 'Scheck_etrn\nR$* nope $*\t$#error $@ 4.7.0 $: 458 etrn denied\n'
	printf 'Scheck_data\nR$*\t$: $&{rcpt_addr} / $1\nR$* / 3\t$#error $: 554 data denied\n'
	printf 'Scheck_eoh\nR$* $| $*\t$: $1 $| $2\nR5 $| $*\t$#error $: 554 eoh five headers $1\n'
	printf 'Scheck_eom\nR$*\t$: < $1 >\nR< 1$* >\t$#error $@ 4.7.1 $: 452 eom too big\nR< $+ >\t$#discard $: discard\n'
else
	printf 'Scheck_data\nR$*\t$: $&{rcpt_addr} / $1\nR$* / 1\t$#error $: 554 data denied\n'
	printf 'Scheck_eoh\nR$* $| $*\t$: $1 $| $2\nR3 $| $*\t$#discard $: x\nR2 $| $*\t$#error $@ 4.7.1 $: 451 eoh two\n'
	printf 'Scheck_eom\nR$*\t$: < $1 >\nR< $- >\t$#error $@ 5.7.1 $: 552 eom size $1\n'
fi >>/etc/mail/ck.cf
