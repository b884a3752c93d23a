#pragma once
// cuSPARSE under gpu/sparse.hpp (cuda/sparse.cpp), on raw device pointers with
// checked shapes; only the CUDA build has it (sparse.cpp's host systems use a
// row-parallel Thrust loop instead). Failures throw BackendError.

#include <cstdint>
#include <scilearn/core/types.hpp>

namespace scilearn::gpu::detail {

// y <- alpha A x + beta y, A rows x cols in CSR.
template <class T>
void cusparse_spmv(Index rows, Index cols, Index nnz, const std::int32_t* indptr, const std::int32_t* indices,
                   const T* values, T alpha, const T* x, T beta, T* y);

// C <- alpha A B + beta C, B cols x k and C rows x k column-major.
template <class T>
void cusparse_spmm(Index rows, Index cols, Index nnz, const std::int32_t* indptr, const std::int32_t* indices,
                   const T* values, Index k, T alpha, const T* B, T beta, T* C);

}  // namespace scilearn::gpu::detail
