#pragma once
// Memory advice shared by learn's kernels that write large fresh outputs.

#include <cstddef>

namespace scilearn::learn::detail {

// Asks the kernel for transparent huge pages on a large buffer that is about
// to be written for the first time (Linux, THP in "madvise" mode; a no-op
// elsewhere or below 4 MB). NumPy does the same for its large arrays: the
// first touch of a multi-GB output then costs one fault per 2 MB instead of
// one per 4 KB.
void advise_huge_pages(void* data, std::size_t bytes);

}  // namespace scilearn::learn::detail
