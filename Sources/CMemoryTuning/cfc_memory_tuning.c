#include "cfc_memory_tuning.h"

// Any C library header defines __GLIBC__ (through features.h) when the library is glibc.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void cfc_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // glibc gives freed memory at the top of the heap back to the kernel as soon as 128 KiB
    // are free; a compile frees and allocates a distribution's worth over and over, and
    // every page given back is faulted in again.
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}
