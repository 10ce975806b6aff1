/* fuzz_qf.c - libFuzzer target for the control file reader (qf_read_mem)
 * and writer (qf_format).
 *
 * Input: the bytes of a qf file.  Whatever it holds, reading must end in
 * 0 or -1 with a message, never a crash; when it reads, the text qf_format
 * makes of it must read again and format to the very same bytes (the
 * writer's output is always a well-formed control file, and a second
 * round trip changes nothing). */
#include "queue/queue.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	envelope_t e, e2;
	buf_t err = BUF_INIT(512), out = BUF_INIT(0), out2 = BUF_INIT(0);

	env_init(&e);
	env_init(&e2);
	if (qf_read_mem((const char *)data, size, &e, &err) == 0) {
		qf_format(&e, &out);
		if (qf_read_mem(out.p, out.len, &e2, &err) != 0)
			abort();
		qf_format(&e2, &out2);
		if (out.len != out2.len || memcmp(out.p, out2.p, out.len) != 0)
			abort();
	} else if (err.len == 0) {
		abort();
	}
	env_free(&e);
	env_free(&e2);
	buf_free(&err);
	buf_free(&out);
	buf_free(&out2);
	return 0;
}
