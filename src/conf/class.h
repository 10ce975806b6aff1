/* class.h - classes ($=x): sets of words, case-insensitive.
 *
 * Members live in one hash table shared by all classes, in the same
 * bucket order as the reference's symbol table, so that "$=w" in -bt
 * lists members in the order administrators see from sendmail. */
#ifndef SM_CLASS_H
#define SM_CLASS_H
#include <stdbool.h>
#include <stddef.h>

void class_add(int id, const char *word);
bool class_has(int id, const char *word);
bool class_has_n(int id, const char *word, size_t n);
/* call fn for each member of class id, in table order */
void class_each(int id, void (*fn)(const char *word, void *arg), void *arg);
void class_reset(void);
/* membership with a hash computed incrementally by the caller (spans of
 * tokens grow one token at a time while matching $=x) */
unsigned class_hash_init(void);
unsigned class_hash_add(unsigned h, const char *s, size_t n);
bool class_has_hashed(int id, const char *word, size_t n, unsigned h);

#endif
