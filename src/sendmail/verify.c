/* verify.c - -bv: resolve each recipient and say where it would go. */
#include "sendmail/init.h"
#include "addr/parseaddr.h"
#include <stdio.h>
#include <sysexits.h>

int sm_verify(cf_t *cf, const sm_args_t *a)
{
	int i, rc = EX_OK;

	for (i = 0; i < a->nrcpts; i++) {
		addr_t ad;
		if (parseaddr(cf, NULL, a->rcpts[i], RF_RECIPADDR, &ad) < 0) {
			rc = EX_USAGE;
			continue;
		}
		if (ad.mailer == NULL) {
			printf("%s... %s\n", a->rcpts[i], ad.user ? ad.user : "");
			rc = ad.exitstat ? ad.exitstat : EX_UNAVAILABLE;
		} else if (ad.host && *ad.host)
			printf("%s... deliverable: mailer %s, host %s, user %s\n", a->rcpts[i],
			       ad.mailer->name, ad.host, ad.user);
		else
			printf("%s... deliverable: mailer %s, user %s\n", a->rcpts[i],
			       ad.mailer->name, ad.user);
		addr_free(&ad);
	}
	return rc;
}
