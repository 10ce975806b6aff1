/* editmap - query (-q), update (-u) or delete (-x) one entry of a
 * Berkeley DB map, with the reference editmap's options, messages and
 * exit statuses. */
#include "maps/db_write.h"
#include "maps/maptool.h"
#include "lib/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

typedef struct editmap {
	const char *cf, *type, *map;
	int mode;               /* 'q', 'u' or 'x' */
	bool nul, fold;
	buf_t key, val;
	dbw_opts_t dbo;
} editmap_t;

static void usage(void)
{
	fputs("Usage: editmap [-C cffile] [-N] [-f] [-q|-u|-x] maptype mapname key "
	      "[ \"value ...\" ]\n", stderr);
	exit(EX_USAGE);
}

static void set_mode(editmap_t *em, int c)
{
	if (em->mode != 0)
		usage();
	em->mode = c;
}

static void parse_args(editmap_t *em, int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "C:Nfqux")) != -1) {
		switch (c) {
		case 'C': em->cf = optarg; break;
		case 'N': em->nul = true; break;
		case 'f': em->fold = false; break;
		case 'q': case 'u': case 'x': set_mode(em, c); break;
		default: usage();
		}
	}
	if (em->mode == 0 || argc - optind != (em->mode == 'u' ? 4 : 3))
		usage();
	em->type = argv[optind];
	em->map = argv[optind + 1];
	if (strcmp(em->type, "hash") == 0 || strcmp(em->type, "implicit") == 0)
		em->dbo.type = DBW_HASH;
	else if (strcmp(em->type, "btree") == 0)
		em->dbo.type = DBW_BTREE;
	else
		usage();
	buf_adds(&em->key, argv[optind + 2]);
	if (em->fold)
		dbw_fold(em->key.p, em->key.len);
	if (em->mode == 'u')
		buf_adds(&em->val, argv[optind + 3]);
}

static dbw_t *open_map(editmap_t *em)
{
	char *path = dbw_path(em->map);
	const char *why = maptool_check_path(path, false);
	dbw_t *w = NULL;
	int r;

	em->dbo.mode = em->mode == 'q' ? DBW_READ : DBW_UPDATE;
	if (why == NULL) {
		r = dbw_open(&w, path, &em->dbo);
		why = r == 0 ? NULL : dbw_strerror(r);
	}
	free(path);
	if (why != NULL) {
		fprintf(stderr, "editmap: error opening type %s map %s: %s\n", em->type, em->map, why);
		exit(EX_CANTCREAT);
	}
	return w;
}

static int query(editmap_t *em, dbw_t *w)
{
	const void *v;
	size_t vl;
	int r = dbw_get(w, em->key.p, em->key.len + em->nul, &v, &vl);

	if (r == 0) {
		maptool_print(v, vl, stdout);
		putchar('\n');
		return fflush(stdout) == 0 ? EX_OK : EX_IOERR;
	}
	fprintf(stderr, "editmap: couldn't find key %s in map %s\n", em->key.p, em->map);
	return EX_UNAVAILABLE;
}

static int edit(editmap_t *em, dbw_t *w)
{
	int r;

	if (em->mode == 'x') {
		r = dbw_del(w, em->key.p, em->key.len + em->nul);
		if (r == DBW_NOTFOUND) {
			fprintf(stderr, "editmap: key %s doesn't exist in map %s\n", em->key.p, em->map);
			return EX_OK;
		}
	} else
		r = dbw_put(w, em->key.p, em->key.len + em->nul, em->val.p, em->val.len + em->nul,
			    DBW_PUT_REPLACE);
	if (r == 0)
		return EX_OK;
	fprintf(stderr, "editmap: error %s key %s in map %s: %s\n",
		em->mode == 'x' ? "deleting" : "updating", em->key.p, em->map, dbw_strerror(r));
	return EX_IOERR;
}

int main(int argc, char **argv)
{
	editmap_t em;
	dbw_t *w;
	int ex, r;

	memset(&em, 0, sizeof em);
	em.cf = MAPTOOL_DEFAULT_CF;
	em.fold = true;
	buf_init(&em.key, 0);
	buf_init(&em.val, 0);
	parse_args(&em, argc, argv);
	r = maptool_trusted_user("editmap", em.cf, &em.dbo);
	if (r != 0)
		return r;
	w = open_map(&em);
	ex = em.mode == 'q' ? query(&em, w) : edit(&em, w);
	if (dbw_close(w) != 0 && ex == EX_OK)
		ex = EX_IOERR;
	buf_free(&em.key);
	buf_free(&em.val);
	return ex;
}
