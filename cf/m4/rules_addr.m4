dnl ####################################################################
dnl rules_addr.m4 -- the address rulesets of our cf library.
dnl
dnl Included by proto.m4 when the rulesets section is written.  Reads the
dnl facts recorded by the interface (doc/cf-design.md): _FEAT_name,
dnl _FEAT_name_ARGn, _MAILER_name_, MASQUERADE_NAME, SMART_HOST, MAIL_HUB,
dnl LOCAL_RELAY, LUSER_RELAY, and the LOCAL_RULE_n diversions.
dnl
dnl The address form used throughout: the host part is in focus,
dnl   user < @ host . >        (canonical host: trailing dot)
dnl   user < @ *LOCAL* >       (unqualified, to be qualified by a mailer)
dnl   <@>                      (the null address)
dnl Every block of rules is quoted so that m4 leaves it alone.
dnl ####################################################################
dnl
dnl _RA_RELAY(value): "mailer:host" or just "host" (mailer relay) -> the
dnl two words "mailer host" used in the routing rules below.
dnl A bracketed [host] (an IP literal, or a name not to be MX-looked-up)
dnl has no mailer part even when it contains colons ([IPv6:...]).
define(`_RA_HASMAILER', `ifelse(regexp(`$1', `^[^[][^:]*:'), -1, `0', `1')')dnl
define(`_RA_MAILER', `ifelse(_RA_HASMAILER(`$1'), `0', `relay', `substr(`$1', 0, index(`$1', `:'))')')dnl
define(`_RA_HOST', `ifelse(_RA_HASMAILER(`$1'), `0', `$1', `substr(`$1', eval(index(`$1', `:') + 1))')')dnl
dnl
dnl _RA_RELAYTO(target, user, domain): the right-hand side that hands the
dnl address to a relay target (LUSER_RELAY, MAIL_HUB, LOCAL_RELAY):
dnl "mailer:host", "host" (mailer relay), "mailer:name@host" (that address
dnl instead), "local:name" (local mailer, user name; empty: the user
dnl himself), "error:[d.s.n:]text".  user and domain are right-hand side
dnl text (domain empty: the address becomes user@host; else it stays
dnl user@domain, the stickyhost case).
define(`_RA_RELAYTO',
`ifelse(regexp(`$1', `^local:'), `0', `_RA_TOLOCAL(substr(`$1', 6), `$2', `$3')',
regexp(`$1', `^error:'), `0', `_RA_TOERROR(substr(`$1', 6))',
`_RA_TOMAILER(_RA_MAILER(`$1'), _RA_HOST(`$1'), `$2', `$3')')')dnl
define(`_RA_TOMAILER',
`ifelse(index(`$2', `@'), -1,
`$`#'$1 $`'@ $2 $`': $3 < @ ifelse(`$4', `', `$2', `$4 .') >',
`$`#'$1 $`'@ substr(`$2', incr(index(`$2', `@'))) $`': substr(`$2', 0, index(`$2', `@')) < @ substr(`$2', incr(index(`$2', `@'))) >')')dnl
dnl local:name -- the host part of the triple is the address (user or
dnl user@domain), the user part the name (with a domain: its local part)
define(`_RA_TOLOCAL',
`$`#'local $`'@ $2`'ifelse(`$3', `', `', ` @ $3') $`': ifelse(`$1', `', `$2',
`$3', `', `$1', index(`$1', `@'), -1, `$1', `substr(`$1', 0, index(`$1', `@'))')')dnl
define(`_RA_TOERROR',
`ifelse(regexp(`$1', `^[^.:]+\.[^.:]+\.[^.:]+:'), `0',
`regexp(`$1', `^\([^:]*\):\(.*\)$', `$`#'error $`'@ \1 $`': \2')',
regexp(`$1', `^[^:]+:'), `0',
`regexp(`$1', `^\([^:]*\):\(.*\)$', `$`#'error $`'@ $`'(dequote \1 $`') $`': \2')',
`$`#'error $`': $1')')dnl
dnl the SMTP mailer used for plain Internet routing
dnl LOCAL_RULE_n text: the framework defines _LOCAL_RULES_HOOK(n) (interface.m4)
define(`_RA_LOCAL_RULES', `ifdef(`_LOCAL_RULES_HOOK', `_LOCAL_RULES_HOOK($1)')')dnl
define(`_RA_SMTP', ifdef(`_MAILER_esmtp_', `esmtp', ifdef(`_MAILER_smtp_', `smtp', `esmtp')))dnl
`
######################################################################
#  Address rulesets (cf/m4/rules_addr.m4)
######################################################################
'ifdef(`_CF_KSPEC_dequote', `',
`# the dequote map, used by Parse0, Virtuser and MailerToTriple
Kdequote dequote
')`
# class O: the routing operators of old-style addresses; LOCAL_RULE_n
# rules of administrators may use it ($=O), as with the reference
# (nouucp: no !, nopercenthack: no %)
CO @'ifdef(`_FEAT_nouucp', `', ` !')ifdef(`_FEAT_nopercenthack', `', ` %')`
######################################################################
#  Ruleset 3 (canonify): strip what is not the address proper (phrase,
#  angle brackets, group syntax, source routes), turn UUCP and %-hack
#  forms into user@host, then put the host part in focus:
#  user < @ host >, canonified by CanonHost.
######################################################################
Scanonify=3
# the empty address and the null address <> (anywhere)
R$@			$@ <@>
R$* < $* < $* > $* > $*	$1 < $3 > $5			nested <<...>>: keep the inner pair
R$* < > $*		$@ <@>
# a group inside angle brackets <list:;>
R$* < $+ : ; > $*	$@ $2 :; <@>
# the address is what is inside the angle brackets
R$* < $* > $*		$: $2
R$@			$@ <@>
# source route @a,@b:user@c -- the route is dropped
R@ $+ : $+		$@ $>canonify $2
R@ $*			$@ $>CanonHost $>CanonFocus @ $1	broken route or bare @
R$* [ IPv6 : $+ ] $*	$@ $>CanonHost $>CanonFocus $1 [ IPv6 : $2 ] $3
# :include: files, DECnet node::user and IPv6 literals keep their colons
R: include : $*		$@ : include : $1
'ifdef(`_USE_DECNET_SYNTAX_',
`R$+ : : $+		$@ $>CanonHost $2 < @ $1 . DECNET >	DECnet node::user
',
`R$+ : : $*		$@ $1 : : $2
')dnl
`# group syntax  name: member ;  and  name:;  (empty group)
R$+ : ;			$@ :; <@>
R$+ : $+ ;		$: $2
# a leading phrase "word:" is dropped (first colon only)
R$+ : $+		$: $2
R$* ;			$1				trailing semicolons
R$@			$@ <@>
# user@host forms
R$* @ $*		$@ $>CanonHost $>CanonFocus $1 @ $2
'ifdef(`_FEAT_nouucp', `',
`# UUCP paths host!user (only when there is no @)
R$*			$: $>CanonBang $1
R$* < @ $+ > $*		$@ $>CanonHost $1 < @ $2 > $3
')dnl
ifdef(`_FEAT_nopercenthack', `',
`# the %-hack user%host (only when there is no @): the last % is the host
R$* % $*		$: $1 < @ $2 >
R$* < @ $* % $* >	$1 % $2 < @ $3 >
')dnl
`R$*			$@ $>CanonHost $1

######################################################################
#  CanonFocus: put the focus on the last @:  a@b@c -> a @ b < @ c >
######################################################################
SCanonFocus
R$* @ $*		$: $1 < @ $2 >
R$* < @ $* @ $+ >	$1 @ $2 < @ $3 >

######################################################################
#  CanonBang: host!user -> user < @ host . UUCP >,
#  dom.ain!user -> user < @ dom . ain >
######################################################################
SCanonBang
R$- ! $+		$@ $2 < @ $1 . UUCP >
R$+ . $- ! $+		$@ $3 < @ $1 . $2 >

######################################################################
#  CanonHost: canonify the host part in focus.  localhost is us, IP
#  literals are kept (ours become $j), pseudo domains are not looked
#  up, other names go through the host map ($[ $]) unless
#  FEATURE(nocanonify).
######################################################################
SCanonHost
'_RA_LOCAL_RULES(3)`# (LOCAL_RULE_3 above, if any)
R$* < @ > $*		$@ $1 < @ > $2			no host: Parse0 reports it
R$* < @ localhost > $*	$: $1 < @ $j . > $2
R$* < @ localhost . $m > $*	$: $1 < @ $j . > $2
R$* < @ localhost . $m . > $*	$: $1 < @ $j . > $2
# IP literals
R$* < @ [ $+ ] > $*	$: $1 < @@ [ $2 ] > $3
R$* < @@ $=w > $*	$@ $1 < @ $j . > $3
R$* < @@ $+ > $*	$@ $1 < @ $2 > $3
R$* < @ [ $+ ] $+ > $*	$@ $1 < @ [ $2 ] $3 > $4	junk after a literal: Parse0
R$* < @ $* $=w . > $*	$@ $1 < @ $2 $3 . > $4		already canonical
R$* < @ $=w > $*	$@ $1 < @ $2 . > $3		one of our names
# names ending with a dot are absolute: not looked up (extra dots go)
R$* < @ $+ . . > $*	$1 < @ $2 . > $3
R$* < @ $+ . > $*	$@ $1 < @ $2 . > $3
'ifdef(`_FEAT_redirect',
`# .REDIRECT addresses are left for ruleset 0
R$* < @ $+ . REDIRECT > $*	$@ $1 < @ $2 . REDIRECT . > $3
R$* < @ $+ . REDIRECT . > $*	$@ $1 < @ $2 . REDIRECT . > $3
')dnl
ifdef(`_FEAT_domaintable',
`# domaintable: rename domains (reflected in the headers)
R$* < @ $+ > $*		$: $1 < @ $(domaintable $2 $) > $3
')dnl
ifdef(`_FEAT_nocanonify',
`# nocanonify: names are taken as they are; a name with more than one
# label gets the trailing dot
R$* < @ $+ . UUCP > $*	$@ $1 < @ $2 . UUCP . > $3
R$* < @ $* . > $*	$@ $1 < @ $2 . > $3
'ifdef(`_FEAT_nocanonify_ARG1', `ifelse(_FEAT_nocanonify_ARG1, `canonify_hosts',
`R$* < @ $- > $*		$@ $1 < @ $[ $2 $] > $3		canonify_hosts
')')dnl
`R$* < @ $* $={Canonify} > $*	$@ $1 < @ $[ $2 $3 $] > $4	CANONIFY_DOMAIN
R$* < @ $+ . $+ > $*	$@ $1 < @ $2 . $3 . > $4
',
`# UUCP pseudo domain: look the host up, keep .UUCP when unknown
R$* < @ $+ . UUCP > $*	$@ $1 < @ $[ $2 $: $2 . UUCP . $] > $3
R$* < @ $+ > $*		$: $1 < @ $[ $2 $] > $3
# what the lookup left without a dot: our names and the masqueraded
# domains are canonical all the same
R$* < @ $+ . > $*	$@ $1 < @ $2 . > $3
R$* < @ $=w > $*	$@ $1 < @ $2 . > $3
ifdef(`_FEAT_masquerade_entire_domain',
`R$* < @ $* $=M > $*	$@ $1 < @ $2 $3 . > $4
',
`R$* < @ $=M > $*	$@ $1 < @ $2 . > $3
')dnl
ifdef(`_FEAT_virtusertable', `# and so are the virtual domains
'ifdef(`_FEAT_virtuser_entire_domain',
`R$* < @ $* $={VirtHost} > $*	$@ $1 < @ $2 $3 . > $4
',
`R$* < @ $={VirtHost} > $*	$@ $1 < @ $2 . > $3
'))')dnl
`
######################################################################
#  Ruleset 1 (sender) and ruleset 2 (recipient): LOCAL_RULE_1/2
######################################################################
S1
'_RA_LOCAL_RULES(1)`
S2
'_RA_LOCAL_RULES(2)`
######################################################################
#  Ruleset 4 (final): take the focus away, drop trailing dots
######################################################################
Sfinal=4
R$* <@>			$@				the null address
R$* < @ *LOCAL* > $*	$: $1 < @ $j > $2
R$* < @ $+ . > $*	$1 < @ $2 > $3			absolute names lose the dot
R$* < @ $* > $*		$1 @ $2 $3			no focus
R@ $+ : @ $+ : $+	@ $1 , @ $2 : $3		route: @a:@b:u -> @a,@b:u
R@ $*			$@ @ $1
R$* :: $*		$@ $1 :: $2			DECnet
'ifdef(`_FEAT_nouucp', `',
`R$+ @ $- . UUCP		$2 ! $1				back to host!user
')dnl
`R$+ % $=w @ $=w		$1 @ $2				user%here@there -> user@here

######################################################################
#  Ruleset 0 (parse): the mailer triple.
######################################################################
Sparse=0
R$*			$: $>Parse0 $1			syntax, quoting
R$#$*			$@ $# $1			an error
R$*			$: $>ParseLocal $1		LOCAL_RULE_0
R$#$*			$@ $# $1
R$*			$@ $>Parse1 $1			routing

######################################################################
#  Parse0: reject what cannot be an address; unquote local parts
######################################################################
SParse0
R<@>			$@ <@>				the null address
R$* :; <@>		$#error $@ 5.1.3 $: "553 List:; syntax illegal for recipient addresses"
R<@ $+>			$#error $@ 5.1.3 $: "553 User address required"
R$* < @ >		$#error $@ 5.1.3 $: "553 Hostname required"
R$* < @ [ IPv6 : $+ ] > $*	$@ $1 < @ [ IPv6 : $2 ] > $3
R$* < @ [ $+ ] $+ > $*	$#error $@ 5.1.2 $: "553 Invalid address"
R$* < @ . $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* . . $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* @ $* > $*	$#error $@ 5.1.2 $: "553 Invalid route address"
R$* @ $* < @ $* > $*	$#error $@ 5.1.3 $: "553 Invalid route address"
R@ $*			$#error $@ 5.1.3 $: "553 Invalid route address"
R$* , $+		$#error $@ 5.1.3 $: "553 Invalid route address"
R$* < @ $* : $* > $*	$#error $@ 5.1.3 $: "553 Colon illegal in host name part"
# unquote the local part of unqualified and local addresses
R$* < @ $=w . > $*	$: $(dequote $1 $) < @ $2 . > $3
R$* < @ $* > $*		$@ $1 < @ $2 > $3
R$-			$: $1 < > $(dequote $1 $: * $)		a single quoted word
R$+ < > *		$@ $1				not quoted
R$+ < > $* @ $*		$@ $>Parse0 $>canonify $2 @ $3	it was "user@host"
R$+ < > $+		$@ $2
R$+ < >			$#error $@ 5.1.3 $: "553 User address required"

######################################################################
#  ParseLocal: LOCAL_RULE_0
######################################################################
SParseLocal
'_RA_LOCAL_RULES(0)`
######################################################################
#  Parse1: choose the mailer
######################################################################
SParse1
R<@>			$#local $: <@>			the null address
'ifdef(`_FEAT_redirect',
`# FEATURE(redirect): user@host.REDIRECT
R$* < @ $+ . REDIRECT . >	$#error $@ 5.1.1 $: "551 User has moved; please try " < $1 @ $2 >
')dnl
`# %-hack on a local host: user%host@local
'ifdef(`_FEAT_nopercenthack', `',
`R$* % $* < @ $=w . >	$@ $>parse $>canonify $1 % $2
')dnl
ifdef(`_FEAT_virtusertable',
`# virtual users and domains
R$* < @ $=w . > $*	$: $>Virtuser < $2 > $1 < @ $2 . > $3
R$* < @ $={VirtHost} . > $*	$: $>Virtuser < $2 > $1 < @ $2 . > $3
'ifdef(`_FEAT_virtuser_entire_domain',
`R$* < @ $* . $={VirtHost} . > $*	$: $>Virtuser < $2 . $3 > $1 < @ $2 . $3 . > $4
')dnl
`R$#$*			$@ $# $1
R< $+ > $*		$@ $>parse $>canonify $1
')dnl
`# IP literals
'ifdef(`SMART_HOST',
`R$* < @ [ $+ ] > $*	$`#'ifelse(_RA_HASMAILER(SMART_HOST), `1', `_RA_MAILER(SMART_HOST)', `_RA_SMTP') $@ _RA_HOST(SMART_HOST) $: $1 < @ [ $2 ] > $3	IP literal
',
`R$* < @ [ $+ ] > $*	$`#'_RA_SMTP $@ [ $2 ] $: $1 < @ [ $2 ] > $3
')dnl
ifdef(`_FEAT_stickyhost', `ifdef(`MAIL_HUB',
`# stickyhost: user@here goes to MAIL_HUB with the address as it is
R$+ < @ $=w . >		'_RA_RELAYTO(MAIL_HUB, `$1', `$2')`
', `# stickyhost: user@here is delivered here, marked @user (not given to
# LOCAL_RELAY by ruleset 5); user+detail is not marked
R$+ + $* < @ $=w . >	$#local $: $1 + $2
R$+ < @ $=w . >		$#local $: @ $1
')', `# local names; LOCAL_USER names are marked @user (ruleset 5 leaves
# them here)
R$=L < @ $=w . >	$#local $: @ $1
R$+ < @ $=w . >		$#local $: $1
')dnl
`R$* < @ $=w . >		$#local $: $1
'ifdef(`_FEAT_mailertable',
`# mailertable
R$* < @ $+ > $*		$: $>Mailertable < $2 > $1 < @ $2 > $3
R$#$*			$@ $# $1
')dnl
ifdef(`SMART_HOST',
`# SMART_HOST: everything that is not local
R$* < @ $* > $*		$`#'_RA_MAILER(SMART_HOST) $@ _RA_HOST(SMART_HOST) $: $1 < @ $2 > $3
',
`# plain Internet routing
R$* < @ $* > $*		$`#'_RA_SMTP $@ $2 $: $1 < @ $2 > $3
')dnl
`# everything else is local (MAIL_HUB, LOCAL_RELAY: ruleset 5); LOCAL_USER
# names marked
R$=L			$#local $: @ $1
R$+			$#local $: $1
R$*			$#local $: $1
'ifdef(`_FEAT_mailertable',
`
######################################################################
#  Mailertable: look < domain > up in the mailertable, then .sub.domain,
#  then ".";  the value mailer:host becomes the triple.
######################################################################
SMailertable
R< $+ . > $*		$: < $1 > $2			no trailing dot in the keys
R< $+ > $*		$: < $1 > $2 < > $(mailertable $1 $: $)
R< $+ > $* < > $+ : $*	$@ $>MailerToTriple < $1 > < $3 : $4 > $2
R< $+ > $* < >		$@ $>MailertableUp < $1 > $2

######################################################################
#  MailertableUp: the parent domains as ".parent", then "."
######################################################################
SMailertableUp
R< $- . $+ > $*		$: < $2 > $3 < > $(mailertable . $2 $: $)
R< $+ > $* < > $+ : $*	$@ $>MailerToTriple < $1 > < $3 : $4 > $2
R< $+ . $+ > $* < >	$@ $>MailertableUp < $1 . $2 > $3
R< $* > $* < >		$: < $1 > $2
R< $* > $*		$: < $1 > $2 < > $(mailertable . $: $)	the default entry
R< $* > $* < > $+ : $*	$@ $>MailerToTriple < $1 > < $3 : $4 > $2
R< $* > $* < >		$@ $2				not in the table

######################################################################
#  MailerToTriple: < domain > < mailer : host > user < @ domain . >
######################################################################
SMailerToTriple
R< $* > < error : $-.$-.$- : $+ > $*	$#error $@ $2.$3.$4 $: $5
R< $* > < error : $- : $+ > $*	$#error $@ $(dequote $2 $) $: $3
R< $* > < error : $+ > $*	$#error $: $2			no code
# local: the address (without the dot) goes to the host part, the user is
# the name given (its local part) or, for "local:", the user himself; a
# user that is itself an address is parsed again
R< $+ > < local : $* > $* < @ $+ . > $*	$: < $1 > < local : $2 > $3 < @ $4 > $5
R< $+ > < local : $* > $+ $=O $+ < @ $+ > $*	$@ $>parse $>canonify $3 $4 $5
R< $+ > < local : > $* < @ $+ > $*	$#local $@ $2 @ $3 $: $2
R< $+ > < local : $+ @ $+ > $* < @ $+ > $*	$#local $@ $4 @ $5 $: $2
R< $+ > < local : $+ > $* < @ $+ > $*	$#local $@ $3 @ $4 $: $2
# mailer:user@host: that address instead
R< $* > < $- : $+ @ $+ > $* < @ $* > $*	$#$2 $@ $4 $: $3 < @ $4 >
R< $* > < $- : > $*	$#$2 $@ $1 $: $3			no host: the domain
R< $* > < $- : $+ > $*	$#$2 $@ $3 $: $4
')dnl
ifdef(`_FEAT_virtusertable',
`
######################################################################
#  Virtuser: virtual users of local and VirtHost domains.
#  Keys: user+detail@dom, user++@dom, user+*@dom, user@dom, @dom
#  (%1 user, %2 detail, %3 +detail).  Input: < domain > address.
#  Returns a triple (errors), < new address > or the address unchanged.
######################################################################
SVirtuser
R< $+ > $* < @ $* >	$: < $1 > < $2 > < > $2 < @ $3 > < >
R< $+ > < $+ + $* > < > $* < >	$: < $1 > < $2 > < + $3 > $4 < >	user+detail
R< $+ > < $* > < + $* > $* < >	$: < $1 > < $2 > < + $3 > $4 < > $(virtuser $2 + $3 @ $1 $@ $2 $@ $3 $@ + $3 $: $)
R< $+ > < $* > < + $+ > $* < >	$: < $1 > < $2 > < + $3 > $4 < > $(virtuser $2 + + @ $1 $@ $2 $@ $3 $@ + $3 $: $)
R< $+ > < $* > < + $* > $* < >	$: < $1 > < $2 > < + $3 > $4 < > $(virtuser $2 + * @ $1 $@ $2 $@ $3 $@ + $3 $: $)
R< $+ > < $+ > < $* > $* < >	$: < $1 > < $2 > < $3 > $4 < > $(virtuser $2 @ $1 $@ $2 $: $)
R< $+ > < $* > < + $* > $* < >	$: < $1 > < $2 > < + $3 > $4 < > $(virtuser @ $1 $@ $2 $@ $3 $@ + $3 $: $)
R< $+ > < $* > < > $* < >	$: < $1 > < $2 > < > $3 < > $(virtuser @ $1 $@ $2 $: $)
R< $+ > < $* > < $* > $* < >	$@ $4				not in the table
R< $+ > < $* > < $* > $* < > error : $-.$-.$- : $+	$#error $@ $5.$6.$7 $: $8
R< $+ > < $* > < $* > $* < > error : $- $+	$#error $@ $(dequote $5 $) $: $6
R< $+ > < $* > < $* > $* < > $+	$@ < $5 >
')dnl
`
######################################################################
#  Ruleset 5 (localaddr): local names that are not aliases.
#  Local_localaddr (LOCAL_RULESETS) speaks first ($#ok: keep the name, a
#  triple: use it).  Then LUSER_RELAY takes names that are no account,
#  MAIL_HUB (else LOCAL_RELAY) the others.
######################################################################
SLocal_localaddr
Slocaladdr=5
R$+			$: $1 $| $>Local_localaddr $1
R$+ $| $#ok		$@ $1				keep it
R$+ $| $# $+		$# $2				its triple
R$+ $| $*		$: $1
'ifelse(ifdef(`LUSER_RELAY', `1')ifdef(`MAIL_HUB', `1')ifdef(`LOCAL_RELAY', `1'), `', `',
`# user+detail: the binary asks again with user+* (the detail in the host
# part, then in $h), so that an alias user+* can catch it
R$+ + *			$`#'local $@ $&h $: $1
R$+ + $*		$`#'local $@ + $2 $: $1 + *
# the detail of such a second pass: user < +detail > (or user < >)
R$+			$: $1 < $&h >
R$+ < + $* >		$: $1 < + $2 >
R$+ < $* >		$: $1 < >
'ifdef(`LUSER_RELAY',
`# names that are no account go to LUSER_RELAY
R$+ < $* >		$: $1 < $2 > $(user $1 $: <luser> $)
R$+ < $* > <luser>	'_RA_RELAYTO(LUSER_RELAY, `$1 $2', `')`
R$+ < $* > $*		$: $1 < $2 >
')dnl
ifdef(`MAIL_HUB',
`R$+ < $* >		'_RA_RELAYTO(MAIL_HUB, `$1 $2', `')`	to the hub
', ifdef(`LOCAL_RELAY',
`R$+ < $* >		'_RA_RELAYTO(LOCAL_RELAY, `$1 $2', `')`	to the local relay
'))dnl
`# stays here: a detail goes to the host part of the local mailer
R$+ < + $* >		$`#'local $@ $2 $: @ $1
R$+ < >			$@ $1
')dnl
`
######################################################################
#  Mailer rulesets: rewriting for each mailer (named in the M lines)
######################################################################

######################################################################
#  PseudoToReal: user < @ host . UUCP . > -> host!user < @ *LOCAL* >
######################################################################
SPseudoToReal
R<@>			$@ <@>
R$+ < @ $- . UUCP . >	$: $2 ! $1 < @ *LOCAL* >
R$+ < @ $- . UUCP >	$: $2 ! $1 < @ *LOCAL* >

######################################################################
#  MasqSMTP: unqualified names get the focus *LOCAL* (qualified later
#  by the caller or by ruleset 4); UUCP forms go back to host!user
#  (this is the whole recipient rewriting of the relay mailer)
######################################################################
SMasqSMTP
R<@>			$@ <@>
R$+ < @ $- . UUCP . >	$@ $2 ! $1
R$+ < @ $- . UUCP >	$@ $2 ! $1
R$* < @ $* > $*		$@ $1 < @ $2 > $3
R$+			$@ $1 < @ *LOCAL* >

######################################################################
#  MasqHdr: masquerading of local names (MASQUERADE_AS) for headers
######################################################################
SMasqHdr
R<@>			$@ <@>
'ifdef(`MASQUERADE_NAME',
`R$=E < @ *LOCAL* >	$@ $1 < @ $j . >			an exposed user
R$=E < @ $=w . >	$@ $1 < @ $2 . >
R$=E < @ $=M . >	$@ $1 < @ $2 . >
'ifdef(`_FEAT_masquerade_entire_domain',
`R$=E < @ $* . $=M . >	$@ $1 < @ $2 . $3 . >
')dnl
ifdef(`_FEAT_limited_masquerade', `',
`R$* < @ $=w . > $*	$: $1 < @ *LOCAL* > $3
')dnl
`R$* < @ $=M . > $*	$: $1 < @ *LOCAL* > $3
'ifdef(`_FEAT_masquerade_entire_domain',
`R$* < @ $* . $=M . > $*	$: $1 < @ *LOCAL* > $4
')dnl
`R$* < @ *LOCAL* > $*	$@ $1 < @ $M . > $2
')dnl
`R$* < @ *LOCAL* > $*	$@ $1 < @ $j . > $2

######################################################################
#  MasqEnv: masquerading of envelope addresses
######################################################################
SMasqEnv
'ifdef(`_FEAT_masquerade_envelope',
`R$*			$@ $>MasqHdr $1
')dnl
`R$* < @ *LOCAL* > $*	$@ $1 < @ $j . > $2

######################################################################
#  Generics: genericstable for local senders
######################################################################
SGenerics
'ifdef(`_FEAT_genericstable',
`R$+ < @ *LOCAL* > $*	$@ $>GenericsKey $1 < @ *LOCAL* > $2 $| $(dequote $1 $) $| $j
R$+ < @ $=G . > $*	$@ $>GenericsKey $1 < @ $2 . > $3 $| $(dequote $1 $) $| $2
'ifdef(`_FEAT_generics_entire_domain',
`R$+ < @ $* . $=G . > $*	$@ $>GenericsKey $1 < @ $2 . $3 . > $4 $| $(dequote $1 $) $| $2 . $3
')dnl
`
######################################################################
#  GenericsKey: address $| local part $| domain -> the +detail split
#  off: < user $| domain > < +detail > address  (< > without a detail).
#  The key comes last so that its patterns cannot reach into the
#  address; $| keeps an @ of a (quoted) local part from splitting it.
######################################################################
SGenericsKey
R$* $| $+ + $* $| $+	$@ $>GenericsLookup < $2 $| $4 > < + $3 > $1
R$* $| $+ $| $+		$@ $>GenericsLookup < $2 $| $3 > < > $1

######################################################################
#  GenericsLookup: keys user+detail@dom, user+*@dom (%1 the detail),
#  user@dom, @dom (%1 the user, with its +detail), user+detail, user+*,
#  user; a value without a domain is qualified later (*LOCAL*)
######################################################################
SGenericsLookup
R< $+ $| $+ > < > $*	$: < $1 $| $2 > < > $3 < >
R< $+ $| $+ > < + $* > $*	$: < $1 $| $2 > < + $3 > $4 < > $(generics $1 + $3 @ $2 $: $)
R< $+ $| $+ > < + $* > $* < >	$: < $1 $| $2 > < + $3 > $4 < > $(generics $1 + * @ $2 $@ $3 $: $)
R< $+ $| $+ > < $* > $* < >	$: < $1 $| $2 > < $3 > $4 < > $(generics $1 @ $2 $: $)
R< $+ $| $+ > < $* > $* < >	$: < $1 $| $2 > < $3 > $4 < > $(generics @ $2 $@ $1 $3 $: $)
R< $+ $| $+ > < + $* > $* < >	$: < $1 $| $2 > < + $3 > $4 < > $(generics $1 + $3 $: $)
R< $+ $| $+ > < + $* > $* < >	$: < $1 $| $2 > < + $3 > $4 < > $(generics $1 + * $@ $3 $: $)
R< $+ $| $+ > < $* > $* < >	$: < $1 $| $2 > < $3 > $4 < > $(generics $1 $: $)
R< $* > < $* > $* < >	$@ $3				not in the table
R< $* > < $* > $* < > $+ @ $+	$@ $>canonify $4 @ $5
R< $* > < $* > $* < > $+	$@ $4 < @ *LOCAL* >
')dnl
`
######################################################################
#  SMTP mailers (smtp, esmtp, smtp8, dsmtp, relay, procmail)
######################################################################
SEnvFromSMTP
R$*			$: $>PseudoToReal $1
R$*			$: $>MasqSMTP $1
'ifdef(`_FEAT_masquerade_envelope', `ifdef(`_FEAT_genericstable',
`R$*			$: $>Generics $1
')')dnl
`R$*			$@ $>MasqEnv $1

SEnvToSMTP
R$*			$: $>PseudoToReal $1
R$*			$: $>MasqSMTP $1
R$* < @ *LOCAL* > $*	$@ $1 < @ $j . > $2

SHdrFromSMTP
R$*			$: $>PseudoToReal $1
R$*			$: $>MasqSMTP $1
'ifdef(`_FEAT_genericstable',
`R$*			$: $>Generics $1
')dnl
`R$*			$@ $>MasqHdr $1

SHdrToSMTP
R$*			$: $>PseudoToReal $1
R$*			$: $>MasqSMTP $1
'ifdef(`_FEAT_allmasquerade',
`R$*			$@ $>MasqHdr $1
')dnl
`R$* < @ *LOCAL* > $*	$@ $1 < @ $j . > $2

######################################################################
#  MasqRelay: the relay mailer of a nullclient (header recipients)
######################################################################
SMasqRelay
R$*			$: $>MasqSMTP $1
R$*			$@ $>MasqHdr $1

######################################################################
#  Local mailer (local, prog)
######################################################################
SEnvFromL
R<@>			$@ <@>
R@ <@ $*>		$@ <@>
'ifdef(`_FEAT_always_add_domain',
`R$*			$: $>MasqSMTP $1
')dnl
ifdef(`_FEAT_masquerade_envelope', `ifdef(`_FEAT_genericstable',
`R$*			$: $>Generics $1
')')dnl
ifdef(`_FEAT_local_no_masquerade', `',
`# masquerading applies to qualified names even without always_add_domain
R$*			$@ $>MasqEnv $1
')dnl
`R$* < @ *LOCAL* > $*	$@ $1 < @ $j . > $2

SEnvToL
R$+ < @ $* >		$: $1				strip the host part
'ifdef(`_FEAT_preserve_local_plus_detail', `',
`R$+ + $*		$: $1 + $2
')dnl
`
SHdrFromL
R<@>			$@ <@>
R@ <@ $*>		$@ <@>
'ifdef(`_FEAT_always_add_domain',
`R$*			$: $>MasqSMTP $1
')dnl
ifdef(`_FEAT_genericstable',
`R$*			$: $>Generics $1
')dnl
ifdef(`_FEAT_local_no_masquerade', `',
`R$*			$@ $>MasqHdr $1
')dnl
`R$* < @ *LOCAL* > $*	$@ $1 < @ $j . > $2

SHdrToL
'ifdef(`_FEAT_always_add_domain',
`R$*			$: $>MasqSMTP $1
')dnl
ifdef(`_FEAT_allmasquerade', `ifdef(`_FEAT_local_no_masquerade', `',
`R$*			$@ $>MasqHdr $1
')')dnl
`R$* < @ *LOCAL* > $*	$@ $1 < @ $j . > $2

'dnl
