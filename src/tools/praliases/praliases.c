/* praliases.c - print the alias databases: every entry ("key:value", in
 * the database's own order, the "@:@" marker included) or only the keys
 * named on the command line ("key: No such key" for a missing one).
 *
 *     praliases [-C cffile] [-f aliasfile] [key ...]
 *
 * Without -f the AliasFile option of the cf (default
 * /etc/mail/sendmail.cf) names the files; entries of classes that are not
 * Berkeley DB files are skipped with a note.  Keys are looked up as given
 * (no case folding), with the trailing NUL the databases store. */
#include "aliases/aliases.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <ctype.h>
#include <db.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#define DEFAULT_CF "/etc/mail/sendmail.cf"

/* bytes of a stored key or value, without the trailing NUL */
static void put_datum(const DBT *d)
{
	size_t n = d->size;

	if (n > 0 && ((const char *)d->data)[n - 1] == '\0')
		n--;
	fwrite(d->data, 1, n, stdout);
}

static void print_pair(const DBT *k, const DBT *v)
{
	put_datum(k);
	putchar(':');
	put_datum(v);
	putchar('\n');
}

static void dump_all(DB *db)
{
	DBC *c = NULL;
	DBT k, v;

	if (db->cursor(db, NULL, &c, 0) != 0)
		return;
	memset(&k, 0, sizeof k);
	memset(&v, 0, sizeof v);
	while (c->get(c, &k, &v, DB_NEXT) == 0)
		print_pair(&k, &v);
	c->close(c);
}

static void show_keys(DB *db, char **keys, int nkeys)
{
	DBT k, v;
	int i;

	for (i = 0; i < nkeys; i++) {
		size_t n = strlen(keys[i]);
		memset(&k, 0, sizeof k);
		memset(&v, 0, sizeof v);
		k.data = keys[i];
		k.size = (u_int32_t)(n < UINT32_MAX ? n + 1 : UINT32_MAX);
		if (db->get(db, NULL, &k, &v, 0) == 0)
			print_pair(&k, &v);
		else
			printf("%s: No such key\n", keys[i]);
	}
}

/* Berkeley DB's own complaints are not the reference's output */
static void quiet(const DB_ENV *env, const char *pfx, const char *msg)
{
	(void)env;
	(void)pfx;
	(void)msg;
}

/* one database file.db: of the spec's class, or (implicit) hash or btree
 * as the file says; an error on stderr names the class's open failure */
static void print_file(const char *file, DBTYPE type, char **keys, int nkeys)
{
	buf_t path = BUF_INIT(0);
	DB *db = NULL;
	int r = EINVAL;

	buf_printf(&path, "%s.db", file);
	fflush(stdout);
	if (db_create(&db, NULL, 0) == 0)
		db->set_errcall(db, quiet);
	if (db != NULL)
		r = db->open(db, NULL, buf_str(&path), NULL, type, DB_RDONLY, 0);
	if (r != 0) {
		fprintf(stderr, "praliases: %s: open: %s\n", file,
			type == DB_UNKNOWN ? "Unknown database type" : db_strerror(r));
	} else if (nkeys > 0)
		show_keys(db, keys, nkeys);
	else
		dump_all(db);
	if (db != NULL)
		db->close(db, 0);
	buf_free(&path);
}

/* "hash:-N /etc/aliases" -> the file; NULL (with a note) for classes
 * that are not files */
static const char *spec_file(const char *spec, DBTYPE *type)
{
	const char *p = spec, *last;

	*type = DB_UNKNOWN;
	while (isalnum((unsigned char)*p) || *p == '_' || *p == '-' || *p == '.')
		p++;
	if (*p == ':' && p > spec) {
		size_t n = (size_t)(p - spec);
		if (!(n == 4 && strncmp(spec, "hash", 4) == 0) &&
		    !(n == 5 && strncmp(spec, "btree", 5) == 0) &&
		    !(n == 8 && strncmp(spec, "implicit", 8) == 0)) {
			printf("praliases: Skipping non-file based alias type %.*s\n", (int)n, spec);
			return NULL;
		}
		if (n == 4 || n == 5)
			*type = n == 4 ? DB_HASH : DB_BTREE;
		spec = p + 1;
	}
	last = spec;
	for (p = spec; *p; p++)
		if ((*p == ' ' || *p == '\t') && p[1] != ' ' && p[1] != '\t' && p[1] != '\0')
			last = p + 1;
	return last;
}

/* the AliasFile value of an O line ("O AliasFile=..." or "OA..."), or NULL */
static const char *aliasfile_option(const char *line)
{
	if (line[0] != 'O')
		return NULL;
	if (line[1] == 'A')
		return line + 2;
	if (line[1] != ' ')
		return NULL;
	line += 2;
	while (*line == ' ')
		line++;
	if (strncasecmp(line, "AliasFile", 9) != 0)
		return NULL;
	line += 9;
	while (*line == ' ')
		line++;
	return *line == '=' ? line + 1 : NULL;
}

/* every AliasFile setting of the cf, joined into one list */
static int read_cf(const char *cf, buf_t *list)
{
	FILE *f = fopen(cf, "r");
	buf_t line = BUF_INIT(0);
	int c;

	if (f == NULL) {
		printf("praliases: %s: %s\n", cf, strerror(errno));
		return EX_NOINPUT;
	}
	do {
		const char *v;
		buf_reset(&line);
		while ((c = getc(f)) != EOF && c != '\n')
			buf_addc(&line, c);
		v = aliasfile_option(buf_str(&line));
		if (v != NULL) {
			if (list->len > 0)
				buf_addc(list, ',');
			buf_adds(list, v);
		}
	} while (c != EOF);
	fclose(f);
	buf_free(&line);
	return EX_OK;
}

static void usage(void)
{
	fprintf(stderr, "usage: praliases [-C cffile] [-f aliasfile] [key ...]\n");
}

int main(int argc, char **argv)
{
	const char *cf = DEFAULT_CF, *file = NULL;
	buf_t list = BUF_INIT(0);
	char **specs;
	size_t n, i;
	int ch, rc = EX_OK;

	while ((ch = getopt(argc, argv, "C:f:")) != -1) {
		if (ch == 'C')
			cf = optarg;
		else if (ch == 'f')
			file = optarg;
		else {
			usage();
			return EX_USAGE;
		}
	}
	if (file != NULL) {
		print_file(file, DB_UNKNOWN, argv + optind, argc - optind);
		return EX_OK;
	}
	rc = read_cf(cf, &list);
	specs = alias_file_specs(buf_str(&list), &n);
	for (i = 0; rc == EX_OK && i < n; i++) {
		DBTYPE type;
		const char *f = spec_file(specs[i], &type);
		if (f != NULL)
			print_file(f, type, argv + optind, argc - optind);
	}
	alias_free_specs(specs, n);
	buf_free(&list);
	return rc;
}
