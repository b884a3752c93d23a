#pragma once
// Private to scilearn::learn: which reader rebuilds each estimator class from
// a model file record.

#include <memory>
#include <scilearn/core/io/binary.hpp>
#include <scilearn/learn/base/estimator.hpp>
#include <string_view>

namespace scilearn::learn::detail {

using RecordReader = std::unique_ptr<Estimator> (*)(io::BinaryReader&);

/// The reader of the class called `name`, or nullptr for an unknown class.
RecordReader find_record_reader(std::string_view name);

}  // namespace scilearn::learn::detail
