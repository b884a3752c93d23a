#pragma once
/// \file
/// Principal component analysis on the device, as scikit-learn's
/// PCA(svd_solver="covariance_eigh"): the covariance matrix of the centered
/// data (one SYRK), its eigendecomposition (eigh), the leading eigenvectors as
/// components. The cost is O(n d^2 + d^3) for n samples of d features and the
/// data are read once, which suits tall data (n >> d), the common case on a GPU.

#include <scilearn/gpu/device_array.hpp>

namespace scilearn::gpu {

/// A fitted PCA, with scikit-learn's attribute names.
template <DeviceReal T>
struct PCAResult {
  DeviceMatrix<T> components;                ///< n_components x d, rows orthonormal
  DeviceVector<T> explained_variance;        ///< the covariance's leading eigenvalues, descending
  DeviceVector<T> explained_variance_ratio;  ///< each over the total variance
  DeviceVector<T> singular_values;           ///< sqrt(explained_variance * (n - 1))
  DeviceVector<T> mean;                      ///< per feature
  T noise_variance = 0;                      ///< mean of the eigenvalues left out (0 when none are)
};

/// Fits PCA with n_components components (0: all, min(n, d)). Components carry
/// scikit-learn's signs: the entry of largest magnitude in each is positive
/// (svd_flip with u_based_decision=False). Throws ValueError unless n >= 2,
/// d >= 1 and 0 <= n_components <= min(n, d), or on NaN / Inf; LinAlgError if
/// eigh does not converge.
template <DeviceReal T>
[[nodiscard]] PCAResult<T> pca(const DeviceMatrix<T>& X, Index n_components = 0);

/// (X - mean) components^T: the data in component coordinates (n x
/// n_components). Throws ValueError when X's feature count differs from the fit's.
template <DeviceReal T>
[[nodiscard]] DeviceMatrix<T> pca_transform(const PCAResult<T>& fitted, const DeviceMatrix<T>& X);

}  // namespace scilearn::gpu
