/* map_log.h - syslog lines from map classes, as the reference writes
 * them ("sendmail[pid]: QUEUEID: text", facility mail). */
#ifndef SM_MAP_LOG_H
#define SM_MAP_LOG_H
#include <syslog.h>

void map_log(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void map_log_noid(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
