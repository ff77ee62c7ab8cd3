#ifndef CFC_MEMORY_TUNING_H
#define CFC_MEMORY_TUNING_H

/// Keeps memory the process frees for reuse instead of handing it back to the kernel at once
/// (glibc's M_TRIM_THRESHOLD). Does nothing outside glibc.
void cfc_keep_freed_memory(void);

#endif
