divert(-1)
#
# rules_policy.m4 -- the policy rulesets of our cf library.
#
# Written for this project from the documentation (cf.README: access
# database, anti-spam configuration, connection control, STARTTLS and
# SMTP AUTH sections; op.me: the check_* rulesets) and from the observable
# behaviour of the reference configuration.  proto.m4 includes this file
# where the rulesets section is written; everything below is emitted as is
# (with the FEATURE-dependent parts selected by ifdef on _FEAT_name).
#
# Structure of the generated rulesets (names of internal helpers are ours):
#
#   check_relay  -> Local_check_relay, PolConnect
#   check_mail   -> Local_check_mail,  PolSender
#   check_rcpt   -> Local_check_rcpt,  PolRecipient (and, with delay_checks,
#                   the sender and connection checks)
#   check_compat, check_etrn, check_expn, check_vrfy -> Local_ hooks
#   tls_client, tls_server, tls_rcpt -> PolTLSreq (TLS_Clt:, TLS_Srv:,
#                   TLS_Rcpt: entries)
#   srv_features, clt_features, try_tls, authinfo, trust_auth, greet_pause
#
# Access map helpers (all take "< tag > < key >" and return "< value >",
# "< ? >" when nothing was found):
#   PolKey   one key (tag:key, then the untagged key unless the tag is
#            written "! tag")
#   PolDom   a host or domain name and its parent domains
#   PolNet   an IP address and its network prefixes
#   PolAct   turns a found value into a verdict
#
# Known differences from the reference configuration (deliberate or not
# yet done): -bt traces differ (our ruleset names); some reply texts are
# ours (the reply codes and enhanced codes are the reference's); the
# TLS_* extensions (+CN, +CS, +CI, +CITag) are accepted but not checked.
# Address keys (From:, To:, Spam:, TLS_Rcpt:) try user+detail, user+*
# and user (PolFull).  Each FEATURE(dnsbl) and FEATURE(enhdnsbl) adds a
# list, checked in .mc order.  block_bad_helo is checked at RCPT: last
# with delay_checks, for relay attempts only without it.  badmx refuses a
# sender domain whose MX names are empty or bare addresses, or whose MX
# hosts (the domain itself without MX) have an address matching its
# pattern.
# With delay_checks there is no check_relay (except for ratecontrol and
# conncontrol with nodelay: only their limits) and no check_mail (as with
# the reference); check_rcpt checks the recipient, then the sender, then the
# connection.  The connection is looked up by client name before address.
# Relaying by client name: class R (and class m with relay_entire_domain)
# always; our own names and Connect: entries only for a verified name.
# test/cf/variants/pol-*.mc compare single policy features with the
# reference (test/cf/run_variants.py).
#
# The rules of each DNS blocklist are in rules_dnsbl.m4, read once per
# FEATURE(dnsbl) and FEATURE(enhdnsbl) of the .mc (helpers below).
#
# Nothing in this file may use the m4 quote characters in its text.  Rules
# whose right side after $# needs an m4 value are put between
# changecom() and changecom(`#') (m4 would take $# for a comment).
#
# _POL_DNSBLS(n): the rules of blocklists n, n+1, ... (rules_dnsbl.m4)
define(`_POL_DNSBLS',
`ifdef(`_CF_DNSBL_$1', `define(`_POL_BL', `$1')include(_CF_DIR_`m4/rules_dnsbl.m4')_POL_DNSBLS(incr(`$1'))')')
# for rules_dnsbl.m4: argument n of the current list, its feature name,
# its map, the verdict for a listed client, the answers that count
define(`_POL_BLARG', `_CF_RAW(`_CF_DNSBL_'_POL_BL`_ARG$1', `')')
define(`_POL_BLKIND', `defn(`_CF_DNSBL_'_POL_BL)')
define(`_POL_BLMAP', `ifelse(_POL_BLKIND, `enhdnsbl', `ednsbl', `dnsbl')')
define(`_POL_BLACTION',
`ifelse(_POL_BLARG(2), `quarantine', `$`'#error $`'@ quarantine $`': _POL_BLARG(1)',
_POL_BLARG(2), `discard', `$`'#discard $`': discard',
_POL_BLARG(2), `', `$`'#error $`'@ 5.7.1 $`': "550 Rejected: " $`'&{client_addr} " listed at _POL_BLARG(1)"',
`$`'#error $`'@ 5.7.1 $`': _POL_BLARG(2)')')
define(`_POL_BLANSWERS',
`ifelse(_POL_BLARG($1), `', `',
`R$`'* $`'| $`'* $`'| < _POL_BLARG($1) >	_POL_BLACTION
'`ifelse(`$1', `9', `', `_POL_BLANSWERS(incr(`$1'))')')')

divert(0)dnl
#
######################################################################
###  Policy rulesets (cf/m4/rules_policy.m4)
######################################################################
#
# internal maps of the policy rulesets
Kpol_dequote dequote
Kpol_arith arith
# resolve: does a domain resolve (<OKR>, <TEMP>)?  Class ResOk holds
# the answers that accept a sender domain; add TEMP to it to accept
# domains whose lookup fails for now.  Both names are the reference's.
Kresolve host -a<OKR> -T<TEMP>
C{ResOk}OKR
ifdef(`_FEAT_relay_based_on_MX', `Kpol_bestmx bestmx -T<TEMP>
')dnl
dnl the maps of badmx, bestmx_is_local, dnsbl and enhdnsbl come from their
dnl feature files (the reference's map names)
dnl access_db arguments: skip (SKIP values), lookupdotdomain
ifelse(index(translit(` 'defn(`_FEAT_access_db_ARG2')` 'defn(`_FEAT_access_db_ARG3')` 'defn(`_FEAT_access_db_ARG4')` ', `A-Z', `a-z'), ` skip '), `-1', `', `define(`_POL_SKIP_')')dnl
ifdef(`_FEAT_lookupdotdomain', `define(`_POL_DOTDOMAIN_')')dnl
ifelse(index(defn(`_FEAT_access_db_ARG2')defn(`_FEAT_access_db_ARG3')defn(`_FEAT_access_db_ARG4'), `lookupdotdomain'), `-1', `', `define(`_POL_DOTDOMAIN_')')dnl

# hooks for the administrator (LOCAL_RULESETS may add rules to them)
SLocal_check_relay
SLocal_check_mail
SLocal_check_rcpt
SLocal_check_compat
SLocal_trust_auth
SLocal_Relay_Auth
SLocal_tls_client
SLocal_tls_server
SLocal_tls_rcpt
ifdef(`_FEAT_greet_pause', `SLocal_greet_pause
')dnl

ifdef(`_FEAT_access_db', `dnl
######################################################################
# PolKey: look one key up in the access map.
#   input  < tag > < key >    or  < ! tag > < key > (no untagged fallback)
#   output < value >          or  < ? >
######################################################################
SPolKey
R< ! $+ > < $* >	$: < $(access $1:$2 $: ? $) >
R< $+ > < $* >		$: < $(access $1:$2 $: ? $) > < $2 >
R< ? > < $* >		$: < $(access $1 $: ? $) >
R< $* > < $* >		$: < $1 >

######################################################################
# PolFull: an address key, user@domain or user@ (From:, To:, Spam:,
# TLS_Rcpt: entries).  For user+detail the keys user+detail@domain,
# user+*@domain and user@domain are tried in this order.
#   input  < tag > < user @ domain >   output < value > or < ? >
######################################################################
SPolFull
R< $* > < $* >			$: < $1 > < $2 > $| $>PolKey < $1 > < $2 >
R< $* > < $+ + $* @ $* > $| < ? >	$: < $1 > < $2 + $3 @ $4 > $| $>PolKey < $1 > < $2 + * @ $4 >
R< $* > < $+ + $* @ $* > $| < ? >	$: < $1 > < $2 + $3 @ $4 > $| $>PolKey < $1 > < $2 @ $4 >
R$* $| < $* >			$@ < $2 >

######################################################################
# PolDom: a host name, then each parent domain (a.b.c, b.c, c).
# IP literals [a.b.c.d] are searched as [a.b.c.d], [a.b.c], ...
# With lookupdotdomain each level also tries .parent (a.b.c: .b.c).
#   input  < tag > < name >   output < value > or < ? >
ifdef(`_POL_SKIP_', `dnl
#   SKIP (access_db argument skip) ends the search as if nothing was found.
')dnl
######################################################################
SPolDom
R< $* > < >			$@ < ? >
R< $* > < $+ . >		$: < $1 > < $2 >
R< $* > < $+ >			$: < $1 > < $2 > $| $>PolKey < $1 > < $2 >
ifdef(`_POL_DOTDOMAIN_', `dnl
R< $* > < $+ . $+ > $| < ? >	$: < $1 > < $2 . $3 > $| $>PolKey < $1 > < . $3 >
')dnl
ifdef(`_POL_SKIP_', `dnl
R$* $| < SKIP >			$@ < ? >
')dnl
R< $* > < [ $+ . $- ] > $| < ? >	$@ $>PolDom < $1 > < [ $2 ] >
R< $* > < [ $+ : $- ] > $| < ? >	$@ $>PolDom < $1 > < [ $2 ] >
R< $* > < $- . $+ > $| < ? >	$@ $>PolDom < $1 > < $3 >
R$* $| < $* >			$@ < $2 >

######################################################################
# PolNet: an IP address, then its network prefixes
#   (1.2.3.4, 1.2.3, 1.2, 1; IPv6:a:b:c, IPv6:a:b, ...)
#   input  < tag > < address >   output < value > or < ? >
######################################################################
SPolNet
R< $* > < >			$@ < ? >
R< $* > < $+ >			$: < $1 > < $2 > $| $>PolKey < $1 > < $2 >
ifdef(`_POL_SKIP_', `dnl
R$* $| < SKIP >			$@ < ? >
')dnl
R< $* > < IPv6 > $| < ? >	$@ < ? >
R< $* > < $+ . $- > $| < ? >	$@ $>PolNet < $1 > < $2 >
R< $* > < $+ : $- > $| < ? >	$@ $>PolNet < $1 > < $2 >
R< $* > < $+ : > $| < ? >	$@ $>PolNet < $1 > < $2 >
R$* $| < $* >			$@ < $2 >
', `dnl
# no access map: every search finds nothing
SPolKey
R$*			$@ < ? >
SPolFull
R$*			$@ < ? >
SPolDom
R< $* > < >			$@ < ? >
R$*			$@ < ? >
SPolNet
R$*			$@ < ? >
')dnl

######################################################################
# PolAct: the verdict for an access map value.
#   input  < value > < kind >   kind: conn, mail, rcpt
#   output < ? >, < OK >, < RELAY >, or a $# error / discard triple
######################################################################
SPolAct
R< ? > $*			$@ < ? >
R< OK > $*			$@ < OK >
R< RELAY > $*			$@ < RELAY >
ifdef(`_POL_SKIP_', `dnl
R< SKIP > < rcpt >		$@ < ? >
')dnl
R< REJECT > < rcpt >		$#error $@ 5.2.1 $: "550 Mailbox disabled for this recipient"
R< REJECT > $*			$#error $@ 5.7.1 $: "550 Access denied"
R< DISCARD > $*			$#discard $: discard
R< QUARANTINE : $+ > $*		$#error $@ quarantine $: $1
R< ERROR : $-.$-.$- : $+ > $*	$#error $@ $1.$2.$3 $: $4
R< ERROR : $+ > $*		$#error $: $1
R< < TMPF > > $*		$#error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R< $+ > $*			$#error $: $1

######################################################################
# PolCanon: canonify an address with ruleset 3.  An address at one of
# our own names whose local part is itself an address (user%host,
# host!user, "user@host") is reduced to that inner address, as delivery
# would do.  Returns  user < @ domain . >,  a bare local part, or the
# $#error triple of ruleset 3.
######################################################################
SPolCanon
R$*				$: $>3 $1
R$# $*				$@ $# $1
R$*				$: $>PolSyntax $1
R$# $*				$@ $# $1
R$* < @ $* > $*			$: $1 < @ $2 >
# a quoted address without a domain: "user@host" is user@host
R$-				$: $1 $| < Q > $(pol_dequote $1 $)
R$- $| < Q > $+ @ $+		$@ $>PolCanon $2 @ $3
R$- $| < Q > $*			$@ $1
R$* < @ $+ >			$: $1 < @ $2 > $| < $2 >
R$* < @ $+ > $| < $=w . >	$: $1 < @ $2 > $| < L >
R$* < @ $+ > $| < $=w >		$: $1 < @ $2 > $| < L >
ifdef(`_FEAT_nopercenthack', `', `dnl
R$* % $* < @ $+ > $| < L >	$@ $>PolCanon $1 % $2
')dnl
ifdef(`_FEAT_nouucp', `', `dnl
R$* ! $* < @ $+ > $| < L >	$@ $>PolCanon $1 ! $2
')dnl
R$* < @ $+ > $| < L >		$: $1 < @ $2 > $| < L > $1
R$* < @ $+ > $| < L > $- $+	$@ $1 < @ $2 >
R$* < @ $+ > $| < L > $-	$: $1 < @ $2 > $| < Q > $(pol_dequote $3 $)
R$* < @ $+ > $| < Q > $* @ $*	$@ $>PolCanon $3 @ $4
ifdef(`_FEAT_nopercenthack', `', `dnl
R$* < @ $+ > $| < Q > $* % $*	$@ $>PolCanon $3 % $4
')dnl
ifdef(`_FEAT_nouucp', `', `dnl
R$* < @ $+ > $| < Q > $* ! $*	$@ $>PolCanon $3 ! $4
')dnl
R$* < @ $+ > $| $*		$@ $1 < @ $2 >

######################################################################
# PolSyntax: addresses that ruleset 3 leaves in a form no mailer can use
######################################################################
SPolSyntax
R< @ $+ >			$#error $@ 5.1.3 $: "553 User address required"
R""				$#error $@ 5.1.3 $: "553 User address required"
R$* : ; < @ >			$#error $@ 5.1.3 $: "553 List:; syntax illegal for recipient addresses"
R$+ < @ >			$#error $@ 5.1.3 $: "553 Hostname required"
R$* < @ $* @ $* >		$#error $@ 5.1.2 $: "553 Invalid route address"
R$* @ $* < @ $+ >		$#error $@ 5.1.3 $: "553 Invalid route address"
R$* < @ [ $+ ] . >		$#error $@ 5.1.2 $: "553 Invalid address"
R$* < @ . $* >			$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* . . $* >		$#error $@ 5.1.2 $: "553 Invalid host name"

######################################################################
# check_relay: called when a client connects, with
#   client name $| client address
# ratecontrol and conncontrol with nodelay (and delay_checks): only the
# rate and connection limits are checked at connect time.
######################################################################
ifdef(`_FEAT_delay_checks', `ifelse(translit(defn(`_FEAT_ratecontrol_ARG1'), `A-Z', `a-z'), `nodelay',
`define(`_POL_RATE_NOW_')')ifelse(translit(defn(`_FEAT_conncontrol_ARG1'), `A-Z', `a-z'), `nodelay',
`define(`_POL_CONN_NOW_')')')dnl
ifdef(`_FEAT_delay_checks', `dnl
ifdef(`_POL_RATE_NOW_', `define(`_POL_CTL_NOW_')')ifdef(`_POL_CONN_NOW_', `define(`_POL_CTL_NOW_')')dnl
ifdef(`_POL_CTL_NOW_', `dnl
Scheck_relay
ifdef(`_POL_RATE_NOW_', `R$*				$: $>PolRateCtl $1
R$# $*				$# $1
')dnl
ifdef(`_POL_CONN_NOW_', `R$*				$: $>PolConnCtl $1
R$# $*				$# $1
')dnl
R$*				$@ OK

')dnl
# delay_checks: the connection is checked at each RCPT (Local_check_relay
# included)
SPolConnectDelayed
', `dnl
Scheck_relay
')dnl
R$* $| $*			$: $1 $| $2 $| $>Local_check_relay $1 $| $2
R$* $| $* $| $# $*		$# $3
R$* $| $* $| $*			$@ $>PolConnect $1 $| $2

# PolConnect: the connection checks proper (name $| address)
SPolConnect
R$* $| $*			$: $1 $| $2 $| $>PolDom < Connect > < $1 >
R$* $| $* $| < ? >		$: $1 $| $2 $| $>PolNet < Connect > < $2 >
R$* $| $* $| < $* >		$: $1 $| $2 $| $>PolAct < $3 > < conn >
R$* $| $* $| < RELAY >		$@ RELAY
R$* $| $* $| < OK >		$@ OK
R$* $| $* $| $# $*		$# $3
R$* $| $* $| $*			$: $1 $| $2
ifdef(`_FEAT_ratecontrol', `ifdef(`_POL_RATE_NOW_', `', `dnl
R$* $| $*			$: $1 $| $2 $| $>PolRateCtl x
R$* $| $* $| $# $*		$# $3
R$* $| $* $| $*			$: $1 $| $2
')')dnl
ifdef(`_FEAT_conncontrol', `ifdef(`_POL_CONN_NOW_', `', `dnl
R$* $| $*			$: $1 $| $2 $| $>PolConnCtl x
R$* $| $* $| $# $*		$# $3
R$* $| $* $| $*			$: $1 $| $2
')')dnl
ifdef(`_CF_DNSBL_N', `dnl
# DNS blocklists (FEATURE dnsbl and enhdnsbl), in the order of the .mc:
# the reversed ${client_addr} (IPv4) is looked up in each zone
changecom()_POL_DNSBLS(1)changecom(`#')dnl
')dnl
ifdef(`_FEAT_require_rdns', `dnl
# require_rdns: the client address must resolve back to its name
R$* $| $*			$: $1 $| $2 $| < $&{client_resolve} >
R$* $| $* $| < FAIL >		$#error $@ 5.7.1 $: "550 Fix reverse DNS for " $2
R$* $| $* $| < FORGED >		$#error $@ 5.7.1 $: "550 Fix reverse DNS for " $2
R$* $| $* $| < TEMP >		$#error $@ 4.7.1 $: "451 Client address " $2 " did not resolve"
R$* $| $* $| $*			$: $1 $| $2
')dnl
R$*				$@ OK

changecom()dnl
ifdef(`_FEAT_ratecontrol', `define(`_POL_CTL_')')ifdef(`_FEAT_conncontrol', `define(`_POL_CTL_')')dnl
ifdef(`_POL_CTL_', `dnl
# PolRateCtl, PolConnCtl: the limits of ClientRate: and ClientConn: entries
# for ${client_addr} (its networks, then the default entry with no key);
# 0 is no limit.  Return OK or an error triple.
')dnl
ifdef(`_FEAT_ratecontrol', `dnl
SPolRateCtl
R$*				$: $>PolNet < ! ClientRate > < $&{client_addr} >
R< ? >				$: $>PolKey < ! ClientRate > < >
R< 0 >				$@ OK
R< $* < TMPF > >		$#error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R< $+ >				$: < $(pol_arith l $@ $1 $@ $&{client_rate} $) >
R< TRUE >			$#error $@ 4.3.2 $: "ifelse(defn(`_FEAT_ratecontrol_ARG2'), `terminate', `421', `452') Connection rate limit exceeded."
R$*				$@ OK
')dnl
ifdef(`_FEAT_conncontrol', `dnl
SPolConnCtl
R$*				$: $>PolNet < ! ClientConn > < $&{client_addr} >
R< ? >				$: $>PolKey < ! ClientConn > < >
R< 0 >				$@ OK
R< $* < TMPF > >		$#error $@ 4.3.0 $: "451 Temporary system failure. Please try again later."
R< $+ >				$: < $(pol_arith l $@ $1 $@ $&{client_connections} $) >
R< TRUE >			$#error $@ 4.3.2 $: "ifelse(defn(`_FEAT_conncontrol_ARG2'), `terminate', `421', `452') Too many open connections."
R$*				$@ OK
')dnl
changecom(`#')dnl

######################################################################
# check_mail: called with the MAIL FROM address
######################################################################
ifdef(`_FEAT_delay_checks', `dnl
# delay_checks: there is no check_mail; the sender is checked at each
# RCPT by check_mail_delayed
', `dnl
Scheck_mail
R$*				$: $1 $| $>Local_check_mail $1
R$* $| $# $*			$# $2
R$* $| $*			$@ $>PolSender $1
')dnl

# PolSender: the sender checks proper
SPolSender
R$*				$: $1 $| $>tls_client $&{verify} $| MAIL
R$* $| $# $*			$# $2
R$* $| $*			$: $1
# the null sender
R< >				$@ < OK >
R<>				$@ < OK >
ifdef(`_FEAT_accept_unqualified_senders', `', `dnl
# a loopback address is no sender domain
R$* @ localhost			$: < LOOP > $1
R$* @ [ 127.0.0.1 ]		$: < LOOP > $1
R$* @ [ IPv6 : : : 1 ]		$: < LOOP > $1
R$* < $* @ localhost > $*	$: < LOOP > $1
R$* < $* @ [ 127.0.0.1 ] > $*	$: < LOOP > $1
R$* < $* @ [ IPv6 : : : 1 ] > $*	$: < LOOP > $1
R< LOOP > $*			$: < LOOP > $1 $| $&{client_addr}
R< LOOP > $* $| 127.0.0.1	$@ < OK >
R< LOOP > $* $| IPv6 : : : 1	$@ < OK >
R< LOOP > $* $| $*		$#error $@ 5.5.4 $: "553 Real domain name required for sender address"
')dnl
# canonical form; < D > with a domain, < L > a local part only,
# < U > an address ruleset 3 refused
R$*				$: < L > $>PolCanon $1
R< L > $# $*			$: < U > $# $1
R< L > $* < @ $+ . >		$: < D > $1 < @ $2 >
R< L > $* < @ $+ >		$: < D > $1 < @ $2 >
# the access map: From: entries for the address, the user, the domain
R< D > $* < @ $+ >		$: < D > $1 < @ $2 > $| $>PolFull < From > < $1 @ $2 >
R< D > $* < @ $+ > $| < ? >	$: < D > $1 < @ $2 > $| $>PolFull < From > < $1 @ >
R< D > $* < @ $+ > $| < ? >	$: < D > $1 < @ $2 > $| $>PolDom < From > < $2 >
R< L > $*			$: < L > $1 $| $>PolFull < From > < $1 @ >
R< $- > $* $| < $* >		$: < $1 > $2 $| $>PolAct < $3 > < mail >
R< $- > $* $| < OK >		$# OK
R< $- > $* $| < RELAY >		$# RELAY
R< $- > $* $| $# $*		$# $3
R< $- > $* $| $*		$: < $1 > $2
# the sender must have a domain
ifdef(`_FEAT_accept_unqualified_senders', `dnl
R< L > $*			$@ $1
R< U > $*			$@ OK
', `dnl
R< $- > $*			$: < $1 > $2 $| < $&{daemon_flags} >
R< L > $* $| < $* u $* >	$@ $1
R< U > $* $| < $* u $* >	$@ OK
R< $- > $* $| $*		$: < $1 > $2
R< L > $*			$#error $@ 5.5.4 $: "553 Domain name required for sender address " $&f
R< U > $*			$#error $@ 5.5.4 $: "553 Domain name required for sender address " $&f
')dnl
R< D > $*			$: $1
ifdef(`_FEAT_accept_unresolvable_domains', `', `dnl
# the sender domain must resolve (an answer in class ResOk accepts it)
R$* < @ $+ >			$: $1 < @ $2 > $| < $(resolve $2 $: $2 < NOTFOUND > $) >
R$* $| < $* < $={ResOk} > >	$: $1
R$* $| < $* < TEMP > >		$#error $@ 4.1.8 $: "451 Domain of sender address " $&f " does not resolve"
R$* $| < $* < NOTFOUND > >	$#error $@ 5.1.8 $: "553 Domain of sender address " $&f " does not exist"
# (a domain that cannot even be tokenized again is no domain; without
# the unqualified-sender check the broken answer itself is the reply)
ifdef(`_FEAT_accept_unqualified_senders', `dnl
R$* $| < $* >			$#error $: ? $2
R$* $| $*			$#error $: ? $2
', `dnl
R$* $| $*			$#error $@ 5.5.4 $: "553 Domain name required for sender address " $&f
')dnl
')dnl
ifdef(`_FEAT_badmx', `dnl
# badmx: the MX hosts of the sender domain must be usable
R$* < @ $+ >			$: $1 < @ $2 > $| $>PolBadMX $2
R$* $| $# $*			$# $2
R$* $| $*			$: $1
')dnl
R$*				$@ $1
ifdef(`_FEAT_badmx', `dnl

######################################################################
# PolBadMX: the MX host names of a domain (the domain itself when it
# has none) must not be empty or a bare IPv4 address (map badmx), and
# their addresses must not match the feature argument (map BadMXIP,
# default loopback, 10/8 and 0.0.0.0).  Returns OK or an error triple.
######################################################################
SPolBadMX
R$+				$: $1 $| $(mxlist $1 $)
R$+ $| $* < TEMP >		$#error $@ 4.1.2 $: "450 MX lookup failure for " $1
R$+ $| $*			$: $1 $| $2 $| $>PolMXName : $2 :
R$+ $| $* $| < BAD >		$#error $@ 5.1.2 $: "550 Illegal MX record for host " $1
R$+ $| $* $| $*			$: $1 $| $>PolMXAddr : $2 :
R$+ $| < BAD >			$#error $@ 5.1.2 $: "550 Invalid MX record for host " $1
R$*				$@ OK

# PolMXName, PolMXAddr: : name : name : ... :  ->  < BAD > or < OK >
SPolMXName
R: $+ : $*			$: $(badmx $1 $) $| : $2
R$* < BADMX > $* $| $*		$@ < BAD >
R$* $| $*			$@ $>PolMXName $2
R$*				$@ < OK >
SPolMXAddr
R: $+ : $*			$: $(dnsA $1 $) $| : $2
R$* $| $*			$: $(BadMXIP $1 $) $| $2
R$* < BADMXIP > $* $| $*	$@ < BAD >
R$* $| $*			$@ $>PolMXAddr $2
R$*				$@ < OK >
')dnl

######################################################################
# check_rcpt: called with each RCPT TO address
######################################################################
Scheck_rcpt
R$*				$: $1 $| $>Local_check_rcpt $1
R$* $| $# $*			$# $2
ifdef(`_FEAT_delay_checks', `dnl
# delay_checks: the recipient first, then (unless the client authenticated
# with a trusted mechanism) the sender with Local_check_mail, then the
# connection with Local_check_relay; the verdict on the recipient stands when
# they pass
R$* $| $*			$: $1 $| $>PolRecipient $1
R$* $| $# $*			$# $2
R$* $| $*			$: $1 $| $2 $| < $&{auth_type} >
R$* $| $* $| < $={TrustAuthMech} >	$@ $2
ifelse(defn(`_FEAT_delay_checks_ARG1'), `friend', `dnl
# spamfriend: recipients listed Spam: FRIEND skip the other checks
R$* $| $* $| $*			$: $1 $| $2 $| $>PolSpam $1
R$* $| $* $| < FRIEND >		$@ $2
', defn(`_FEAT_delay_checks_ARG1'), `hater', `dnl
# spamhater: only recipients listed Spam: HATER get the other checks
R$* $| $* $| $*			$: $1 $| $2 $| $>PolSpam $1
R$* $| $* $| < HATER >		$: $1 $| $2 $| < >
R$* $| $* $| < $+ >		$@ $2
')dnl
R$* $| $* $| $*			$: $1 $| $2 $| $>check_mail_delayed $&f
R$* $| $* $| $# $*		$# $3
R$* $| $* $| $*			$: $1 $| $2 $| $>PolConnectDelayed $&{client_name} $| $&{client_addr}
R$* $| $* $| $# $*		$# $3
ifdef(`_FEAT_block_bad_helo', `dnl
# block_bad_helo: last, the HELO name
R$* $| $* $| $*			$: $1 $| $2 $| $>PolHelo $1
R$* $| $* $| $# $*		$# $3
')dnl
R$* $| $* $| $*			$@ $2
')dnl
R$* $| $*			$@ $>PolRecipient $1
ifdef(`_FEAT_delay_checks', `dnl

# the sender checks as check_mail would have done them
Scheck_mail_delayed
R				$@ < OK >
# a literal <> (as -bt can set $f) is no address here (as the reference)
R< >				$#error $@ 5.5.4 $: "553 Domain name required for sender address " $&f
R$*				$: $1 $| $>Local_check_mail $1
R$* $| $# $*			$# $2
R$* $| $*			$: $>PolSender $1
R< OK >				$# OK
R$*				$@ $1

# PolSpam: the Spam: entry of a recipient (< FRIEND >, < HATER >, < ? >)
SPolSpam
R$*				$: $>PolCanon $1
R$# $*				$@ < ? >
R$* < @ $+ . >			$: $1 < @ $2 >
R$* < @ $+ >			$: $1 < @ $2 > $| $>PolFull < ! Spam > < $1 @ $2 >
R$* < @ $+ > $| < ? >		$: $1 < @ $2 > $| $>PolDom < ! Spam > < $2 >
R$* < @ $=w > $| < ? >		$: $1 < @ $2 > $| $>PolFull < ! Spam > < $1 @ >
R$* < @ $+ > $| < $* >		$@ < $3 >
R$*				$: $>PolFull < ! Spam > < $1 @ >
R< $* >				$@ < $1 >
')dnl

######################################################################
# PolRecipient: the recipient checks: the access map (To:) and relaying
######################################################################
SPolRecipient
R< >				$#error $@ nouser $: "553 User address required"
R$*				$: $>PolCanon $1
R$# $*				$# $1
R$* < @ $+ . >			$: $1 < @ $2 >
ifdef(`_FEAT_bestmx_is_local', `dnl
# bestmx_is_local: a domain whose best MX host is one of our names is
# ours (with an argument: only the domains of class B); an address in
# the local part is checked as the recipient
ifelse(_CF_FEAT_ARG(`bestmx_is_local', `1', `'), `', `dnl
R$* < @ $+ >			$: $1 < @ $2 > $| < $(bestmx $2 $) >
', `dnl
R$* < @ $* $=B >		$: $1 < @ $2 $3 > $| < $(bestmx $2 $3 $) >
')dnl
R$* $=O $* < @ $+ > $| < $=w . >	$@ $>PolRecipient $1 $2 $3
R$* < @ $+ > $| < $=w . >	$: $1 < @ $3 >
R$* $| $*			$: $1
')dnl
ifdef(`_FEAT_blocklist_recipients', `define(`_POL_BLOCKLIST_')')dnl
ifdef(`_FEAT_blacklist_recipients', `define(`_POL_BLOCKLIST_')')dnl
ifdef(`_POL_BLOCKLIST_', `ifdef(`_FEAT_access_db', `dnl
# blocklist_recipients: To: entries for the address, the local user, the domain
R$* < @ $+ >			$: $1 < @ $2 > $| $>PolFull < To > < $1 @ $2 >
R$* < @ $=w > $| < ? >		$: $1 < @ $2 > $| $>PolFull < To > < $1 @ >
R$* < @ $+ > $| < ? >		$: $1 < @ $2 > $| $>PolDom < To > < $2 >
R$* < @ $+ > $| < $* >		$: $1 < @ $2 > $| $>PolAct < $3 > < rcpt >
R$* $| $# $*			$# $2
R$* $| $*			$: $1
R$*				$: $1 $| $>PolFull < To > < $1 @ >
R$* < @ $+ > $| $*		$: $1 < @ $2 >
R$* $| < $* >			$: $1 $| $>PolAct < $2 > < rcpt >
R$* $| $# $*			$# $2
R$* $| $*			$: $1
')')dnl
ifdef(`_FEAT_promiscuous_relay', `dnl
# promiscuous_relay: everything may be relayed
R$*				$@ RELAY
')dnl
# to a local user or a domain we relay to?
R$*				$: $1 $| $>PolRelayTo $1
R$* $| RELAY			$@ RELAY
R$* $| $# $*			$# $2
ifdef(`_FEAT_relay_based_on_MX', `dnl
R$* $| < MXTEMP > $*		$: $1 $| < MXTEMP > $2 $| $>PolRelayFrom $1
R$* $| < MXTEMP > $* $| RELAY	$@ RELAY
R$* $| < MXTEMP > $* $| $# $*	$# $3
R$* $| < MXTEMP > $* $| $*	$#error $@ 4.4.0 $: "450 Can not check MX records for recipient host " $2
')dnl
R$* $| $*			$: $1
# from a client we relay for?
R$*				$: $1 $| $>PolRelayFrom $1
R$* $| RELAY			$@ RELAY
R$* $| $# $*			$# $2
R$* $| $*			$: $1 $| < $&{client_resolve} >
R$* $| < TEMP >			$#error $@ 4.4.0 $: "450 Relaying temporarily denied. Cannot resolve PTR record for " $&{client_addr}
R$* $| < FORGED >		$#error $@ 5.7.1 $: "550 Relaying denied. IP name possibly forged " $&{client_name}
R$* $| < FAIL >			$#error $@ 5.7.1 $: "550 Relaying denied. IP name lookup failed " $&{client_name}
ifdef(`_FEAT_block_bad_helo', `ifdef(`_FEAT_delay_checks', `', `dnl
# block_bad_helo without delay_checks: checked for relay attempts only
R$*				$: $>PolHelo $1
R$# $*				$# $1
')')dnl
R$*				$#error $@ 5.7.1 $: "550 Relaying denied"

######################################################################
# PolRelayTo: RELAY when the (canonical) recipient is local or in a
# domain we relay to; the inner address of a source route, %-hack or
# bang path is checked instead of the outer one.
######################################################################
SPolRelayTo
R$* < @ $+ . >			$: $1 < @ $2 >
ifelse(defn(`_FEAT_nopercenthack_ARG1'), `reject', `dnl
# nopercenthack reject: a %-hack address is never relayed to
R$* % $*			$@ NO
')dnl
ifelse(defn(`_FEAT_nouucp_ARG1'), `reject', `dnl
# nouucp reject: a bang path is never relayed to
R$* ! $*			$@ NO
')dnl
# no domain: a local user
R$*				$: $1 $| < N >
R$* < @ $+ > $| < N >		$: $1 < @ $2 > $| < D : $2 >
R$* $| < N >			$@ RELAY
# our own names
R$* < @ $+ > $| < D : $=w >		$: $1 < @ $2 > $| < Y >
R$* < @ $+ > $| < D : $={VirtHost} >	$: $1 < @ $2 > $| < Y >
# class R: relay hosts (and their subdomains unless relay_hosts_only)
R$* < @ $+ > $| < D : $=R >		$: $1 < @ $2 > $| < Y >
ifdef(`_FEAT_relay_hosts_only', `', `dnl
R$* < @ $+ > $| < D : $+ . $=R >	$: $1 < @ $2 > $| < Y >
')dnl
ifdef(`_FEAT_relay_entire_domain', `dnl
# relay_entire_domain: every host of our domains (class m)
R$* < @ $+ > $| < D : $=m >		$: $1 < @ $2 > $| < Y >
R$* < @ $+ > $| < D : $+ . $=m >	$: $1 < @ $2 > $| < Y >
')dnl
ifdef(`_FEAT_access_db', `dnl
# the access map: To: entries with RELAY
ifelse(index(defn(`_FEAT_access_db_ARG2')defn(`_FEAT_access_db_ARG3')defn(`_FEAT_access_db_ARG4'), `relaytofulladdress'), `-1', `', `dnl
R$* < @ $+ > $| < D : $+ >		$: $1 < @ $2 > $| < D : $3 > $>PolFull < To > < $1 @ $2 >
R$* < @ $+ > $| < D : $+ > < RELAY >	$: $1 < @ $2 > $| < Y >
R$* < @ $+ > $| < D : $+ > < $* >	$: $1 < @ $2 > $| < D : $3 >
')dnl
ifdef(`_FEAT_relay_hosts_only', `dnl
# relay_hosts_only: the host name itself, no parent domains
R$* < @ $+ > $| < D : $+ >		$: $1 < @ $2 > $| < D : $3 > $>PolKey < To > < $3 >
', `dnl
R$* < @ $+ > $| < D : $+ >		$: $1 < @ $2 > $| < D : $3 > $>PolDom < To > < $3 >
')dnl
R$* < @ $+ > $| < D : $+ > < RELAY >	$: $1 < @ $2 > $| < Y >
R$* < @ $+ > $| < D : $+ > < $* >	$: $1 < @ $2 > $| < D : $3 >
')dnl
ifdef(`_FEAT_relay_based_on_MX', `dnl
# relay_based_on_MX: we are the best MX of the domain
R$* < @ $+ > $| < D : $+ >		$: $1 < @ $2 > $| < D : $3 > < $(pol_bestmx $3 $: NOMX $) >
R$* < @ $+ > $| < D : $+ > < $=w . >	$: $1 < @ $2 > $| < Y >
R$* < @ $+ > $| < D : $+ > < $=w >	$: $1 < @ $2 > $| < Y >
R$* < @ $+ > $| < D : $+ > < $* < TEMP > >	$@ < MXTEMP > $3
R$* < @ $+ > $| < D : $+ > < $* >	$: $1 < @ $2 > $| < D : $3 >
')dnl
R$* < @ $+ > $| < D : $+ >		$@ NO
ifdef(`_FEAT_loose_relay_check', `dnl
# loose_relay_check: the local part is not looked at
R$* $| < Y >			$@ RELAY
')dnl
# a local part that is itself an address is checked as the recipient
ifdef(`_FEAT_nopercenthack', `', `dnl
R$* % $* < @ $+ > $| < Y >	$@ $>PolRelayInner $1 % $2
')dnl
R$* ! $* < @ $+ > $| < Y >	$@ $>PolRelayInner $1 ! $2
R$* @ $* < @ $+ > $| < Y >	$@ $>PolRelayInner $1 @ $2
R$* < @ $+ > $| < Y >		$: $1 < @ $2 > $| < Y > $1
R$* < @ $+ > $| < Y > $- $+	$@ RELAY
R$* < @ $+ > $| < Y > $-	$: $1 < @ $2 > $| < Q > $(pol_dequote $3 $)
R$* < @ $+ > $| < Q > $* @ $*	$@ $>PolRelayInner $3 @ $4
ifdef(`_FEAT_nopercenthack', `', `dnl
R$* < @ $+ > $| < Q > $* % $*	$@ $>PolRelayInner $3 % $4
')dnl
R$* < @ $+ > $| < Q > $* ! $*	$@ $>PolRelayInner $3 ! $4
R$*				$@ RELAY

# PolRelayInner: canonify an inner address and decide on it
SPolRelayInner
R$*				$: $>3 $1
R$# $*				$# $1
R< @ >				$@ NO
R$*				$@ $>PolRelayTo $1

######################################################################
# PolRelayFrom: RELAY when the client may relay: a local connection,
# Connect: RELAY, a client host in class R (or our domains with
# relay_entire_domain), a trusted AUTH mechanism or a verified TLS
# certificate listed as RELAY, relay_mail_from, relay_local_from.
######################################################################
SPolRelayFrom
R$*				$: < $&{client_addr} >
R< >				$@ RELAY
R< $* >				$: < $1 > $| $>PolNet < Connect > < $1 >
R< $* > $| < RELAY >		$@ RELAY
# the client name counts only when it was verified
R< $* > $| < $* >		$: < $&{client_resolve} > < $&{client_name} >
R< OK > < $* >			$: < N > < $1 >
R< $* > < $* >			$: < n > < $2 >
R< n > < $* . >			$: < n > < $1 >
R< n > < $=R >			$@ RELAY
ifdef(`_FEAT_relay_hosts_only', `', `dnl
R< n > < $+ . $=R >		$@ RELAY
')dnl
ifdef(`_FEAT_relay_entire_domain', `dnl
R< n > < $=m >			$@ RELAY
R< n > < $+ . $=m >		$@ RELAY
')dnl
R< N > < $* . >			$: < N > < $1 >
R< N > < $=w >			$@ RELAY
R< N > < $* >			$: < N > < $1 > $| $>ifdef(`_FEAT_relay_hosts_only', `PolKey', `PolDom') < Connect > < $1 >
R< N > < $* > $| < RELAY >	$@ RELAY
R< N > < $* > $| < $* >		$: < N > < $1 >
R< N > < $=R >			$@ RELAY
ifdef(`_FEAT_relay_hosts_only', `', `dnl
R< N > < $+ . $=R >		$@ RELAY
')dnl
ifdef(`_FEAT_relay_entire_domain', `dnl
R< N > < $=m >			$@ RELAY
R< N > < $+ . $=m >		$@ RELAY
')dnl
# class R may list client addresses and networks
R$*				$: < $&{client_addr} >
R< $=R >			$@ RELAY
R< $-.$-.$- . $- >		$: < $1.$2.$3 > < $1.$2 > < $1 >
R< $=R > $*			$@ RELAY
R< $* > < $=R > $*		$@ RELAY
R< $* > < $* > < $=R >		$@ RELAY
# SMTP AUTH with a trusted mechanism
R$*				$: < $&{auth_type} > $| $>Local_Relay_Auth $&{auth_type}
R< $* > $| $# $*		$# $2
R< $={TrustAuthMech} > $| $*	$@ RELAY
R< $* > $| $*			$: < >
ifdef(`_FEAT_access_db', `dnl
# a verified client certificate whose issuer or subject is listed RELAY
R$*				$: < $&{verify} >
R< OK >				$: < OK > $| $>PolKey < ! CERTISSUER > < $&{cert_issuer} >
R< OK > $| < RELAY >		$@ RELAY
R< OK > $| $*			$: < OK > $| $>PolKey < ! CERTSUBJECT > < $&{cert_subject} >
R< OK > $| < RELAY >		$@ RELAY
R$*				$: < >
')dnl
ifdef(`_FEAT_relay_mail_from', `dnl
# relay_mail_from: the sender is listed From: RELAY
R$*				$: < > $| $>PolMailFromRelay $&f
R< > $| RELAY			$@ RELAY
')dnl
ifdef(`_FEAT_relay_local_from', `dnl
# relay_local_from: the sender is in one of our domains
R$*				$: < > $| $>3 $&f
R< > $| $* < @ $=w . >		$@ RELAY
R< > $| $* < @ $=w >		$@ RELAY
')dnl
R$*				$@ NO
ifdef(`_FEAT_relay_mail_from', `dnl

# PolMailFromRelay: RELAY if the sender is listed From: RELAY
SPolMailFromRelay
R$*				$: $>PolCanon $1
R$# $*				$@ NO
R$* < @ $+ . >			$: $1 < @ $2 >
R$* < @ $+ >			$: $1 < @ $2 > $| $>PolFull < ! From > < $1 @ $2 >
R$* $| < RELAY >		$@ RELAY
ifelse(defn(`_FEAT_relay_mail_from_ARG1'), `domain', `dnl
R$* < @ $+ > $| $*		$: $1 < @ $2 > $| $>PolDom < ! From > < $2 >
R$* $| < RELAY >		$@ RELAY
')dnl
R$*				$@ NO
')dnl

######################################################################
# check_compat: sender $| recipient of each delivery
######################################################################
Scheck_compat
R$* $| $*			$: $1 $| $2 $| $>Local_check_compat $1 $| $2
R$* $| $* $| $# $*		$# $3
ifdef(`_FEAT_compat_check', `ifdef(`_FEAT_access_db', `dnl
# compat_check: Compat:sender<@>recipient entries
R$* $| $* $| $*			$: $1 $| $2 $| $>PolKey < ! Compat > < $1 < @ > $2 >
R$* $| $* $| < DISCARD >	$#discard $: discard
R$* $| $* $| < TEMP : $+ >	$#error $@ 4.7.0 $: $3
R$* $| $* $| < ERROR : $+ >	$#error $: $3
R$* $| $* $| < $* >		$: $1 $| $2 $| $>PolAct < $3 > < compat >
R$* $| $* $| $# $*		$# $3
')')dnl
R$*				$@ OK

######################################################################
# check_etrn, check_expn, check_vrfy: hooks only
######################################################################
Scheck_etrn
R$*				$: $1 $| $>Local_check_etrn $1
R$* $| $# $*			$# $2
R$*				$@ OK
Scheck_expn
R$*				$: $1 $| $>Local_check_expn $1
R$* $| $# $*			$# $2
R$*				$@ OK
Scheck_vrfy
R$*				$: $1 $| $>Local_check_vrfy $1
R$* $| $# $*			$# $2
R$*				$@ OK
SLocal_check_etrn
SLocal_check_expn
SLocal_check_vrfy

######################################################################
# trust_auth: is the AUTH= parameter of MAIL trusted?
######################################################################
Strust_auth
R$*				$: < $&{auth_type} > $1
R< > $*				$#error $@ 5.7.1 $: "550 not authenticated"
R< $+ > $*			$: $2
R$&{auth_authen}		$@ OK
R< $&{auth_authen} >		$@ OK
R$*				$: $1 $| $>Local_trust_auth $1
R$* $| $# $*			$# $2
R$* $| $*			$#error $@ 5.7.1 $: "550 AUTH=" $1 " is not " $&{auth_authen}

######################################################################
# TLS: tls_client (we are the server), tls_server (we are the client),
# tls_rcpt (before each RCPT we send).  The requirement comes from the
# access map (TLS_Clt:, TLS_Srv:, TLS_Rcpt:) and is checked against
# ${verify} and ${cipher_bits} by PolTLSreq.
######################################################################
Stls_client
R$* $| $*			$: $1 $| $2 $| $>Local_tls_client $1 $| $2
R$* $| $* $| $# $*		$# $3
R$* $| $* $| $*			$: $1 $| $>PolTLSpeer < TLS_Clt > < $&{client_name} > < $&{client_addr} >
R$* $| < $* >			$@ $>PolTLSreq $1 $| < $2 >
R$*				$@ OK

Stls_server
R$*				$: $1 $| $>Local_tls_server $1
R$* $| $# $*			$# $2
R$* $| $*			$: $1 $| $>PolTLSpeer < TLS_Srv > < $&{server_name} > < $&{server_addr} >
R$* $| < $* >			$@ $>PolTLSreq $1 $| < $2 >

ifdef(`_FEAT_access_db', `dnl
Stls_rcpt
R$*				$: $1 $| $>Local_tls_rcpt $1
R$* $| $# $*			$# $2
R$* $| $*			$: $>3 $1
R$* < @ $+ . >			$: $1 < @ $2 >
R$* < @ $+ >			$: $1 < @ $2 > $| $>PolFull < ! TLS_Rcpt > < $1 @ $2 >
R$* < @ $+ > $| < ? >		$: $1 < @ $2 > $| $>PolFull < ! TLS_Rcpt > < $1 @ >
R$* < @ $+ > $| < ? >		$: $1 < @ $2 > $| $>PolDom < ! TLS_Rcpt > < $2 >
R$* < @ $+ > $| < ? >		$: $1 < @ $2 > $| $>PolKey < ! TLS_Rcpt > < >
R$* $| < $* >			$@ $>PolTLSreq $&{verify} $| < $2 >
R$*				$@ OK
')dnl

# PolTLSpeer: < tag > < name > < address >: the requirement for a peer
SPolTLSpeer
R< $+ > < $* > < $* >		$: < $1 > < $3 > $| $>PolDom < ! $1 > < $2 >
R< $+ > < $* > $| < ? >		$: < $1 > $| $>PolNet < ! $1 > < $2 >
R< $+ > $| < ? >		$: $>PolKey < ! $1 > < >
R< $+ > $| < $* >		$@ < $2 >
R< $* >				$@ < $1 >

# PolTLSreq: verify $| < requirement >
SPolTLSreq
R SOFTWARE $| $*		$#error $@ 4.7.0 $: "403 TLS handshake failure."
R$* $| < ? >			$@ OK
R$* $| < $+ >			$: $1 $| < $2 > < D >
R$* $| < PERM + $+ > < D >	$: $1 $| < 5 > < $2 >
R$* $| < TEMP + $+ > < D >	$: $1 $| < 4 > < $2 >
R$* $| < $+ > < D >		$: $1 $| < ifdef(`TLS_PERM_ERR', `5', `4') > < $2 >
R$* $| < $- > < $+ + $* >	$: $1 $| < $2 > < $3 >
R$* $| < $- > < VERIFY >	$: $1 $| < $2 > < VERIFY : 0 >
R OK $| < $- > < VERIFY : $- >	$: < $1 > < ENCR : $2 >
R$* $| < $- > < VERIFY : $- >	$: < $2 > < FAIL > < $1 >
R$* $| < $- > < ENCR : $- >	$: < $2 > < ENCR : $3 >
R< $- > < ENCR : $- >		$: < $1 > < $2 > < $(pol_arith l $@ $&{cipher_bits} $@ $2 $) >
R< $- > < $- > < FALSE >	$@ OK
R< $- > < 0 > < $* >		$@ OK
R< 4 > < $- > < TRUE >		$#error $@ 4.7.0 $: "403 encryption too weak " $&{cipher_bits} " less than " $1
R< 5 > < $- > < TRUE >		$#error $@ 5.7.0 $: "503 encryption too weak " $&{cipher_bits} " less than " $1
R< 4 > < FAIL > < $* >		$#error $@ 4.7.0 $: "403 not authenticated " $1
R< 5 > < FAIL > < $* >		$#error $@ 5.7.0 $: "503 not authenticated " $1
R$*				$@ OK

######################################################################
# srv_features / clt_features (and try_tls) from Srv_Features:,
# Clt_Features:, Try_TLS: entries for the peer
######################################################################
ifdef(`_FEAT_access_db', `dnl
Ssrv_features
R$*				$: $>PolTLSpeer < Srv_Features > < $&{client_name} > < $&{client_addr} >
R< ? >				$@ OK
R< $+ >				$# $1
Sclt_features
R$*				$: $>PolTLSpeer < Clt_Features > < $&{server_name} > < $&{server_addr} >
R< ? >				$@ OK
R< $+ >				$# $1
Stry_tls
R$*				$: $>PolTLSpeer < Try_TLS > < $&{server_name} > < $&{server_addr} >
R< NO >				$#error $@ 5.7.1 $: "550 do not try TLS with " $&{server_name}
R$*				$@ OK
')dnl
ifdef(`_FEAT_authinfo', `define(`_POL_AUTHMAP_', `authinfo')', `ifdef(`_FEAT_access_db', `define(`_POL_AUTHMAP_', `access')')')dnl
ifdef(`_POL_AUTHMAP_', `dnl

######################################################################
# authinfo: client side SMTP AUTH data (AuthInfo: entries) for the
# server we talk to: by name, by address, then the default entry
######################################################################
Sauthinfo
R$*				$: < $(_POL_AUTHMAP_ AuthInfo:$&{server_name} $: ? $) >
R< ? >				$: < $(_POL_AUTHMAP_ AuthInfo:$&{server_addr} $: ? $) >
R< ? >				$: < $(_POL_AUTHMAP_ AuthInfo: $: ? $) >
R< ? >				$@ NOAUTH
R< $* >				$# $1
')dnl
ifdef(`_FEAT_greet_pause', `dnl

######################################################################
# greet_pause: milliseconds to wait before the greeting, called with
# client name $| client address: GreetPause: entries for the name (and
# its domains), then for the address (and its networks), else the
# feature argument (no pause without one).  Input of another form is
# returned as it is.
######################################################################
Sgreet_pause
R$*				$: < $1 > $| $>Local_greet_pause $1
R< $* > $| $# $*		$# $2
R< $* > $| $*			$: $1
R$* $| $*			$: $1 $| $2 $| $>PolDom < ! GreetPause > < $1 >
R$* $| $* $| < ? >		$: $1 $| $2 $| $>PolNet < ! GreetPause > < $2 >
R$* $| $* $| < $* < TMPF > >	$@
R$* $| $* $| < ? >		ifelse(defn(`_FEAT_greet_pause_ARG1'), `', `$@', `changecom()$# defn(`_FEAT_greet_pause_ARG1')changecom(`#')')
R$* $| $* $| < $+ >		$# $3
')dnl
ifdef(`_FEAT_block_bad_helo', `dnl

######################################################################
# PolHelo: the HELO/EHLO name ${s} must be qualified and not one of our
# names (nor, bare, one of our addresses).  Not checked for an
# authenticated client, a client whose address starts with an entry of
# class R, or sendmail -bs (client address 0).  Returns OK or an error.
######################################################################
SPolHelo
R$*				$: < $&{auth_authen} >
R< $+ >				$@ OK
R$*				$: < $&{client_addr} >
R< $=R $* >			$@ OK
R< 0 >				$@ OK
R$*				$: [ $&s ]
R$=w				$#error $@ 5.7.1 $: "550 bogus HELO name used: " $&s
R[ $=w ]			$#error $@ 5.7.1 $: "550 bogus HELO name used: " $&s
R[ $+ . $+ ]			$@ OK
R[ IPv6 : $+ ]			$@ OK
R$*				$#error $@ 5.7.1 $: "550 bogus HELO name used: " $&s
')dnl
#
######################################################################
###  end of policy rulesets
######################################################################
