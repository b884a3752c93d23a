// Nearest neighbours on the device: points drawn on the device, the 5 nearest
// reference points of each query found in tiles, only the answer copied back.
// Runs on an NVIDIA GPU in a CUDA build, on the host's cores otherwise.
#include <cstdio>
#include <scilearn/gpu.hpp>

int main() {
  using namespace scilearn;
  const Index n_ref = 20000, n_queries = 1000, d = 16, k = 5;

  // Seeded streams, identical on every back end, viewed as n x d matrices.
  const auto X = gpu::DeviceMatrix<float>::reshape(gpu::normal<float>(n_ref * d, 42), n_ref, d);
  const auto Q = gpu::DeviceMatrix<float>::reshape(gpu::normal<float>(n_queries * d, 43), n_queries, d);

  gpu::reset_transfer_stats();
  const auto nn = gpu::kneighbors(X, Q, k, {.metric = gpu::Metric::euclidean, .tile_bytes = std::size_t{64} << 20});
  const Eigen::MatrixXf distances = nn.distances.to_host();
  const Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> indices = nn.indices.to_host();

  std::printf("device system: %s\n", gpu::backend_name(gpu::backend()));
  std::printf("query 0: nearest reference %lld at distance %.4f\n", static_cast<long long>(indices(0, 0)),
              static_cast<double>(distances(0, 0)));
  const gpu::TransferStats t = gpu::transfer_stats();
  std::printf("device -> host copies: %zu (%zu bytes)\n", t.device_to_host_count, t.device_to_host_bytes);
}
